/**
 * Starts the real app (server.ts, production mode) as a child process on a free port, as `npm start`
 * would, with its own database. The build must exist (global-setup makes it).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./ports";

export interface AppServer {
  url: string;
  port: number;
  /** The server process's id (benchmarks read its memory). */
  pid: number;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, "..", "..");

/** A SQLite URL for a new database file in a temp folder of its own. */
export function tempSqliteUrl(): string {
  return `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), "flickboard-db-")), "test.db")}`;
}

export async function startAppServer(env: Record<string, string> = {}): Promise<AppServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: tempSqliteUrl(),
      SEED_DEMO: "false",
      // Tests sign up many players from 127.0.0.1; the sign-up limit has a test of its own.
      SIGNUP_RATE_PER_IP: "100000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000);
    const onData = () => {
      if (output.includes("Flickboard ready on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`));
    });
  });

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

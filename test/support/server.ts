/**
 * Starts the real app (server.ts, production mode) as a child process on a free port, as `npm start`
 * would, with its own database. The build must exist (global-setup makes it). For crash tests a
 * server can be killed with SIGKILL (no shutdown code runs) and started again on its database.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sqliteFile } from "../../server/db/provider";
import { freePort } from "./ports";

export interface AppServer {
  url: string;
  port: number;
  /** The server process's id (benchmarks read its memory). */
  pid: number;
  /** The environment it was started with (its DATABASE_URL included). */
  env: Record<string, string>;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
  /**
   * kill -9: the process dies at once, in the middle of whatever it was doing. Resolves once it is
   * gone; rejects if it had already exited on its own (a crash the test did not cause).
   */
  kill(): Promise<void>;
  /** A new process on the same database and port (after `stop` or `kill`). */
  restart(): Promise<AppServer>;
}

const root = path.resolve(import.meta.dirname, "..", "..");

/** A SQLite URL for a new database file in a temp folder of its own. */
export function tempSqliteUrl(): string {
  return `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), "flickboard-db-")), "test.db")}`;
}

/**
 * A process's CPU time so far (user + system), in ms, from /proc: what a server spent on some work,
 * apart from the time it waited for a core on a shared machine.
 */
export function processCpuMs(pid: number): number {
  // /proc/<pid>/stat after the command's ") ": state is field 3, utime 14 and stime 15, in ticks of 10 ms.
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Where global-setup leaves a SQLite file with every migration applied and the base data seeded. */
export const SQLITE_TEMPLATE_ENV = "FLICKBOARD_TEST_SQLITE_TEMPLATE";

/**
 * A SQLite URL for a new database file that starts as a copy of global-setup's template: migrated
 * and seeded as the server would leave it, so a server started on it skips the 5-6 s of applying
 * every migration to an empty file (test/integration/health.test.ts still starts one on an empty file).
 * Without the template (a run without global-setup), a new empty file.
 */
export function seededSqliteUrl(): string {
  const url = tempSqliteUrl();
  const template = process.env[SQLITE_TEMPLATE_ENV];
  if (template) fs.copyFileSync(template, sqliteFile(url));
  return url;
}

/**
 * Starts the app with `env` (a new SQLite database, seededSqliteUrl, unless DATABASE_URL is given) on
 * `port` or a free one. `nodeArgs` go to node before the script (a benchmark's `--cpu-prof`).
 */
export async function startAppServer(env: Record<string, string> = {}, port?: number, nodeArgs: readonly string[] = []): Promise<AppServer> {
  env = { ...env, DATABASE_URL: env.DATABASE_URL ?? seededSqliteUrl() };
  if (port !== undefined) return launch(env, port, nodeArgs);
  // A port free a moment ago can be taken (by another test's outgoing connection) before the server
  // listens on it: then another one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(env, await freePort(), nodeArgs);
    } catch (err) {
      if (attempt === 3 || !String(err).includes("EADDRINUSE")) throw err;
    }
  }
}

/**
 * What `npm start` sets in the server's environment: the `NAME=value` words its script begins with
 * (glibc's MALLOC_ARENA_MAX, docs/deploy.md). Servers started here get the same, so tests and
 * benchmarks run the process production runs.
 */
function startScriptEnv(): Record<string, string> {
  const script = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;
  const env: Record<string, string> = {};
  for (const word of script.split(/\s+/)) {
    const assignment = /^([A-Z_][A-Z0-9_]*)=(\S*)$/.exec(word);
    if (!assignment) break;
    env[assignment[1]!] = assignment[2]!;
  }
  return env;
}

async function launch(env: Record<string, string>, port: number, nodeArgs: readonly string[]): Promise<AppServer> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "server.ts"], {
    cwd: root,
    env: {
      ...process.env,
      ...startScriptEnv(),
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
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

  const ended = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill(signal);
    });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    env,
    output: () => output,
    stop: () => ended("SIGTERM"),
    kill: () =>
      child.exitCode !== null || child.signalCode !== null
        ? Promise.reject(new Error(`the server had already exited (${child.exitCode ?? child.signalCode}):\n${output.slice(-4000)}`))
        : ended("SIGKILL"),
    restart: () => startAppServer(env, port, nodeArgs),
  };
}

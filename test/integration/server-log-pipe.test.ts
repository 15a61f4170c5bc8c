/**
 * The server outlives whoever reads its log: with its stdout and stderr pipes closed (the process
 * that started it died), it goes on answering and stays idle. It used to log each failed write
 * (EPIPE), which failed again, and spun a core for ever.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { freePort, waitForPort } from "../support/ports";
import { processCpuMs, seededSqliteUrl } from "../support/server";

const root = path.resolve(import.meta.dirname, "..", "..");
let child: ReturnType<typeof spawn> | undefined;
afterAll(() => void child?.kill("SIGKILL"));

it("keeps answering, idle, after its log pipes close", async () => {
  const port = await freePort();
  child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", SEED_DEMO: "false", DATABASE_URL: seededSqliteUrl() },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Nobody reads the log from here on: the "ready" line is written to a closed pipe.
  child.stdout!.destroy();
  child.stderr!.destroy();
  await waitForPort(port, 60_000);

  const health = await fetch(`http://127.0.0.1:${port}/api/health`);
  expect(health.status).toBe(200);
  const before = processCpuMs(child.pid!);
  await new Promise((r) => setTimeout(r, 3000));
  // Idle: a spinning loop takes the whole 3 s of a core.
  expect(processCpuMs(child.pid!) - before).toBeLessThan(1000);
  expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
  expect(child.exitCode).toBeNull();
});

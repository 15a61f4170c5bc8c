/** A throwaway Redis server on 127.0.0.1 (Debian's `redis-server`), for tests and benchmarks. */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { freePort, waitForPort } from "./ports";

export const REDIS_SERVER = "/usr/bin/redis-server";

export interface LocalRedis {
  url: string;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<LocalRedis> {
  if (!fs.existsSync(REDIS_SERVER)) throw new Error("Redis is not installed (apt-get install -y redis-server)");
  const port = await freePort();
  const child: ChildProcess = spawn(
    REDIS_SERVER,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  await waitForPort(port, 10_000);
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/**
 * The process-wide services (config, database, socket.io), shared between server.ts and the route
 * handlers. Next.js bundles route handlers separately from server.ts, so a module-level singleton
 * would exist twice; the one registry on globalThis is what both see.
 */
import type { Server as SocketServer } from "socket.io";
import { loadConfig, type Config } from "./config";
import { createDb, type Db } from "./db/client";
import { RateLimiter } from "./runs/rate-limit";

export interface Runtime {
  config: Config;
  db: Db;
  io?: SocketServer;
  limiter: RateLimiter;
}

const registry = globalThis as typeof globalThis & { __flickboard?: Runtime };

/** The runtime, created from the environment on first use (e.g. under plain `next dev`). */
export function runtime(): Runtime {
  if (!registry.__flickboard) {
    const config = loadConfig();
    registry.__flickboard = { config, db: createDb(config.DATABASE_URL), limiter: new RateLimiter() };
  }
  return registry.__flickboard;
}

export function setRuntime(value: Runtime): void {
  registry.__flickboard = value;
}

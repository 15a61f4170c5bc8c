/**
 * The process-wide services (config, database, ranks, socket.io), shared between server.ts and the route
 * handlers. Next.js bundles route handlers separately from server.ts, so a module-level singleton
 * would exist twice; the one registry on globalThis is what both see.
 */
import { MemoryRankStore, type RankStore } from "./boards/ranks";
import { loadConfig, type Config } from "./config";
import { createDb, type Db } from "./db/client";
import type { BoardLive, LiveServer } from "./live/boards";
import { RateLimiter } from "./runs/rate-limit";

export interface Runtime {
  config: Config;
  db: Db;
  limiter: RateLimiter;
  /** Ranks on boards: in process, or in Redis when REDIS_URL is set. */
  ranks: RankStore;
  /** socket.io and live boards: only where server.ts runs (not under a bare `next dev`). */
  io?: LiveServer;
  live?: BoardLive;
}

const registry = globalThis as typeof globalThis & { __flickboard?: Runtime };

/** The runtime, created from the environment on first use (e.g. under plain `next dev`). */
export function runtime(): Runtime {
  if (!registry.__flickboard) {
    const config = loadConfig();
    const db = createDb(config.DATABASE_URL);
    registry.__flickboard = { config, db, limiter: new RateLimiter(), ranks: new MemoryRankStore(db) };
  }
  return registry.__flickboard;
}

export function setRuntime(value: Runtime): void {
  registry.__flickboard = value;
}

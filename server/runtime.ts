/**
 * The process-wide services (config, database, ranks, socket.io), shared between server.ts and the route
 * handlers. Next.js bundles route handlers separately from server.ts, so a module-level singleton
 * would exist twice; the one registry on globalThis is what both see.
 */
import { MemoryRankStore, type RankStore } from "./boards/ranks";
import { loadConfig, type Config } from "./config";
import { createDb, type Db } from "./db/client";
import type { CloseScheduler } from "./closes/scheduler";
import type { BoardLive, LiveServer } from "./live/boards";
import { MemoryRateLimiter, type RateLimiter } from "./runs/rate-limit";
import type { Verifier } from "./runs/verify-pool";

export interface Runtime {
  config: Config;
  db: Db;
  /** Rate limits: in process, or shared through Redis when REDIS_URL is set. */
  limiter: RateLimiter;
  /** Ranks on boards: in process, or in Redis when REDIS_URL is set. */
  ranks: RankStore;
  /** socket.io and live boards: only where server.ts runs (not under a bare `next dev`). */
  io?: LiveServer;
  live?: BoardLive;
  /** The close scheduler (server.ts): a settings change asks it to run, which rebuilds its jobs on the new schedules. */
  closes?: Pick<CloseScheduler, "runNow">;
  /** The pool of threads that replay submitted runs (server.ts); finishes verify on their own thread without it. */
  verifier?: Verifier;
}

const registry = globalThis as typeof globalThis & { __flickboard?: Runtime };

/** The runtime, created from the environment on first use (e.g. under plain `next dev`). */
export function runtime(): Runtime {
  if (!registry.__flickboard) {
    const config = loadConfig();
    const db = createDb(config.DATABASE_URL);
    registry.__flickboard = { config, db, limiter: new MemoryRateLimiter(), ranks: new MemoryRankStore(db) };
  }
  return registry.__flickboard;
}

export function setRuntime(value: Runtime): void {
  registry.__flickboard = value;
}

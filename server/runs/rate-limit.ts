/**
 * Sliding-window rate limits: at most `limit` hits per key in any `windowMs`. A refused hit is not
 * counted, and says when the oldest hit leaves the window (Retry-After).
 *
 * - MemoryRateLimiter: in this process (one app instance).
 * - RedisRateLimiter (REDIS_URL set): the hits live in Redis, one sorted set per key, checked and
 *   taken in one script on Redis's clock, so every instance counts against the same limit.
 */
import crypto from "node:crypto";
import type { RedisCommander } from "../boards/redis-rank";
import { RateLimited } from "../errors";

export type RateVerdict = { ok: true } | { ok: false; retryAfterSec: number };

export abstract class RateLimiter {
  /** Records a hit for `key` unless it is over `limit` per `windowMs`; says when to retry if so. */
  abstract take(key: string, limit: number, windowMs: number): Promise<RateVerdict>;

  /** Takes a hit, or throws RateLimited (`what` names what was limited, e.g. "run starts"). */
  async enforce(key: string, limit: number, windowMs: number, what: string): Promise<void> {
    const verdict = await this.take(key, limit, windowMs);
    if (!verdict.ok) throw new RateLimited(`Too many ${what}; try again in ${verdict.retryAfterSec} s.`, verdict.retryAfterSec);
  }
}

const retryAfter = (oldest: number, windowMs: number, now: number) => Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));

export class MemoryRateLimiter extends RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly clock: () => number = Date.now) {
    super();
  }

  async take(key: string, limit: number, windowMs: number): Promise<RateVerdict> {
    const now = this.clock();
    const since = now - windowMs;
    let times = this.hits.get(key);
    if (!times) this.hits.set(key, (times = []));
    // Hits are kept oldest first: the ones out of the window leave from the front, in place. A copy
    // per hit (filter) would cost O(hits in the window) for every hit, and a key's list lives long
    // enough to be in the old generation, so every replaced copy was garbage for a major GC.
    const expired = times.findIndex((t) => t > since);
    times.splice(0, expired === -1 ? times.length : expired);
    if (times.length >= limit) return { ok: false, retryAfterSec: retryAfter(times[0]!, windowMs, now) };
    // A clock that stepped back does not break the order: the hit counts as at the newest time so far.
    times.push(Math.max(now, times[times.length - 1] ?? now));
    if (this.hits.size > 100_000) this.sweep(since);
    return { ok: true };
  }

  private sweep(since: number) {
    for (const [key, times] of this.hits) if (times[times.length - 1]! <= since) this.hits.delete(key);
  }
}

/** Drops hits older than the window; takes one if under the limit; else answers the oldest hit's time. */
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, tonumber(oldest[2]), now}
end
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('PEXPIRE', KEYS[1], window)
return {1, 0, now}
`;

export class RedisRateLimiter extends RateLimiter {
  constructor(private readonly redis: RedisCommander) {
    super();
  }

  async take(key: string, limit: number, windowMs: number): Promise<RateVerdict> {
    const hit = crypto.randomUUID();
    const [taken, oldest, now] = (await this.redis.sendCommand(["EVAL", TAKE, "1", `fb:rate:{${key}}`, String(windowMs), String(limit), hit])) as number[];
    return Number(taken) === 1 ? { ok: true } : { ok: false, retryAfterSec: retryAfter(Number(oldest), windowMs, Number(now)) };
  }
}

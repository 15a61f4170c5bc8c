import { RateLimited } from "../errors";

/**
 * Sliding-window rate limits (in process memory; each app instance limits on its own, which bounds
 * a client at N x the limit across N instances).
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  /** Records a hit for `key` unless it is over `limit` per `windowMs`; says when to retry if so. */
  take(key: string, limit: number, windowMs: number, now = Date.now()): { ok: true } | { ok: false; retryAfterSec: number } {
    const since = now - windowMs;
    const times = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (times.length >= limit) {
      this.hits.set(key, times);
      return { ok: false, retryAfterSec: Math.max(1, Math.ceil((times[0]! + windowMs - now) / 1000)) };
    }
    times.push(now);
    this.hits.set(key, times);
    if (this.hits.size > 100_000) this.sweep(since);
    return { ok: true };
  }

  /** Takes a hit, or throws RateLimited (`what` names what was limited, e.g. "run starts"). */
  enforce(key: string, limit: number, windowMs: number, what: string): void {
    const verdict = this.take(key, limit, windowMs);
    if (!verdict.ok) throw new RateLimited(`Too many ${what}; try again in ${verdict.retryAfterSec} s.`, verdict.retryAfterSec);
  }

  private sweep(since: number) {
    for (const [key, times] of this.hits) if (times[times.length - 1]! <= since) this.hits.delete(key);
  }
}

/** Rate limits on run starts and finishes, per player and per client address (429 + Retry-After). */
import { ApiError } from "../api/errors";
import type { Runtime } from "../runtime";

const MINUTE = 60_000;

export function enforceRunRate(rt: Runtime, action: "start" | "finish", playerId: string, ip: string): void {
  const checks: [string, number][] = [
    [`${action}:player:${playerId}`, rt.config.RUN_RATE_PER_PLAYER],
    [`${action}:ip:${ip}`, rt.config.RUN_RATE_PER_IP],
  ];
  for (const [key, limit] of checks) {
    const verdict = rt.limiter.take(key, limit, MINUTE);
    if (!verdict.ok) {
      throw new ApiError(429, "rate_limited", `Too many run ${action}s; try again in ${verdict.retryAfterSec} s.`, {
        "Retry-After": String(verdict.retryAfterSec),
      });
    }
  }
}

/** Rate limits on run starts and finishes, per player and per client address (429 + Retry-After). */
import type { Runtime } from "../runtime";

const MINUTE = 60_000;

export async function enforceRunRate(rt: Runtime, action: "start" | "finish", playerId: string, ip: string): Promise<void> {
  await rt.limiter.enforce(`${action}:player:${playerId}`, rt.config.RUN_RATE_PER_PLAYER, MINUTE, `run ${action}s`);
  await rt.limiter.enforce(`${action}:ip:${ip}`, rt.config.RUN_RATE_PER_IP, MINUTE, `run ${action}s`);
}

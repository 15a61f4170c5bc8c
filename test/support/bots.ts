/** Test helpers: bots that aim exactly using the core's own target positions. */
import {
  Rng,
  Simulation,
  TICKS_PER_MS,
  anglesToward,
  getScenario,
  msToTicks,
  parseScenario,
  radiansPerCount,
  targetPosition,
  vec3,
  type Aim,
  type RunResult,
  type RunSettings,
  type Scenario,
  type Tier,
} from "../../game/core/index";
import { DEMO_SETTINGS, frameSchedule, runHumanClicker } from "../../server/demo/human-player";

export const SETTINGS: RunSettings = DEMO_SETTINGS;

export function scenario(id: string): Scenario {
  const s = getScenario(id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
}

/** A built-in scenario with a different duration (for fast tests). */
export function shortened(id: string, durationMs: number): Scenario {
  return parseScenario({ ...scenario(id), durationMs });
}

/** Last element of sorted `xs` that is <= t, or -1. */
export function lastAtOrBefore(xs: number[], t: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= t) {
      best = xs[mid]!;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** Commanded aim in integer counts (what the bot has sent so far). */
export class BotAim {
  x = 0; // yaw counts
  y = 0; // pitch counts (up positive)
  private readonly a = { yaw: 0, pitch: 0 };
  private readonly p = vec3();
  constructor(private readonly rpc: number) {}
  /** Mouse delta (dx, dy in DOM convention) that moves the aim onto the given position. */
  deltaTo(x: number, y: number, z: number): [number, number] {
    this.p.x = x;
    this.p.y = y;
    this.p.z = z;
    anglesToward(this.p, this.a);
    const cx = Math.round(this.a.yaw / this.rpc);
    const cy = Math.round(this.a.pitch / this.rpc);
    const d: [number, number] = [cx - this.x, -(cy - this.y)];
    this.x = cx;
    this.y = cy;
    return d;
  }
}

export interface BotRun {
  sim: Simulation;
  result: RunResult;
}

/**
 * Clicking bot: after each frame, if no shot is in flight, picks a visible target,
 * computes where it will be drawn in the last frame at or before the press's
 * effective time, moves the aim there and clicks (one tick after the frame).
 */
export function runClickBot(sc: Scenario, seed: number, tier: Tier, settings = SETTINGS): BotRun {
  const sim = new Simulation(sc, seed, tier, settings);
  const frames = frameSchedule(tier.fpsCap, sc.durationMs);
  const bot = new BotAim(radiansPerCount(settings));
  const pos = vec3();
  let issued = 0;
  for (const f of frames) {
    sim.frame(f);
    if (sim.shots !== issued) continue; // previous shot not evaluated yet
    let target = null;
    for (const v of sim.targets) if (v.visible && (!target || v.spawnIndex < target.spawnIndex)) target = v;
    if (!target) continue;
    const t = f + 1 / TICKS_PER_MS;
    if (t + 1 > sc.durationMs) continue;
    const frameAt = lastAtOrBefore(frames, t + tier.addedLatencyMs);
    targetPosition(sc, seed, target.spawnIndex, target.spawnedAtMs, frameAt, pos);
    const [dx, dy] = bot.deltaTo(pos.x, pos.y, pos.z);
    sim.mouseMove(t, dx, dy);
    sim.button(t, 0, true);
    sim.button(t + 1, 0, false);
    issued++;
  }
  return { sim, result: sim.finish() };
}

/**
 * Tracking bot: for every frame f it sends, at raw time f - L, the movement that
 * puts the aim exactly on the locked target's position at f. It re-locks (to the
 * visible target with the lowest spawn index) when the locked target is gone.
 * Holds the primary button for the whole run if the scenario requires it.
 * Options make it look more human: aim where the target was `lagMs` earlier, and
 * add up to `noiseDeg` of random error per axis.
 */
export function runTrackBot(
  sc: Scenario,
  seed: number,
  tier: Tier,
  settings = SETTINGS,
  options: { lagMs?: number; noiseDeg?: number; rng?: Rng } = {},
): BotRun {
  const lag = options.lagMs ?? 0;
  const noise = ((options.noiseDeg ?? 0) * Math.PI) / 180;
  const rng = options.rng ?? new Rng(seed);
  const sim = new Simulation(sc, seed, tier, settings);
  const frames = frameSchedule(tier.fpsCap, sc.durationMs);
  const bot = new BotAim(radiansPerCount(settings));
  const pos = vec3();
  const L = tier.addedLatencyMs;
  if (sc.scoring.requireButtonHeld) sim.button(0, 0, true);
  let locked = -1;
  let lockedSpawnAt = 0;
  let p = 0; // next frame to plan
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i]!;
    while (p < frames.length && frames[p]! - L <= f) {
      const fp = frames[p]!;
      p++;
      if (fp - L < 0) continue;
      const alive = sim.targets.some((v) => v.visible && v.spawnIndex === locked);
      if (!alive) {
        locked = -1;
        for (const v of sim.targets) {
          if (v.visible && (locked < 0 || v.spawnIndex < locked)) {
            locked = v.spawnIndex;
            lockedSpawnAt = v.spawnedAtMs;
          }
        }
      }
      if (locked < 0) continue;
      targetPosition(sc, seed, locked, lockedSpawnAt, Math.max(lockedSpawnAt, fp - lag), pos);
      if (noise > 0) {
        pos.x += rng.range(-noise, noise) * sc.targets.distance;
        pos.y += rng.range(-noise, noise) * sc.targets.distance;
      }
      const [dx, dy] = bot.deltaTo(pos.x, pos.y, pos.z);
      if (dx !== 0 || dy !== 0) sim.mouseMove(fp - L, dx, dy);
    }
    sim.frame(f);
  }
  return { sim, result: sim.finish() };
}

/** Random quantised time in [lo, hi). */
export function randomTime(rng: Rng, lo: number, hi: number): number {
  return Math.floor(rng.range(lo, hi) * TICKS_PER_MS) / TICKS_PER_MS;
}

/** Fast exact comparison (vitest's toEqual is slow on large typed arrays). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export { frameSchedule, runHumanClicker };

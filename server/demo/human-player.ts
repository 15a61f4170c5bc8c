/**
 * A simulated human player, for demo data and tests: what a real run looks like to the server's
 * plausibility checks (docs/anti-cheat.md). It plays static clicking scenarios through the game
 * core's Simulation, exactly as the browser would feed it.
 */
import {
  anglesToward,
  msToTicks,
  radiansPerCount,
  Simulation,
  TICKS_PER_MS,
  type Aim,
  type RunEnvironment,
  type RunSettings,
  type Rng,
  type Scenario,
  type Tier,
} from "../../game/core";

/** The sensitivity the simulated players use: 30 cm/360 at 800 DPI. */
export const DEMO_SETTINGS: RunSettings = { cm360: 30, dpi: 800 };

/** The environment a simulated player's client reports for a run on `tier`. */
export function demoEnvironment(tier: Tier, userAgent = "Flickboard simulated player"): RunEnvironment {
  return {
    tier: tier.name,
    fpsCap: tier.fpsCap,
    addedLatencyMs: tier.addedLatencyMs,
    refreshHz: 240,
    achievedFps: tier.fpsCap,
    belowTierCap: false,
    frameJsMs: { median: 0.2, p99: 0.6 },
    rawInput: true,
    spikesDropped: 0,
    ...DEMO_SETTINGS,
    hfovDeg: 103,
    devicePixelRatio: 1,
    userAgent,
  };
}

/** Presented-frame times (ms, quantised) at exactly the tier cap, from 1/cap to durationMs. */
export function frameSchedule(fps: number, durationMs: number): number[] {
  const out: number[] = [];
  for (let i = 1; ; i++) {
    const t = msToTicks((i * 1000) / fps) / TICKS_PER_MS;
    if (t > durationMs) break;
    out.push(t);
  }
  return out;
}

/**
 * A human-like clicking player for static targets: a reaction delay after the target is seen, a
 * minimum-jerk flick at 1000 Hz that overshoots, a slower correction, then a press held for a
 * while. Its log is what a real run looks like to the server's plausibility checks.
 */
export function runHumanClicker(sc: Scenario, seed: number, tier: Tier, rng: Rng, settings: RunSettings = DEMO_SETTINGS) {
  const sim = new Simulation(sc, seed, tier, settings, { capacity: 1 << 16 });
  const frames = frameSchedule(tier.fpsCap, sc.durationMs);
  const rpc = radiansPerCount(settings);
  const aim = { yaw: 0, pitch: 0 }; // the hand's aim, radians (no latency)
  const sent = { x: 0, y: 0 }; // counts sent so far
  const want = { yaw: 0, pitch: 0 };
  type Segment = { t0: number; t1: number; from: Aim; to: Aim };
  let plan: Segment[] = [];
  let pressAt = -1;
  let releaseAt = -1;
  let busyUntil = 0;
  let f = 0;
  const minimumJerk = (s: number) => s * s * s * (10 - 15 * s + 6 * s * s);

  for (let t = 1; t <= sc.durationMs; t += 1) {
    while (f < frames.length && frames[f]! <= t) sim.frame(frames[f++]!);
    // Plan the next target once idle: the visible one nearest to the hand's aim.
    if (plan.length === 0 && pressAt < 0 && t >= busyUntil) {
      let best: Aim | null = null;
      let bestD = Infinity;
      for (const v of sim.targets) {
        if (!v.visible) continue;
        anglesToward(v.position, want);
        const d = Math.hypot(want.yaw - aim.yaw, want.pitch - aim.pitch);
        if (d < bestD) {
          bestD = d;
          best = { yaw: want.yaw, pitch: want.pitch };
        }
      }
      if (best) {
        const start = t + rng.range(180, 320); // reaction
        const flick = rng.range(120, 240);
        const fix = rng.range(60, 140);
        const over = rng.range(0.05, 0.14);
        const overshoot = {
          yaw: best.yaw + (best.yaw - aim.yaw) * over + rng.range(-0.004, 0.004),
          pitch: best.pitch + (best.pitch - aim.pitch) * over + rng.range(-0.004, 0.004),
        };
        const r = (sc.targets.radius / sc.targets.distance) * 0.35;
        const landing = { yaw: best.yaw + rng.range(-r, r), pitch: best.pitch + rng.range(-r, r) };
        plan = [
          { t0: start, t1: start + flick, from: { ...aim }, to: overshoot },
          { t0: start + flick, t1: start + flick + fix, from: overshoot, to: landing },
        ];
        pressAt = Math.floor(start + flick + fix + rng.range(15, 60));
      }
    }
    // Move along the plan; emit the integer counts that bring the hand where the curve is.
    const seg = plan[0];
    if (seg && t >= seg.t0) {
      const s = Math.min(1, (t - seg.t0) / (seg.t1 - seg.t0));
      const k = minimumJerk(s);
      aim.yaw = seg.from.yaw + (seg.to.yaw - seg.from.yaw) * k;
      aim.pitch = seg.from.pitch + (seg.to.pitch - seg.from.pitch) * k;
      const cx = Math.round(aim.yaw / rpc);
      const cy = Math.round(aim.pitch / rpc);
      if (cx !== sent.x || cy !== sent.y) sim.mouseMove(t, cx - sent.x, -(cy - sent.y));
      sent.x = cx;
      sent.y = cy;
      if (s >= 1) plan.shift();
    }
    if (t === pressAt && t + tier.addedLatencyMs < sc.durationMs) {
      sim.button(t, 0, true);
      releaseAt = t + Math.floor(rng.range(40, 90));
      pressAt = -1;
      busyUntil = t + 1;
    } else if (t === pressAt) pressAt = -1;
    if (t === releaseAt) sim.button(t, 0, false);
  }
  while (f < frames.length) sim.frame(frames[f++]!);
  return { sim, result: sim.finish() };
}

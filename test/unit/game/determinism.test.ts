import { describe, expect, it } from "vitest";
import {
  Rng,
  Simulation,
  TIERS,
  anglesToward,
  createInputLog,
  decodeLog,
  encodeLog,
  feedLog,
  inputLogsEqual,
  radiansPerCount,
  replay,
  targetPosition,
  vec3,
  type InputLog,
  type RunSettings,
  type Scenario,
  type Tier,
} from "../../../game/core/index";
import { sameBytes, shortened } from "../../support/bots";

const DURATION = 3000;
const SCENARIOS = ["gridshot", "strafe-shot", "smooth-track", "switch-track"].map((id) => shortened(id, DURATION));
const q = (ms: number) => Math.round(ms * 16) / 16;

interface Case {
  sc: Scenario;
  seed: number;
  tier: Tier;
  settings: RunSettings;
  log: InputLog;
}

/** A varied random run: random frame rates (some above the cap), sparse or dense mouse input, partly aimed at real targets. */
function generate(i: number): Case {
  const rng = new Rng(0xf00d, i);
  const sc = SCENARIOS[i % SCENARIOS.length]!;
  const tier = (i >> 2) % 2 === 0 ? TIERS.free : TIERS.ultimate;
  const seed = rng.nextU32();
  const settings = { cm360: 10 + rng.int(70), dpi: [400, 800, 1600, 3200][rng.int(4)]! };
  const rpc = radiansPerCount(settings);
  const end = DURATION + 100; // some events after the end, which must be ignored

  const frames: number[] = [];
  const fps = 30 + rng.int(300);
  for (let t = rng.range(0, 30); t < end; t += (1000 / fps) * rng.range(0.8, 1.2)) frames.push(q(t));

  const mouse: [number, number, number][] = [];
  const dense = rng.next() < 0.3;
  const n = dense ? 1000 + rng.int(2000) : rng.int(300);
  const pos = vec3();
  const ang = { yaw: 0, pitch: 0 };
  let cx = 0;
  let cy = 0;
  let t = 0;
  for (let k = 0; k < n; k++) {
    t += dense ? rng.range(0.5, 1.5) : rng.range(0, (2 * end) / Math.max(1, n));
    let dx: number;
    let dy: number;
    if (rng.next() < 0.15) {
      // aim at one of the first spawns, as if it were visible now
      targetPosition(sc, seed, rng.int(sc.targets.count + 4), 0, t, pos);
      anglesToward(pos, ang);
      dx = Math.round(ang.yaw / rpc) - cx;
      dy = -(Math.round(ang.pitch / rpc) - cy);
    } else {
      dx = rng.int(41) - 20;
      dy = rng.int(21) - 10;
      if (rng.next() < 0.05) dx *= 50;
    }
    if (dx === 0 && dy === 0) continue;
    cx += dx;
    cy -= dy;
    mouse.push([q(t), dx, dy]);
  }

  const buttons: [number, number, boolean][] = [];
  t = 0;
  const held = [false, false, false];
  for (let k = 0, nb = rng.int(60); k < nb; k++) {
    t += rng.range(0, (2 * end) / Math.max(1, nb));
    const id = rng.next() < 0.85 ? 0 : 2;
    const down = rng.next() < 0.1 ? held[id]! : !held[id]; // occasional repeated state
    held[id] = down;
    buttons.push([q(t), id, down]);
  }
  return { sc, seed, tier, settings, log: createInputLog({ mouse, buttons, frames }) };
}

/** Live feeding in a different (but valid) arrival order: inputs arrive up to L/2 after their timestamp. */
function live(c: Case, lateMs: number): Simulation {
  const sim = new Simulation(c.sc, c.seed, c.tier, c.settings);
  const { mouse, buttons, frames } = c.log;
  let mi = 0;
  let bi = 0;
  for (const f of frames.t) {
    while (bi < buttons.t.length && buttons.t[bi]! + lateMs <= f) {
      sim.button(buttons.t[bi]!, buttons.id[bi]!, buttons.down[bi] === 1);
      bi++;
    }
    while (mi < mouse.t.length && mouse.t[mi]! + lateMs <= f) {
      sim.mouseMove(mouse.t[mi]!, mouse.dx[mi]!, mouse.dy[mi]!);
      mi++;
    }
    sim.frame(f);
  }
  for (; mi < mouse.t.length; mi++) sim.mouseMove(mouse.t[mi]!, mouse.dx[mi]!, mouse.dy[mi]!);
  for (; bi < buttons.t.length; bi++) sim.button(buttons.t[bi]!, buttons.id[bi]!, buttons.down[bi] === 1);
  return sim;
}

/** The part of a log the simulation accepts (events at or before the end). */
function clip(log: InputLog, durationMs: number): InputLog {
  const m = log.mouse.t.findIndex((x) => x > durationMs);
  const b = log.buttons.t.findIndex((x) => x > durationMs);
  const f = log.frames.t.findIndex((x) => x > durationMs);
  const nm = m < 0 ? log.mouse.t.length : m;
  const nb = b < 0 ? log.buttons.t.length : b;
  const nf = f < 0 ? log.frames.t.length : f;
  return {
    mouse: { t: log.mouse.t.slice(0, nm), dx: log.mouse.dx.slice(0, nm), dy: log.mouse.dy.slice(0, nm) },
    buttons: { t: log.buttons.t.slice(0, nb), id: log.buttons.id.slice(0, nb), down: log.buttons.down.slice(0, nb) },
    frames: { t: log.frames.t.slice(0, nf) },
  };
}

describe("determinism over 1,000 generated logs", () => {
  it("replay twice, replay of the decoded log and live feeding all agree", { timeout: 30_000 }, () => {
    let hits = 0;
    let onTarget = 0;
    let kills = 0;
    let violations = 0;
    let adjusted = 0;
    for (let i = 0; i < 1000; i++) {
      const c = generate(i);
      const r1 = replay(c.sc, c.seed, c.tier, c.log, c.settings);
      const r2 = replay(c.sc, c.seed, c.tier, c.log, c.settings);
      expect(r2).toEqual(r1);

      const bytes = encodeLog(c.log);
      const decoded = decodeLog(bytes);
      expect(inputLogsEqual(decoded, c.log)).toBe(true);
      expect(sameBytes(encodeLog(decoded), bytes)).toBe(true);
      expect(replay(c.sc, c.seed, c.tier, decoded, c.settings)).toEqual(r1);

      // Live, with inputs arriving late but before their effective time: identical result and log.
      const sim = live(c, c.tier.addedLatencyMs / 2);
      expect(sim.finish()).toEqual(r1);
      expect(inputLogsEqual(sim.log(), clip(c.log, c.sc.durationMs))).toBe(true);

      // Live, with inputs arriving too late (timestamps get raised): the recorded log replays identically.
      if (i % 4 === 0) {
        const late = live(c, 3 * c.tier.addedLatencyMs);
        const rl = late.finish();
        adjusted += rl.adjustedEvents;
        const again = new Simulation(c.sc, c.seed, c.tier, c.settings);
        feedLog(again, decodeLog(encodeLog(late.log())));
        expect({ ...again.finish(), adjustedEvents: rl.adjustedEvents }).toEqual(rl);
      }

      hits += r1.hits;
      onTarget += r1.timeOnTargetMs;
      kills += r1.kills;
      violations += r1.frames.capViolations;
      expect(Number.isInteger(r1.score)).toBe(true);
      expect(r1.score).toBeGreaterThanOrEqual(0);
    }
    // The generator exercises the interesting paths.
    expect(hits).toBeGreaterThan(100);
    expect(kills).toBeGreaterThan(100);
    expect(onTarget).toBeGreaterThan(1000);
    expect(violations).toBeGreaterThan(0);
    expect(adjusted).toBeGreaterThan(0);
  });
});

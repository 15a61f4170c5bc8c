/**
 * Attack runs, one per weakness found when the verifier was attacked (issue 10), for the unit
 * tests and `npm run anticheat:calibrate`. Each builds what a cheater would submit with nothing
 * but the public client code: a log (or a tampered base64 text), an environment, the time the
 * finish arrives, and what the finish path would look up.
 */
import {
  anglesToward,
  encodeLog,
  isClickingKind,
  radiansPerCount,
  Rng,
  runEnvironmentSchema,
  Simulation,
  targetPosition,
  toBase64,
  vec3,
  TIERS,
  type InputLog,
  type RunEnvironment,
  type Scenario,
  type Tier,
} from "../../game/core";
import { demoEnvironment, HUMAN_PROFILES, runHuman, type HumanProfile } from "../../server/demo/human-player";
import type { PriorBest, Sensitivity } from "../../server/runs/conditions";
import { verifyRun, type Verification } from "../../server/runs/verify";
import { loadConfig } from "../../server/config";
import { frameSchedule, lastAtOrBefore, runClickBot, runTrackBot, SETTINGS } from "./bots";

/** What a cheater submits for a run: as a finish request would carry it, plus what the server knows. */
export interface Submission {
  /** The log as base64 text (tampered texts included). */
  logBase64: string;
  environment: RunEnvironment;
  /** Server time from start to finish, ms. */
  elapsedMs: number;
  logSeenBefore?: boolean;
  /** What the finish path would look up about the player. */
  priorBest?: PriorBest;
  previousSensitivity?: Sensitivity;
  /** The score the log replays to (what the attack is worth), null when it cannot be replayed. */
  score: number | null;
}

export interface Attack {
  name: string;
  /** The weakness of issue 10 this attack exercises. */
  weakness: string;
  applies(sc: Scenario, tier: Tier): boolean;
  build(sc: Scenario, seed: number, tier: Tier, rng: Rng): Submission;
}

const honestElapsed = (sc: Scenario) => sc.durationMs + 2000;

function submission(sc: Scenario, tier: Tier, log: InputLog, score: number, extra: Partial<Submission> = {}): Submission {
  return { logBase64: toBase64(encodeLog(log)), environment: demoEnvironment(tier, "attack"), elapsedMs: honestElapsed(sc), score, ...extra };
}

/** A played run as submitted. */
function played(sc: Scenario, tier: Tier, run: { sim: Simulation; result: { score: number } }, extra: Partial<Submission> = {}): Submission {
  return submission(sc, tier, run.sim.log(), run.result.score, extra);
}

/** A profile `speed` times faster than the elite player in every timing, and as precise. */
export function fasterThanHuman(speed: number): HumanProfile {
  const e = HUMAN_PROFILES.elite;
  const scale = (d: { mu: number; sigma: number; tau: number }) => ({ mu: d.mu / speed, sigma: d.sigma / speed, tau: d.tau / speed });
  return {
    ...e,
    visualDelayMs: e.visualDelayMs / speed,
    reaction: scale(e.reaction),
    dwell: scale(e.dwell),
    fitts: { ...e.fitts, a: e.fitts.a / speed, b: e.fitts.b / speed },
    pressDelayMs: [e.pressDelayMs[0] / speed, e.pressDelayMs[1] / speed],
    pursuit: { ...e.pursuit, updateMs: [e.pursuit.updateMs[0] / speed, e.pursuit.updateMs[1] / speed] },
  };
}

interface ScriptedClicker {
  /** Which visible target to shoot next. */
  pick: "oldest" | "nearest";
  /** Wait after the target becomes the next one, ms. */
  waitMs(rng: Rng): number;
  /** Movement events of the flick (1 ms apart), then two correcting back from the overshoot. */
  flickEvents: number;
  overshoot: number;
  /** From the end of the movement to the press, ms. */
  pressDelayMs(rng: Rng): number;
  /** Least time between presses, ms. */
  minIntervalMs: number;
  /** Only targets on screen for at least this long are shot, ms. */
  minAgeMs: number;
}

/**
 * A clicking bot that knows every target's position (from the seed) and moves like a scripted
 * hand: a flick of a few events with an overshoot and a correction, then a press.
 */
function runScriptedClicker(sc: Scenario, seed: number, tier: Tier, rng: Rng, style: ScriptedClicker) {
  const sim = new Simulation(sc, seed, tier, SETTINGS, { capacity: 1 << 16 });
  const frames = frameSchedule(tier.fpsCap, sc.durationMs);
  const rpc = radiansPerCount(SETTINGS);
  const L = tier.addedLatencyMs;
  const pos = vec3();
  const dir = { yaw: 0, pitch: 0 };
  let x = 0; // counts sent (yaw), y (pitch, up positive)
  let y = 0;
  let events: [number, number, number][] = []; // (t, dx, dy) still to send
  let pressAt = -1;
  let planAt = -1;
  let goal = -1;
  let lastShot = -1;
  let lastPress = -Infinity;
  let f = 0;
  for (let t = 1; t <= sc.durationMs; t++) {
    while (f < frames.length && frames[f]! <= t) sim.frame(frames[f++]!);
    if (pressAt < 0 && planAt < 0 && t >= lastPress + style.minIntervalMs) {
      let best: { k: number; d: number } | null = null;
      for (const v of sim.targets) {
        if (!v.visible || t - v.spawnedAtMs < style.minAgeMs || (v.spawnIndex === lastShot && t < lastPress + L + 20)) continue;
        anglesToward(v.position, dir);
        const d = style.pick === "oldest" ? v.spawnIndex : Math.hypot(dir.yaw - x * rpc, dir.pitch - y * rpc);
        if (!best || d < best.d) best = { k: v.spawnIndex, d };
      }
      if (best) {
        goal = best.k;
        planAt = t + Math.max(0, Math.round(style.waitMs(rng)));
      }
    }
    if (t === planAt) {
      planAt = -1;
      const view = sim.targets.find((v) => v.spawnIndex === goal && v.visible);
      if (view) {
        pressAt = t + style.flickEvents + 2 + Math.max(1, Math.round(style.pressDelayMs(rng)));
        // Where the target will be drawn when the press is evaluated.
        targetPosition(sc, seed, goal, view.spawnedAtMs, lastAtOrBefore(frames, pressAt + L), pos);
        anglesToward(pos, dir);
        const gx = Math.round(dir.yaw / rpc);
        const gy = Math.round(dir.pitch / rpc);
        const ox = Math.round(x + (gx - x) * (1 + style.overshoot));
        const oy = Math.round(y + (gy - y) * (1 + style.overshoot));
        let px = x;
        let py = y;
        events = [];
        for (let i = 1; i <= style.flickEvents; i++) {
          const s = i / style.flickEvents;
          const k = s * s * s * (10 - 15 * s + 6 * s * s);
          const nx = Math.round(x + (ox - x) * k);
          const ny = Math.round(y + (oy - y) * k);
          events.push([t + i - 1, nx - px, -(ny - py)]);
          [px, py] = [nx, ny];
        }
        const mx = Math.round((ox + gx) / 2);
        const my = Math.round((oy + gy) / 2);
        events.push([t + style.flickEvents, mx - px, -(my - py)], [t + style.flickEvents + 1, gx - mx, -(gy - my)]);
        [x, y] = [gx, gy];
      }
    }
    while (events.length && events[0]![0] === t) {
      const [, dx, dy] = events.shift()!;
      if (dx !== 0 || dy !== 0) sim.mouseMove(t, dx, dy);
    }
    if (t === pressAt) {
      if (t + L < sc.durationMs) {
        sim.button(t, 0, true);
        sim.button(t + 1, 0, false);
      }
      lastShot = goal;
      lastPress = t;
      pressAt = -1;
    }
  }
  while (f < frames.length) sim.frame(frames[f++]!);
  return { sim, result: sim.finish() };
}

const clicking = (sc: Scenario) => isClickingKind(sc.kind);
const tracking = (sc: Scenario) => !isClickingKind(sc.kind);
const always = () => true;

/** An honest-looking elite run, the base of the protocol attacks. */
function eliteRun(sc: Scenario, seed: number, tier: Tier, rng: Rng) {
  return runHuman(sc, seed, tier, rng, SETTINGS, "elite");
}

export const ATTACKS: readonly Attack[] = [
  {
    name: "perfect aimbot",
    weakness: "caught before (aimbot)",
    applies: clicking,
    build(sc, seed, tier) {
      return played(sc, tier, runClickBot(sc, seed, tier));
    },
  },
  {
    name: "pipelining bot",
    weakness: "pipelining",
    applies: clicking,
    build(sc, seed, tier, rng) {
      return played(sc, tier, runScriptedClicker(sc, seed, tier, rng, {
        pick: "oldest",
        waitMs: (r) => r.range(0, 5),
        flickEvents: 6,
        overshoot: 0.12,
        pressDelayMs: (r) => r.range(1, 4),
        // The flick and press take ~10 ms more: a kill every ~55 ms.
        minIntervalMs: 45,
        // Every hit lands over 100 ms after its target was first shown: no reaction looks too fast.
        minAgeMs: 100 + 1000 / tier.fpsCap,
      }));
    },
  },
  {
    name: "flick bot with fake overshoot",
    weakness: "flicks",
    applies: clicking,
    build(sc, seed, tier, rng) {
      return played(sc, tier, runScriptedClicker(sc, seed, tier, rng, {
        pick: "nearest",
        waitMs: (r) => r.range(150, 250),
        flickEvents: 5,
        overshoot: 0.1,
        pressDelayMs: (r) => r.range(30, 70),
        minIntervalMs: 0,
        minAgeMs: 0,
      }));
    },
  },
  {
    name: "human-like bot, 2.5x faster than elite",
    weakness: "pipelining (a careful bot beyond the ceiling)",
    applies: always,
    build(sc, seed, tier, rng) {
      return played(sc, tier, runHuman(sc, seed, tier, rng, SETTINGS, fasterThanHuman(2.5)));
    },
  },
  {
    name: "seed-predicting tracking bot",
    weakness: "tracking",
    applies: tracking,
    build(sc, seed, tier) {
      return played(sc, tier, runTrackBot(sc, seed, tier));
    },
  },
  {
    name: "seed-predicting tracking bot with 40 ms lag",
    weakness: "tracking",
    applies: tracking,
    build(sc, seed, tier) {
      return played(sc, tier, runTrackBot(sc, seed, tier, SETTINGS, { lagMs: 40 }));
    },
  },
  {
    name: "seed-predicting tracking bot with noise",
    weakness: "tracking",
    applies: tracking,
    build(sc, seed, tier, rng) {
      return played(sc, tier, runTrackBot(sc, seed, tier, SETTINGS, { noiseDeg: 0.6, rng }));
    },
  },
  {
    name: "slow motion (1/2 speed)",
    weakness: "slow motion",
    applies: always,
    build(sc, seed, tier, rng) {
      // Played at half speed, an elite player's log looks twice as fast; it still arrives before
      // the run expires (duration + 120 s).
      return played(sc, tier, runHuman(sc, seed, tier, rng, SETTINGS, fasterThanHuman(2)), { elapsedMs: sc.durationMs * 2 + 2000 });
    },
  },
  {
    name: "non-canonical base64 (trailing bits)",
    weakness: "log identity",
    applies: always,
    build(sc, seed, tier, rng) {
      const s = played(sc, tier, eliteRun(sc, seed, tier, rng));
      return { ...s, logBase64: withTrailingBits(s.logBase64) ?? `${s.logBase64}\n` };
    },
  },
  {
    name: "non-canonical base64 (whitespace, URL-safe)",
    weakness: "log identity",
    applies: always,
    build(sc, seed, tier, rng) {
      const s = played(sc, tier, eliteRun(sc, seed, tier, rng));
      const text = s.logBase64;
      return { ...s, logBase64: `${text.slice(0, 76)}\n${text.slice(76)}`.replace(/\+/g, "-").replace(/\//g, "_") };
    },
  },
  {
    name: "replay of another run's log",
    weakness: "caught before (replay)",
    applies: always,
    build(sc, seed, tier, rng) {
      return played(sc, tier, eliteRun(sc, seed, tier, rng), { logSeenBefore: true });
    },
  },
  {
    name: "speed hack (game clock 2x)",
    weakness: "caught before (speed hack)",
    applies: always,
    build(sc, seed, tier, rng) {
      return played(sc, tier, eliteRun(sc, seed, tier, rng), { elapsedMs: sc.durationMs / 2 });
    },
  },
  {
    name: "Ultimate latency claimed on a free run",
    weakness: "tier",
    applies: (_sc, tier) => tier.name === "free",
    build(sc, seed, _tier, rng) {
      return played(sc, TIERS.ultimate, eliteRun(sc, seed, TIERS.ultimate, rng));
    },
  },
  {
    name: "environment out of human range",
    weakness: "environment",
    applies: always,
    build(sc, seed, tier, rng) {
      const s = played(sc, tier, eliteRun(sc, seed, tier, rng));
      return { ...s, environment: { ...s.environment, dpi: 64_000, cm360: 1, userAgent: "x".repeat(500) } };
    },
  },
  {
    name: "personal best far above the player's history",
    weakness: "verdict policy",
    applies: always,
    build(sc, seed, tier, rng) {
      const run = eliteRun(sc, seed, tier, rng);
      // Five prior runs, the best of them at 60 % of this one.
      return played(sc, tier, run, { priorBest: { best: Math.round(run.result.score * 0.6), runs: 5 } });
    },
  },
  {
    name: "sensitivity changed since the last run",
    weakness: "environment",
    applies: always,
    build(sc, seed, tier, rng) {
      return played(sc, tier, eliteRun(sc, seed, tier, rng), { previousSensitivity: { cm360: 45, dpi: 400 } });
    },
  },
];

/**
 * The same text with non-zero bits after the last byte: a lenient decoder reads the same bytes, so
 * the hash of the text would differ from another copy's. Null when the text has no padding (then
 * there are no spare bits).
 */
export function withTrailingBits(text: string): string | null {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const pad = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  if (pad === 0) return null;
  const i = text.length - pad - 1;
  return text.slice(0, i) + alphabet[alphabet.indexOf(text[i]!) | 1] + text.slice(i + 1);
}

export type Outcome = "verified" | "flagged" | "rejected" | "refused";

/**
 * What the server makes of a submission: refused when the finish body's environment is out of
 * range (400 before any replay), else verifyRun's verdict. Started at 0, expires 120 s after the
 * run's end (the current start path), finished `elapsedMs` later.
 */
/** What the server allows a finish beyond a run's duration (the default RUN_FINISH_ALLOWANCE_SEC). */
const FINISH_ALLOWANCE_MS = loadConfig({}).RUN_FINISH_ALLOWANCE_SEC * 1000;

export function judge(sc: Scenario, seed: number, tier: Tier, s: Submission): { outcome: Outcome; verification: Verification | null } {
  if (!runEnvironmentSchema.safeParse(s.environment).success) return { outcome: "refused", verification: null };
  const verification = verifyRun({
    scenario: sc,
    seed,
    tier,
    logBase64: s.logBase64,
    environment: s.environment,
    startedAt: new Date(0),
    finishedAt: new Date(s.elapsedMs),
    expiresAt: new Date(sc.durationMs + FINISH_ALLOWANCE_MS),
    logSeenBefore: s.logSeenBefore,
    priorBest: s.priorBest,
    previousSensitivity: s.previousSensitivity,
  });
  return { outcome: verification.verdict, verification };
}

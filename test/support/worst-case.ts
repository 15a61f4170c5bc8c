/**
 * The most expensive legal verification (docs/scenarios.md, "Limits"): the player-made drafts at
 * every cost-driving bound of PLAYER_SCENARIO_LIMITS, and the two input logs that make a scenario's
 * verification cost the most within the verifier's own bounds (MAX_LOG_BYTES, the tier's frame cap):
 *
 *  - busiest play: frames at the Ultimate cap, a press on a live target every frame (clicking) or
 *    the button held with the aim on a target (tracking, switching), and mouse events filling the
 *    rest of the byte budget. It respects the frame cap, so the verifier runs every check on it.
 *  - frame flood: the whole byte budget spent on frames (one byte each). It breaks the frame cap, so
 *    the verifier rejects it, but only after replaying it, the costliest part per byte.
 *
 * Used by bench/verify-cost.ts (which times them) and test/unit/player-scenario-worst-case.test.ts
 * (which shows the drafts are legal and at every bound).
 */
import {
  PLAYER_SCENARIO_LIMITS,
  Simulation,
  TICKS_PER_MS,
  TIERS,
  createInputLog,
  encodeLog,
  isClickingKind,
  minFrameIntervalMs,
  radiansPerCount,
  scenarioFromDraft,
  targetPosition,
  vec3,
  type InputLog,
  type RunSettings,
  type Scenario,
  type ScenarioDraft,
  type ScenarioKind,
} from "../../game/core";
import { MAX_LOG_BYTES } from "../../server/runs/verify";
import { BotAim, lastAtOrBefore, SETTINGS } from "./bots";

const L = PLAYER_SCENARIO_LIMITS;

/**
 * Smooth motion's components with the most targets. A target's position costs about two sines per
 * component plus four for its direction, so 4 targets with 2 components (32 sines a frame) cost more
 * than 3 with 3 (30), the other pair at the targets × components cap.
 */
const WORST_COMPONENTS = Math.min(L.maxMotionComponents, Math.floor(L.maxSmoothTargetComponents / L.maxTargets));

/** The kinds a player can make, each at its own worst (their rules differ: motion, health). */
export const WORST_KINDS: readonly ScenarioKind[] = ["clicking-static", "clicking-dynamic", "tracking", "switching"];

/**
 * A legal draft of `kind` at every bound that drives verification cost: the longest run, the most
 * targets, the most motion components they may have, the fastest kills (one hit, the least health time), no
 * respawn delay (the schema's least: built-ins have none either); and the longest name and description.
 */
export function worstDraft(kind: ScenarioKind): ScenarioDraft {
  const clicking = isClickingKind(kind);
  return {
    schemaVersion: 1,
    name: `Worst ${kind} `.padEnd(L.maxNameLength, "x"),
    description: "Every bound that drives the cost of verifying a run at its limit. ".padEnd(L.maxDescriptionLength, "."),
    kind,
    durationMs: L.maxDurationMs,
    targets: {
      count: L.maxTargets,
      radius: 0.6,
      distance: 20,
      health: clicking ? { type: "hits", hits: 1 } : { type: "time", ms: L.minHealthMs },
    },
    spawn: { centerYawDeg: 0, centerPitchDeg: 0, halfWidthDeg: 25, halfHeightDeg: 8, respawnDelayMs: 0 },
    motion:
      kind === "clicking-static"
        ? { type: "none" }
        : { type: "smooth", speedDegPerSec: 45, amplitudeYawDeg: 25, amplitudePitchDeg: 8, components: WORST_COMPONENTS },
    scoring: clicking
      ? { pointsPerHit: 0, pointsPerKill: 100, pointsPerMiss: 0, pointsPerSecondOnTarget: 0, accuracyExponent: 3, requireButtonHeld: false }
      : { pointsPerHit: 0, pointsPerKill: 50, pointsPerMiss: 0, pointsPerSecondOnTarget: 100, accuracyExponent: 0, requireButtonHeld: true },
  };
}

/** The worst draft of `kind` as a published scenario. */
export function worstScenario(kind: ScenarioKind): Scenario {
  return scenarioFromDraft(worstDraft(kind), `worst-${kind}`);
}

/** The tier whose logs cost the most to verify: the highest frame cap. */
export const WORST_TIER = TIERS.ultimate;

/** Frame times at the tier's cap (the shortest legal interval, in whole ticks) up to the run's end. */
function framesAtCap(durationMs: number): number[] {
  const step = Math.ceil(minFrameIntervalMs(WORST_TIER) * TICKS_PER_MS) / TICKS_PER_MS;
  const out: number[] = [];
  for (let t = step; t <= durationMs; t += step) out.push(t);
  return out;
}

/** The play itself: the aim on a live target before every frame, a press every frame or the button held. */
function busiestPlay(scenario: Scenario, seed: number, settings: RunSettings): InputLog {
  const sim = new Simulation(scenario, seed, WORST_TIER, settings, { capacity: 1 << 16 });
  const frames = framesAtCap(scenario.durationMs);
  const bot = new BotAim(radiansPerCount(settings));
  const pos = vec3();
  const tick = 1 / TICKS_PER_MS;
  const latency = WORST_TIER.addedLatencyMs;
  const clicking = isClickingKind(scenario.kind);
  if (!clicking) sim.button(0, 0, true);
  /** Spawn index -> when the last press at it takes effect (clicking: spread presses over the targets). */
  const shotAt = new Map<number, number>();
  for (const f of frames) {
    sim.frame(f);
    const t = f + tick;
    if (t + tick > scenario.durationMs) continue;
    let target = null;
    for (const v of sim.targets) {
      if (!v.visible || (clicking && (shotAt.get(v.spawnIndex) ?? -Infinity) >= f)) continue;
      // Clicking: the oldest target; tracking: the newest, so older ones stay alive and every
      // later frame's search for the tracked target passes over all the kills since.
      if (!target || (clicking ? v.spawnIndex < target.spawnIndex : v.spawnIndex > target.spawnIndex)) target = v;
    }
    if (!target) continue;
    // Where the target is drawn when the movement takes effect (tracking) or the press is tested (clicking).
    const shownAt = lastAtOrBefore(frames, t + latency);
    targetPosition(scenario, seed, target.spawnIndex, target.spawnedAtMs, Math.max(target.spawnedAtMs, shownAt), pos);
    const [dx, dy] = bot.deltaTo(pos.x, pos.y, pos.z);
    if (dx !== 0 || dy !== 0) sim.mouseMove(t, dx, dy);
    if (clicking) {
      sim.button(t, 0, true);
      sim.button(t + tick, 0, false);
      shotAt.set(target.spawnIndex, t + latency);
    }
  }
  return sim.log();
}

/** `log` with `count` one-count mouse movements (alternately right and left) spread evenly over the run. */
function withJitter(log: InputLog, count: number, durationMs: number): InputLog {
  const m = log.mouse;
  const events: [number, number, number][] = [];
  for (let i = 0; i < m.t.length; i++) events.push([m.t[i]!, m.dx[i]!, m.dy[i]!]);
  const ticks = durationMs * TICKS_PER_MS;
  for (let i = 0; i < count; i++) events.push([Math.floor(((i + 0.5) * ticks) / count) / TICKS_PER_MS, i % 2 === 0 ? 1 : -1, 0]);
  events.sort((a, b) => a[0] - b[0]);
  const b = log.buttons;
  return createInputLog({
    mouse: events,
    buttons: Array.from(b.t, (t, i) => [t, b.id[i]!, b.down[i]! === 1] as const),
    frames: Array.from(log.frames.t),
  });
}

/** The busiest play that fits MAX_LOG_BYTES: the play, then mouse jitter until the log is full. */
export function busiestPlayLog(scenario: Scenario, seed: number, settings: RunSettings = SETTINGS): InputLog {
  const play = busiestPlay(scenario, seed, settings);
  let count = Math.floor((MAX_LOG_BYTES - encodeLog(play).length) / 2);
  for (;;) {
    const log = withJitter(play, count, scenario.durationMs);
    const over = encodeLog(log).length - MAX_LOG_BYTES;
    if (over <= 0) return log;
    count -= Math.ceil(over / 2) + 16;
  }
}

/** Frames only (and the button held where it counts), as many as MAX_LOG_BYTES holds, spread over the run. */
export function frameFloodLog(scenario: Scenario): InputLog {
  const header = 5 + 3 * 5 + 4; // magic, version, flags, three counts, the held button
  const count = MAX_LOG_BYTES - header;
  const ticks = scenario.durationMs * TICKS_PER_MS;
  const frames = Array.from({ length: count }, (_, i) => Math.floor(((i + 1) * ticks) / count) / TICKS_PER_MS);
  return createInputLog({ buttons: scenario.scoring.requireButtonHeld ? [[0, 0, true]] : [], frames });
}

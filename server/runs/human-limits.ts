/**
 * The human-limits model: what a person with a mouse can do, per scenario and tier. Two bounds per
 * measure (docs/anti-cheat.md, "Human limits", gives the source of every constant):
 *
 *  - plausible: beyond the best people we know of, with a margin. Beyond it a run is flagged
 *    (kept off the boards until an admin clears it).
 *  - provable: beyond what the body allows (nerve conduction, muscle, the visual feedback loop),
 *    with a wide margin. Beyond it a run is rejected.
 *
 * Per-scenario figures are derived from the scenario's geometry: the typical Fitts index of
 * difficulty of its movements (Shannon form, ID = log2(D/W + 1), D the angular distance to the
 * next target, W the target's angular diameter), whether each new target needs a fresh reaction
 * (one target at a time) or can be chosen while the previous one is being shot, its respawn delay
 * and hits per kill.
 */
import { isClickingKind, Rng, type Scenario, type Tier } from "../../game/core";

/** Population constants (docs/anti-cheat.md has the studies behind each). */
export const HUMAN = {
  /** Reaction to a new visual stimulus, ms: fastest plausible median of a trained player / below which no reaction is provable. */
  reactionMs: { plausible: 150, provable: 100 },
  /**
   * Fastest whole acquisition (start of movement to the press) as a + b·ID, ms: the plausible
   * bound is about twice the fastest mouse throughput in ISO 9241-9 studies; the provable bound
   * halves it again (no visually guided correction fits in it).
   */
  acquisitionFitts: { plausible: { a: 70, b: 60 }, provable: { a: 30, b: 25 } },
  /** Sustained clicking rate, presses per second (plausible: trained clickers over 10 s; provable: the existing cap). */
  clicksPerSecond: { plausible: 12, provable: 20 },
  /** Median time from leaving the start to entering the target, flicks of at least 3 radii, ms. */
  travelMs: { plausible: 30, provable: 15 },
  /** Effective throughput (ISO 9241-9), bits/s: about three times the best mouse figures. */
  throughputBitsPerSec: { plausible: 15 },
  /** Fitts fit per run: the slope's 95 % upper bound must exceed this (MT grows with ID), ms/bit. */
  minFittsSlopeMsPerBit: 15,
  /** Trial-to-trial variation of movement time around the fit, as a share of the mean. */
  minMovementTimeResidualShare: 0.04,
  /** Tracking: lag of the shown aim behind the shown target, ms. */
  trackingLagMs: { plausible: 15, provable: -20 },
  /** Tracking: aim error left after removing the lag, as a share of the target radius. */
  trackingResidualShare: { plausible: 0.15, provable: 0.05 },
  /**
   * Tracking: share of the sampled time on target, held to its ceiling only when the target moves
   * at least `minTargetRadiiPerSec` of its own radius per second (slower, a steady hand stays on).
   */
  timeOnTargetShare: { plausible: 0.95, minTargetRadiiPerSec: 8 },
  /** Switching: time from a kill to the first credited frame on the next target, ms (median). */
  switchMs: { plausible: 80, provable: 40 },
} as const;

/** Sustained rates are measured over this window (or the whole run if shorter). */
export const RATE_WINDOW_MS = 10_000;

export interface Bounds {
  plausible: number;
  provable: number;
}

export interface ScenarioLimits {
  scenarioId: string;
  tier: string;
  /** Typical Fitts index of difficulty of a movement to the next target, bits. */
  typicalId: number;
  /** Targets shot or tracked down per second over any RATE_WINDOW_MS (a ceiling). */
  killsPerSecond: Bounds;
  /** Median time from a target becoming the next one to the press on it, ms (a floor). Clicking only. */
  acquisitionMs: Bounds | null;
  /** The score that the plausible kill rate gives at full accuracy (clicking, switching), or full time on target (tracking). */
  plausibleScore: number;
}

/**
 * The plausible ceiling of a tracking run's score on a seed whose tracked targets move at
 * `targetSpeed` (radians per second): full time on target when they are too slow for the time on
 * target to say anything (see HUMAN.timeOnTargetShare), else the scenario's plausibleScore.
 */
export function trackingScoreCeiling(scenario: Scenario, tier: Tier, targetSpeed: number): number {
  const r = Math.atan(scenario.targets.radius / scenario.targets.distance);
  const limits = scenarioLimits(scenario, tier);
  if (targetSpeed >= HUMAN.timeOnTargetShare.minTargetRadiiPerSec * r) return limits.plausibleScore;
  return Math.round(limits.plausibleScore / HUMAN.timeOnTargetShare.plausible);
}

const cache = new WeakMap<Scenario, number>();

/** Mean ID of the movement to the nearest next target, from the spawn rectangle (deterministic sampling). */
export function typicalIndexOfDifficulty(scenario: Scenario): number {
  const cached = cache.get(scenario);
  if (cached !== undefined) return cached;
  const rng = new Rng(0x11d5eed);
  const sp = scenario.spawn;
  const widthDeg = ((2 * scenario.targets.radius) / scenario.targets.distance) * (180 / Math.PI);
  const point = () => [sp.centerYawDeg + rng.range(-1, 1) * sp.halfWidthDeg, sp.centerPitchDeg + rng.range(-1, 1) * sp.halfHeightDeg] as const;
  const samples = 4000;
  let sum = 0;
  for (let i = 0; i < samples; i++) {
    const [x0, y0] = point();
    let nearest = Infinity;
    // After a kill: the other live targets plus the replacement are the candidates.
    for (let k = 0; k < scenario.targets.count; k++) {
      const [x, y] = point();
      nearest = Math.min(nearest, Math.hypot(x - x0, y - y0));
    }
    sum += Math.log2(nearest / widthDeg + 1);
  }
  const id = sum / samples;
  cache.set(scenario, id);
  return id;
}

/**
 * The limits for one scenario on one tier. A target needs a fresh reaction when it is alone (one
 * target at a time); with several, the next one is chosen while the current one is shot. The
 * tier's added latency delays only when a press takes effect, not the rate of presses, so the
 * ceilings are the same on both tiers except for tracking lag (measured on the shown aim).
 */
export function scenarioLimits(scenario: Scenario, tier: Tier): ScenarioLimits {
  const id = typicalIndexOfDifficulty(scenario);
  const fresh = scenario.targets.count === 1;
  const health = scenario.targets.health;
  const base = { scenarioId: scenario.id, tier: tier.name, typicalId: id };
  if (isClickingKind(scenario.kind)) {
    const extraHits = health.type === "hits" ? health.hits - 1 : 0;
    const perKill = (bound: "plausible" | "provable") => {
      const fitts = HUMAN.acquisitionFitts[bound];
      const acquisition = (fresh ? HUMAN.reactionMs[bound] : 0) + fitts.a + fitts.b * id;
      const respawn = fresh ? scenario.spawn.respawnDelayMs : 0;
      return { acquisition, total: respawn + acquisition + (extraHits * 1000) / HUMAN.clicksPerSecond[bound] };
    };
    const plausible = perKill("plausible");
    const provable = perKill("provable");
    const killsPerSecond = { plausible: 1000 / plausible.total, provable: 1000 / provable.total };
    return {
      ...base,
      killsPerSecond,
      acquisitionMs: { plausible: plausible.acquisition, provable: provable.acquisition },
      plausibleScore: Math.round((killsPerSecond.plausible * scenario.durationMs) / 1000) * (scenario.scoring.pointsPerKill + (extraHits + 1) * scenario.scoring.pointsPerHit),
    };
  }
  // Tracking and switching: a kill takes `health.ms` on target plus the switch to the next one.
  const onTargetPoints = (scenario.durationMs / 1000) * scenario.scoring.pointsPerSecondOnTarget;
  if (health.type !== "time") {
    return { ...base, killsPerSecond: { plausible: 0, provable: 0 }, acquisitionMs: null, plausibleScore: Math.round(onTargetPoints * HUMAN.timeOnTargetShare.plausible) };
  }
  const killsPerSecond = {
    plausible: 1000 / (health.ms + scenario.spawn.respawnDelayMs * (fresh ? 1 : 0) + HUMAN.switchMs.plausible),
    provable: 1000 / (health.ms + scenario.spawn.respawnDelayMs * (fresh ? 1 : 0) + HUMAN.switchMs.provable),
  };
  const kills = Math.floor((killsPerSecond.plausible * scenario.durationMs) / 1000);
  const onTargetSeconds = (kills * health.ms) / 1000;
  return {
    ...base,
    killsPerSecond,
    acquisitionMs: null,
    plausibleScore: Math.round(kills * scenario.scoring.pointsPerKill + onTargetSeconds * scenario.scoring.pointsPerSecondOnTarget),
  };
}

/**
 * Measures how a replayed run moved, for the human-limits checks (server/runs/checks.ts):
 *
 *  - clicking: per hit, the acquisition of its target, timed from when the target became the next
 *    one (the later of its first frame and the press on the previous target: with several live
 *    targets a player, or a bot, picks the next while shooting the current one), the movement's
 *    onset and its entry into the target, the Fitts index of difficulty, and where the press landed;
 *  - tracking: the lag of the shown aim behind the shown target that fits the run best, the aim
 *    error left once that lag is removed, and (switching) the time from a kill to the next target.
 *
 * Everything is one pass over the log's mouse events plus a constant amount of work per frame or
 * per shot, so the cost stays linear in the log's size.
 */
import {
  anglesFromParams,
  computeSpawnParams,
  radiansPerCount,
  SpawnParams,
  type Aim,
  type InputLog,
  type RunResult,
  type RunSettings,
  type Scenario,
  type Tier,
} from "../../game/core";

/** A run as the verifier holds it after the replay: what it was played with, its log and its result. */
export interface ReplayedRun {
  scenario: Scenario;
  seed: number;
  tier: Tier;
  settings: RunSettings;
  log: InputLog;
  result: RunResult;
}

/** Angular radius of the scenario's targets, radians. */
export function targetAngle(scenario: Scenario): number {
  return Math.atan(scenario.targets.radius / scenario.targets.distance);
}

/** Angular distance between two directions, small-angle form (yaw scaled by the cosine of pitch), radians. */
export function separation(yaw1: number, pitch1: number, yaw2: number, pitch2: number): number {
  return Math.hypot((yaw1 - yaw2) * Math.cos((pitch1 + pitch2) / 2), pitch1 - pitch2);
}

/** Where each spawn's target points at a given time; spawn parameters computed once per spawn. */
export class TargetPaths {
  private readonly params = new Map<number, SpawnParams>();
  private readonly out: Aim = { yaw: 0, pitch: 0 };
  constructor(
    private readonly scenario: Scenario,
    private readonly seed: number,
    private readonly spawnedAt: (k: number) => number,
  ) {}
  /** The direction of spawn k's target at tMs (the returned object is reused). */
  at(k: number, tMs: number): Aim {
    let p = this.params.get(k);
    if (!p) {
      p = computeSpawnParams(this.scenario, this.seed, k, new SpawnParams());
      this.params.set(k, p);
    }
    return anglesFromParams(this.scenario, p, tMs - this.spawnedAt(k), this.out);
  }
}

/** The hand's aim (no latency) walked forward through the mouse events. */
class AimWalker {
  private i = 0;
  private sx = 0;
  private sy = 0;
  yaw = 0;
  pitch = 0;
  constructor(
    private readonly log: InputLog,
    private readonly rpc: number,
  ) {}
  /** Time of the next event, Infinity when none is left. */
  get nextTime(): number {
    return this.i < this.log.mouse.t.length ? this.log.mouse.t[this.i]! : Infinity;
  }
  /** Applies the next event. */
  step(): void {
    this.sx += this.log.mouse.dx[this.i]!;
    this.sy += this.log.mouse.dy[this.i]!;
    this.i++;
    this.yaw = this.sx * this.rpc;
    this.pitch = -this.sy * this.rpc;
  }
  /** Applies every event at or before t. */
  advanceTo(t: number): void {
    while (this.nextTime <= t) this.step();
  }
}

export interface Acquisition {
  spawnIndex: number;
  /** When the target became the next one, ms. */
  stimulusAt: number;
  pressedAt: number;
  /** pressedAt − stimulusAt. */
  acquisitionMs: number;
  /** Angle from the aim at the stimulus to the target's centre at the press, radians. */
  distance: number;
  /** Shannon index of difficulty, log2(D/W + 1), W the target's angular diameter. */
  id: number;
  /** The event that took the aim away from its start (beyond 5 % of the distance) for the last time. */
  onsetAt: number;
  /** pressedAt − onsetAt. */
  movementMs: number;
  /** From the onset to the first entry into the target, ms; null when it never entered before the press. */
  travelMs: number | null;
  /** Press position minus the target's centre along the movement's direction (positive = beyond), radians. */
  endpointAlong: number;
}

/** Per-hit acquisitions of a clicking run, in press order (hits after a hit on the same target are left out). */
export function clickingAcquisitions({ scenario, seed, settings, log, result }: ReplayedRun): Acquisition[] {
  const r = targetAngle(scenario);
  const paths = new TargetPaths(scenario, seed, (k) => result.targets[k]!.spawnedAt);
  const aim = new AimWalker(log, radiansPerCount(settings));
  const out: Acquisition[] = [];
  let previousPress = 0;
  let previousTarget = -1;
  for (const shot of result.shotRecords) {
    if (!shot.hit) continue;
    const k = shot.targetIndex;
    const record = result.targets[k]!;
    const stimulusAt = Math.max(record.firstShownAt ?? 0, k === previousTarget ? -Infinity : previousPress);
    const sameTarget = k === previousTarget;
    previousPress = shot.pressedAt;
    previousTarget = k;
    if (sameTarget || stimulusAt > shot.pressedAt) {
      aim.advanceTo(shot.pressedAt);
      continue;
    }
    aim.advanceTo(stimulusAt);
    const startYaw = aim.yaw;
    const startPitch = aim.pitch;
    const centre = paths.at(k, shot.frameAt);
    const endYaw = centre.yaw;
    const endPitch = centre.pitch;
    const distance = separation(startYaw, startPitch, endYaw, endPitch);
    const still = 0.05 * distance;
    let onsetAt = stimulusAt;
    let entryAt: number | null = null;
    let atStart = true;
    while (aim.nextTime <= shot.pressedAt) {
      const t = aim.nextTime;
      aim.step();
      if (separation(aim.yaw, aim.pitch, startYaw, startPitch) <= still) {
        atStart = true;
        entryAt = null;
      } else if (atStart) {
        // The event that takes the aim away from its start: the movement's onset.
        atStart = false;
        onsetAt = t;
      }
      if (!atStart && entryAt === null) {
        const c = paths.at(k, t);
        if (separation(aim.yaw, aim.pitch, c.yaw, c.pitch) <= r) entryAt = t;
      }
    }
    const ux = distance > 0 ? (endYaw - startYaw) / distance : 0;
    const uy = distance > 0 ? (endPitch - startPitch) / distance : 0;
    out.push({
      spawnIndex: k,
      stimulusAt,
      pressedAt: shot.pressedAt,
      acquisitionMs: shot.pressedAt - stimulusAt,
      distance,
      id: Math.log2(distance / (2 * r) + 1),
      onsetAt,
      movementMs: shot.pressedAt - onsetAt,
      travelMs: entryAt === null ? null : entryAt - onsetAt,
      endpointAlong: (aim.yaw - endYaw) * ux + (aim.pitch - endPitch) * uy,
    });
  }
  return out;
}

/** Lags tried, ms (of the shown aim behind the shown target): a sweep at 25 ms, then 5 ms, then 1 ms around the best. */
const LAG_RANGE_MS = { min: -150, max: 400, steps: [25, 5, 1] };
/** Spacing of the precomputed target paths the lag sweep interpolates, ms. */
const GRID_MS = 2;
/** Frames closer together than this are sampled once. */
const SAMPLE_SPACING_MS = 16;
/** A sample counts as tracking when the aim is within this many radii of the target... */
const ENGAGED_RADII = 3;
/** ...and the target has been shown for at least this long (the flick onto it is over). */
const ENGAGED_AFTER_MS = 300;

export interface TrackingMeasures {
  /** Frames sampled while the aim was tracking a target. */
  samples: number;
  /** Lag of the shown aim behind the shown target that fits best, ms; null without enough samples. */
  lagMs: number | null;
  /** Median aim error at that lag, radians. */
  residual: number | null;
  /** Mean angular speed of the tracked targets over the samples, radians per second. */
  targetSpeed: number;
  /** Switching: per kill, time to the first credited frame on another target, ms. */
  switchMs: number[];
}

/**
 * The tracking measures. The shown aim at frame f is the hand's aim from the events at or before
 * f − L (L the tier's latency); the tracked target is the nearest shown one. For each candidate
 * lag λ the error is the distance from the shown aim at f to the target's position at f − λ,
 * clipped at 3 radii so that the odd flick does not dominate; the best λ is the lag.
 */
export function trackingMeasures({ scenario, seed, tier, settings, log, result }: ReplayedRun): TrackingMeasures {
  const r = targetAngle(scenario);
  const targets = result.targets;
  const paths = new TargetPaths(scenario, seed, (k) => targets[k]!.spawnedAt);
  const aim = new AimWalker(log, radiansPerCount(settings));
  const frames = log.frames.t;
  // Samples: (frame time, shown aim, tracked target).
  const sampleT: number[] = [];
  const sampleYaw: number[] = [];
  const samplePitch: number[] = [];
  const sampleTarget: number[] = [];
  let first = 0; // targets before this index are killed before the current frame
  let lastSample = -Infinity;
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i]!;
    if (f - lastSample < SAMPLE_SPACING_MS) continue;
    aim.advanceTo(f - tier.addedLatencyMs);
    while (first < targets.length && targets[first]!.killedAt !== null && targets[first]!.killedAt! < f) first++;
    let best = -1;
    let bestD = Infinity;
    for (let k = first; k < targets.length && targets[k]!.spawnedAt <= f; k++) {
      const tr = targets[k]!;
      if (tr.firstShownAt === null || (tr.killedAt !== null && tr.killedAt < f) || f - tr.firstShownAt < ENGAGED_AFTER_MS) continue;
      const c = paths.at(k, f);
      const d = separation(aim.yaw, aim.pitch, c.yaw, c.pitch);
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    if (best < 0 || bestD > ENGAGED_RADII * r) continue;
    lastSample = f;
    sampleT.push(f);
    sampleYaw.push(aim.yaw);
    samplePitch.push(aim.pitch);
    sampleTarget.push(best);
  }

  // Each tracked target's path on a 2 ms grid over the times the lag sweep can ask for.
  const span = new Map<number, [first: number, last: number]>();
  for (let s = 0; s < sampleT.length; s++) {
    const k = sampleTarget[s]!;
    const seen = span.get(k);
    if (seen) seen[1] = sampleT[s]!;
    else span.set(k, [sampleT[s]!, sampleT[s]!]);
  }
  const grids = new Map<number, { from: number; yaw: Float64Array; pitch: Float64Array }>();
  for (const [k, [firstT, lastT]] of span) {
    const from = Math.floor((firstT - LAG_RANGE_MS.max) / GRID_MS) * GRID_MS;
    const n = Math.ceil((lastT - LAG_RANGE_MS.min - from) / GRID_MS) + 2;
    const yaw = new Float64Array(n);
    const pitch = new Float64Array(n);
    for (let g = 0; g < n; g++) {
      const c = paths.at(k, from + g * GRID_MS);
      yaw[g] = c.yaw;
      pitch[g] = c.pitch;
    }
    grids.set(k, { from, yaw, pitch });
  }
  const sampleGrid = sampleTarget.map((k) => grids.get(k)!);
  const sampleCos = samplePitch.map((p) => Math.cos(p));
  /** Distance from sample s's shown aim to its target's position lag ms earlier (interpolated on the grid). */
  const errorAt = (s: number, lag: number): number => {
    const grid = sampleGrid[s]!;
    const x = (sampleT[s]! - lag - grid.from) / GRID_MS;
    const g = Math.floor(x);
    const w = x - g;
    const yaw = grid.yaw[g]! + (grid.yaw[g + 1]! - grid.yaw[g]!) * w;
    const pitch = grid.pitch[g]! + (grid.pitch[g + 1]! - grid.pitch[g]!) * w;
    const ey = (sampleYaw[s]! - yaw) * sampleCos[s]!;
    const ep = samplePitch[s]! - pitch;
    return Math.sqrt(ey * ey + ep * ep);
  };
  const clip = (ENGAGED_RADII * r) ** 2;
  const meanSquaredError = (lag: number): number => {
    let sum = 0;
    for (let s = 0; s < sampleT.length; s++) sum += Math.min(clip, errorAt(s, lag) ** 2);
    return sum / sampleT.length;
  };
  // At the best lag, the typical (median) error: robust to the odd overlap of two targets or a flick.
  const medianError = (lag: number): number => {
    const errors = new Float64Array(sampleT.length);
    for (let s = 0; s < sampleT.length; s++) errors[s] = errorAt(s, lag);
    return errors.sort()[errors.length >> 1]!;
  };
  let speed = 0;
  for (let s = 0; s < sampleT.length; s++) {
    const grid = sampleGrid[s]!;
    const g = Math.floor((sampleT[s]! - grid.from) / GRID_MS);
    speed += Math.hypot((grid.yaw[g + 1]! - grid.yaw[g]!) * sampleCos[s]!, grid.pitch[g + 1]! - grid.pitch[g]!) / GRID_MS;
  }
  const targetSpeed = sampleT.length ? (speed / sampleT.length) * 1000 : 0;
  let lagMs: number | null = null;
  let residual: number | null = null;
  if (sampleT.length >= 100) {
    let best = 0;
    let bestErr = Infinity;
    let lo = LAG_RANGE_MS.min;
    let hi = LAG_RANGE_MS.max;
    for (const step of LAG_RANGE_MS.steps) {
      for (let lag = lo; lag <= hi; lag += step) {
        const e = meanSquaredError(lag);
        if (e < bestErr) [best, bestErr] = [lag, e];
      }
      lo = Math.max(LAG_RANGE_MS.min, best - step + 1);
      hi = Math.min(LAG_RANGE_MS.max, best + step - 1);
    }
    lagMs = best;
    residual = medianError(best);
  }

  // Switching: kills and first credits in time order; each kill is followed by the next first credit.
  const switchMs: number[] = [];
  if (scenario.kind === "switching") {
    const kills = targets.filter((t) => t.killedAt !== null).map((t) => t.killedAt!).sort((a, b) => a - b);
    const credits = targets.filter((t) => t.firstHitAt !== null).map((t) => t.firstHitAt!).sort((a, b) => a - b);
    let j = 0;
    for (const kill of kills) {
      while (j < credits.length && credits[j]! <= kill) j++;
      if (j < credits.length) switchMs.push(credits[j]! - kill);
    }
  }
  return { samples: sampleT.length, lagMs, residual, targetSpeed, switchMs };
}

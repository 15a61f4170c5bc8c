/**
 * Plausibility checks on a decoded input log and its replayed result: what no human with a mouse
 * produces (reject) and what is beyond the best people we know of (flag). Each finding carries a
 * reason code, a plain sentence for the player and the numbers for admins (server/runs/findings.ts).
 * The limits and their sources are in server/runs/human-limits.ts and docs/anti-cheat.md.
 */
import { isClickingKind, PRIMARY_BUTTON, radiansPerCount, type InputLog, type RunResult, type RunSettings, type Scenario, type Tier } from "../../game/core";
import { clickingAcquisitions, targetAngle, trackingMeasures, type Acquisition, type ReplayedRun } from "./behaviour";
import { bySeverity, finding, type Finding } from "./findings";
import { HUMAN, RATE_WINDOW_MS, scenarioLimits, type Bounds, type ScenarioLimits } from "./human-limits";

export type { Finding, Severity } from "./findings";

export const LIMITS = {
  /** Presses of the primary button in any 1 s window. */
  maxClicksPerSecond: HUMAN.clicksPerSecond.provable,
  /** Aim speed over any 10 ms window, degrees per second. */
  maxAngularSpeedDegPerSec: 50_000,
  /** Hand speed over any 10 ms window implied by the counts and DPI, cm per second (12 m/s). */
  maxHandSpeedCmPerSec: 1200,
  /** A press sooner than this after the target was first shown is not a reaction. */
  minReactionMs: HUMAN.reactionMs.provable,
  /** A flick of this many events or fewer is a jump, not a hand movement. */
  maxRoboticFlickEvents: 3,
  /** Identical runs of this many mouse events... */
  repeatWindow: 32,
  /** ...seen this many times. */
  repeatCount: 3,
};

const SPEED_WINDOW_MS = 10;

function clickRate(log: InputLog): Finding | null {
  const presses: number[] = [];
  for (let i = 0; i < log.buttons.t.length; i++) {
    if (log.buttons.id[i] === PRIMARY_BUTTON && log.buttons.down[i] === 1) presses.push(log.buttons.t[i]!);
  }
  let max = 0;
  for (let hi = 0, lo = 0; hi < presses.length; hi++) {
    while (presses[hi]! - presses[lo]! >= 1000) lo++;
    max = Math.max(max, hi - lo + 1);
  }
  return max > LIMITS.maxClicksPerSecond ? finding("click_rate", "reject", { clicksInOneSecond: max, limit: LIMITS.maxClicksPerSecond }) : null;
}

function aimSpeed(log: InputLog, settings: RunSettings): Finding | null {
  const { t, dx, dy } = log.mouse;
  const rpc = radiansPerCount(settings);
  let windowCounts = 0;
  let worstDeg = 0;
  let worstCm = 0;
  for (let hi = 0, lo = 0; hi < t.length; hi++) {
    windowCounts += Math.sqrt(dx[hi]! * dx[hi]! + dy[hi]! * dy[hi]!);
    while (t[hi]! - t[lo]! > SPEED_WINDOW_MS) {
      windowCounts -= Math.sqrt(dx[lo]! * dx[lo]! + dy[lo]! * dy[lo]!);
      lo++;
    }
    // Over a full window at least: one event's movement happened over the time before it.
    const seconds = SPEED_WINDOW_MS / 1000;
    worstDeg = Math.max(worstDeg, (windowCounts * rpc * 180) / Math.PI / seconds);
    worstCm = Math.max(worstCm, ((windowCounts / settings.dpi) * 2.54) / seconds);
  }
  if (worstDeg > LIMITS.maxAngularSpeedDegPerSec || worstCm > LIMITS.maxHandSpeedCmPerSec) {
    return finding("angular_speed", "reject", {
      degPerSec: Math.round(worstDeg),
      handCmPerSec: Math.round(worstCm),
      limitDegPerSec: LIMITS.maxAngularSpeedDegPerSec,
      limitHandCmPerSec: LIMITS.maxHandSpeedCmPerSec,
    });
  }
  return null;
}

function reactions(result: RunResult, tier: Tier, clicking: boolean): Finding | null {
  if (!clicking) return null;
  let tooFast = 0;
  let reacted = 0;
  for (const target of result.targets) {
    if (target.firstShownAt === null || target.firstHitAt === null) continue;
    reacted++;
    // firstHitAt is when the press took effect; the hand pressed addedLatencyMs earlier.
    if (target.firstHitAt - tier.addedLatencyMs - target.firstShownAt < LIMITS.minReactionMs) tooFast++;
  }
  const evidence = { tooFast, targets: reacted, minReactionMs: LIMITS.minReactionMs };
  if (tooFast >= 5 && tooFast / reacted > 0.3) return finding("inhuman_reaction", "reject", evidence);
  if (tooFast >= 3) return finding("inhuman_reaction", "flag", evidence);
  return null;
}

/**
 * A human flick overshoots or corrects: its path turns back at least once, takes many events at
 * 1000 Hz, and is not a perfect line. An aimbot jumps to the spot in a few events, or glides there
 * in a straight line with no correction.
 */
function flicks(log: InputLog, result: RunResult, scenario: Scenario, settings: RunSettings): Finding | null {
  if (!isClickingKind(scenario.kind)) return null;
  const { t, dx, dy } = log.mouse;
  const rpc = radiansPerCount(settings);
  const targetAngle = scenario.targets.radius / scenario.targets.distance;
  let robotic = 0;
  let counted = 0;
  let from = 0;
  let i = 0;
  for (const shot of result.shotRecords) {
    // Mouse events between the previous press and this one.
    while (i < t.length && t[i]! < from) i++;
    let events = 0;
    let sx = 0;
    let sy = 0;
    let path = 0;
    let reversedX = false;
    let reversedY = false;
    let j = i;
    for (; j < t.length && t[j]! <= shot.pressedAt; j++) {
      const mx = dx[j]!;
      const my = dy[j]!;
      if (mx === 0 && my === 0) continue;
      if (events > 0 && ((sx > 0 && mx < 0) || (sx < 0 && mx > 0))) reversedX = true;
      if (events > 0 && ((sy > 0 && my < 0) || (sy < 0 && my > 0))) reversedY = true;
      events++;
      sx += mx;
      sy += my;
      path += Math.hypot(mx, my);
    }
    i = j;
    from = shot.pressedAt;
    const distance = Math.hypot(sx, sy);
    if (!shot.hit || distance * rpc < 3 * targetAngle) continue;
    counted++;
    const straight = distance / path > 0.995 && !reversedX && !reversedY;
    if (events <= LIMITS.maxRoboticFlickEvents || straight) robotic++;
  }
  if (robotic >= 5 && robotic / counted >= 0.5) {
    return finding("aimbot_pattern", "reject", { roboticFlicks: robotic, flicks: counted, maxEvents: LIMITS.maxRoboticFlickEvents });
  }
  return null;
}

/**
 * The same run of mouse movement over and over: a macro or a replayed recording. Windows are
 * found again by a rolling hash (one multiply per event) and confirmed by comparing the events.
 */
function repeats(log: InputLog): Finding | null {
  const { dx, dy } = log.mouse;
  const w = LIMITS.repeatWindow;
  if (dx.length < w * LIMITS.repeatCount) return null;
  const BASE = 0x01000193;
  let top = 1; // BASE^(w-1) mod 2^32
  for (let k = 1; k < w; k++) top = Math.imul(top, BASE);
  const value = (k: number) => (Math.imul(dx[k]!, 0x9e3779b1) ^ dy[k]!) | 0;
  const sameWindow = (a: number, b: number) => {
    for (let k = 0; k < w; k++) if (dx[a + k] !== dx[b + k] || dy[a + k] !== dy[b + k]) return false;
    return true;
  };
  // Only windows with real, varied movement: slow steady motion repeats (1,0) legitimately.
  const varied = (start: number) => {
    const pairs = new Set<number>();
    for (let k = start; k < start + w; k++) pairs.add(dx[k]! * 4096 + dy[k]!);
    return pairs.size >= 6;
  };
  const seen = new Map<number, { start: number; count: number; lastEnd: number }>();
  let hash = 0;
  let travel = 0;
  for (let i = 0; i < dx.length; i++) {
    if (i >= w) {
      travel -= Math.abs(dx[i - w]!) + Math.abs(dy[i - w]!);
      hash = (hash - Math.imul(value(i - w), top)) | 0;
    }
    travel += Math.abs(dx[i]!) + Math.abs(dy[i]!);
    hash = (Math.imul(hash, BASE) + value(i)) | 0;
    if (i < w - 1 || travel < 100) continue;
    const start = i - w + 1;
    const entry = seen.get(hash);
    if (!entry) seen.set(hash, { start, count: 1, lastEnd: i });
    else if (start > entry.lastEnd && sameWindow(entry.start, start) && varied(start)) {
      entry.count++;
      entry.lastEnd = i;
      if (entry.count >= LIMITS.repeatCount) return finding("repeated_input", "reject", { window: w, repeats: entry.count });
    }
  }
  return null;
}

/**
 * Finding for a measure held to its bounds: a ceiling (the value must stay at or below them) or a
 * floor (at or above). Beyond the provable bound: reject; beyond the plausible one: flag.
 */
function bounded(code: Finding["code"], kind: "ceiling" | "floor", value: number, bounds: Bounds, evidence: Record<string, number>): Finding | null {
  const beyond = (limit: number) => (kind === "ceiling" ? value > limit : value < limit);
  const e = { ...evidence, value: round(value), plausible: round(bounds.plausible), provable: round(bounds.provable) };
  if (beyond(bounds.provable)) return finding(code, "reject", e);
  if (beyond(bounds.plausible)) return finding(code, "flag", e);
  return null;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Most kills in any window of RATE_WINDOW_MS (the whole run if shorter), per second. */
function sustainedKillRate(result: RunResult): number {
  const kills = result.targets.filter((t) => t.killedAt !== null).map((t) => t.killedAt!).sort((a, b) => a - b);
  const window = Math.min(RATE_WINDOW_MS, result.durationMs);
  let most = 0;
  for (let hi = 0, lo = 0; hi < kills.length; hi++) {
    while (kills[hi]! - kills[lo]! >= window) lo++;
    most = Math.max(most, hi - lo + 1);
  }
  return (most * 1000) / window;
}

/**
 * Clicking: kills per second sustained over any window, the headline ceiling. (In tracking and
 * switching the game's own rules bound kills: each needs its health in credited frames.)
 */
function killRate(result: RunResult, limits: ScenarioLimits): Finding | null {
  return bounded("kill_rate", "ceiling", sustainedKillRate(result), limits.killsPerSecond, { kills: result.kills, windowMs: Math.min(RATE_WINDOW_MS, result.durationMs) });
}

/**
 * Clicking: the time from a target becoming the next one to the press on it (the median over the
 * run). A pipelining bot that shoots the oldest of several targets hits each one long after it
 * appeared, but moves between targets faster than a hand.
 */
function acquisition(acqs: Acquisition[], limits: ScenarioLimits): Finding | null {
  if (!limits.acquisitionMs || acqs.length < 10) return null;
  return bounded("target_acquisition", "floor", median(acqs.map((a) => a.acquisitionMs)), limits.acquisitionMs, { acquisitions: acqs.length });
}

/**
 * Clicking: for flicks of at least 3 target radii, the median time from the aim leaving its start
 * to entering the target. A flick bot that jumps in a few events, with or without a fake
 * overshoot, takes a few milliseconds.
 */
function movementTime(acqs: Acquisition[], r: number): Finding | null {
  const travel = acqs.filter((a) => a.distance >= 3 * r && a.travelMs !== null).map((a) => a.travelMs!);
  if (travel.length < 5) return null;
  return bounded("movement_time", "floor", median(travel), { plausible: HUMAN.travelMs.plausible, provable: HUMAN.travelMs.provable }, { flicks: travel.length });
}

/**
 * Clicking: movement time (onset to press) against the Shannon index of difficulty, fitted by least
 * squares over the run. A person's movement time grows with the difficulty and varies from one
 * movement to the next; a bot's is often flat, or exactly the formula.
 */
function fittsLaw(acqs: Acquisition[]): Finding | null {
  const moves = acqs.filter((a) => a.id >= 1);
  const n = moves.length;
  if (n < 30) return null;
  let mx = 0;
  let my = 0;
  for (const a of moves) {
    mx += a.id / n;
    my += a.movementMs / n;
  }
  let sxx = 0;
  let sxy = 0;
  for (const a of moves) {
    sxx += (a.id - mx) ** 2;
    sxy += (a.id - mx) * (a.movementMs - my);
  }
  if (sxx / n < 0.25 ** 2 || my <= 0) return null; // too narrow a spread of difficulty to fit a slope
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let sse = 0;
  for (const a of moves) sse += (a.movementMs - intercept - slope * a.id) ** 2;
  const residualSd = Math.sqrt(sse / (n - 2));
  const slopeUpper = slope + 2 * (residualSd / Math.sqrt(sxx));
  const evidence = {
    movements: n,
    interceptMs: round(intercept),
    slopeMsPerBit: round(slope),
    slopeUpper95: round(slopeUpper),
    residualShare: round(residualSd / my),
    minSlope: HUMAN.minFittsSlopeMsPerBit,
    minResidualShare: HUMAN.minMovementTimeResidualShare,
  };
  if (slopeUpper < HUMAN.minFittsSlopeMsPerBit || residualSd / my < HUMAN.minMovementTimeResidualShare) return finding("fitts_law", "flag", evidence);
  return null;
}

/**
 * Clicking: effective throughput (ISO 9241-9): ID_e = log2(D_e / W_e + 1) with W_e = 4.133 × the
 * standard deviation of where presses land along the movement, over the mean acquisition time.
 * It weighs speed and accuracy together: faster and more precise than people are is flagged.
 */
function accuracyAtSpeed(acqs: Acquisition[]): Finding | null {
  const moves = acqs.filter((a) => a.id >= 1);
  const n = moves.length;
  if (n < 20) return null;
  let meanD = 0;
  let meanT = 0;
  let meanE = 0;
  for (const a of moves) {
    meanD += a.distance / n;
    meanT += a.acquisitionMs / n;
    meanE += a.endpointAlong / n;
  }
  let varE = 0;
  for (const a of moves) varE += (a.endpointAlong - meanE) ** 2 / (n - 1);
  const we = 4.133 * Math.sqrt(varE);
  if (meanT <= 0) return null;
  const throughput = we > 0 ? Math.log2(meanD / we + 1) / (meanT / 1000) : Infinity;
  if (throughput <= HUMAN.throughputBitsPerSec.plausible) return null;
  return finding("accuracy_at_speed", "flag", {
    movements: n,
    throughputBitsPerSec: round(throughput),
    plausible: HUMAN.throughputBitsPerSec.plausible,
  });
}

/** Tracking and switching: lag behind the target, smoothness, time on target, switches. */
function trackingFindings(run: ReplayedRun): Finding[] {
  const m = trackingMeasures(run);
  const r = targetAngle(run.scenario);
  const result = run.result;
  const out: (Finding | null)[] = [];
  if (m.lagMs !== null && m.residual !== null) {
    out.push(bounded("tracking_anticipation", "floor", m.lagMs, HUMAN.trackingLagMs, { samples: m.samples }));
    out.push(bounded("tracking_smoothness", "floor", m.residual / r, HUMAN.trackingResidualShare, { samples: m.samples, lagMs: m.lagMs }));
  }
  const fast = m.targetSpeed >= HUMAN.timeOnTargetShare.minTargetRadiiPerSec * r;
  if (fast && result.sampledTimeMs >= result.durationMs / 2 && result.accuracy > HUMAN.timeOnTargetShare.plausible) {
    out.push(finding("time_on_target", "flag", { share: round(result.accuracy), plausible: HUMAN.timeOnTargetShare.plausible, targetRadiiPerSec: round(m.targetSpeed / r) }));
  }
  if (m.switchMs.length >= 5) out.push(bounded("target_acquisition", "floor", median(m.switchMs), HUMAN.switchMs, { switches: m.switchMs.length }));
  return out.filter((f): f is Finding => f !== null);
}

/** Every plausibility finding for a replayed run, rejections first. */
export function plausibilityFindings(run: ReplayedRun): Finding[] {
  const { scenario, tier, settings, log, result } = run;
  const clicking = isClickingKind(scenario.kind);
  const limits = scenarioLimits(scenario, tier);
  const findings = [
    clickRate(log),
    aimSpeed(log, settings),
    flicks(log, result, scenario, settings),
    repeats(log),
    reactions(result, tier, clicking),
  ];
  if (clicking) {
    findings.push(killRate(result, limits));
    const acqs = clickingAcquisitions(run);
    findings.push(acquisition(acqs, limits), movementTime(acqs, targetAngle(scenario)), fittsLaw(acqs), accuracyAtSpeed(acqs));
  } else {
    findings.push(...trackingFindings(run));
  }
  return bySeverity(findings.filter((f): f is Finding => f !== null));
}

/**
 * Plausibility checks on a decoded input log and its replayed result: what no human with a mouse
 * produces. Each finding has a reason code; "reject" findings keep a run off every board, "flag"
 * findings keep it off prize places until an admin clears it. Thresholds are documented in
 * docs/anti-cheat.md.
 */
import { isClickingKind, PRIMARY_BUTTON, radiansPerCount, type InputLog, type RunResult, type RunSettings, type Scenario, type Tier } from "../../game/core";

export type Severity = "reject" | "flag";

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
}

export const LIMITS = {
  /** Presses of the primary button in any 1 s window. */
  maxClicksPerSecond: 20,
  /** Aim speed over any 10 ms window, degrees per second. */
  maxAngularSpeedDegPerSec: 50_000,
  /** Hand speed over any 10 ms window implied by the counts and DPI, cm per second (12 m/s). */
  maxHandSpeedCmPerSec: 1200,
  /** A press sooner than this after the target was first shown is not a reaction. */
  minReactionMs: 100,
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
  return max > LIMITS.maxClicksPerSecond
    ? { code: "click_rate", severity: "reject", message: `${max} clicks within one second (a human bound is ${LIMITS.maxClicksPerSecond}).` }
    : null;
}

function aimSpeed(log: InputLog, settings: RunSettings): Finding | null {
  const { t, dx, dy } = log.mouse;
  const rpc = radiansPerCount(settings);
  let windowCounts = 0;
  let worstDeg = 0;
  let worstCm = 0;
  for (let hi = 0, lo = 0; hi < t.length; hi++) {
    windowCounts += Math.hypot(dx[hi]!, dy[hi]!);
    while (t[hi]! - t[lo]! > SPEED_WINDOW_MS) {
      windowCounts -= Math.hypot(dx[lo]!, dy[lo]!);
      lo++;
    }
    // Over a full window at least: one event's movement happened over the time before it.
    const seconds = SPEED_WINDOW_MS / 1000;
    worstDeg = Math.max(worstDeg, (windowCounts * rpc * 180) / Math.PI / seconds);
    worstCm = Math.max(worstCm, ((windowCounts / settings.dpi) * 2.54) / seconds);
  }
  if (worstDeg > LIMITS.maxAngularSpeedDegPerSec || worstCm > LIMITS.maxHandSpeedCmPerSec) {
    return {
      code: "angular_speed",
      severity: "reject",
      message: `Aim moved at ${Math.round(worstDeg)}°/s (${(worstCm / 100).toFixed(1)} m/s of mouse travel): beyond any mouse.`,
    };
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
  const message = `${tooFast} of ${reacted} targets were hit less than ${LIMITS.minReactionMs} ms after they appeared.`;
  if (tooFast >= 5 && tooFast / reacted > 0.3) return { code: "inhuman_reaction", severity: "reject", message };
  if (tooFast >= 3) return { code: "inhuman_reaction", severity: "flag", message };
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
    return {
      code: "aimbot_pattern",
      severity: "reject",
      message: `${robotic} of ${counted} flicks landed on target in a jump or a perfect line, with no overshoot or correction.`,
    };
  }
  return null;
}

/** The same run of mouse movement over and over: a macro or a replayed recording. */
function repeats(log: InputLog): Finding | null {
  const { dx, dy } = log.mouse;
  const w = LIMITS.repeatWindow;
  if (dx.length < w * LIMITS.repeatCount) return null;
  const seen = new Map<string, { count: number; lastEnd: number }>();
  let travel = 0;
  for (let i = 0; i < dx.length; i++) {
    travel += Math.abs(dx[i]!) + Math.abs(dy[i]!);
    if (i >= w) travel -= Math.abs(dx[i - w]!) + Math.abs(dy[i - w]!);
    // Only windows with real, varied movement: slow steady motion repeats (1,0) legitimately.
    if (i < w - 1 || travel < 100) continue;
    const start = i - w + 1;
    const pairs = new Set<number>();
    let key = "";
    for (let k = start; k <= i; k++) {
      pairs.add(dx[k]! * 4096 + dy[k]!);
      key += `${dx[k]},${dy[k]};`;
    }
    if (pairs.size < 6) continue;
    const entry = seen.get(key);
    if (!entry) seen.set(key, { count: 1, lastEnd: i });
    else if (start > entry.lastEnd) {
      entry.count++;
      entry.lastEnd = i;
      if (entry.count >= LIMITS.repeatCount) {
        return { code: "repeated_input", severity: "reject", message: `The same ${w} mouse movements were repeated ${entry.count} times.` };
      }
    }
  }
  return null;
}

/** Every plausibility finding for a replayed run, rejections first. */
export function plausibilityFindings(
  scenario: Scenario,
  tier: Tier,
  settings: RunSettings,
  log: InputLog,
  result: RunResult,
): Finding[] {
  const clicking = isClickingKind(scenario.kind);
  const findings = [
    clickRate(log),
    aimSpeed(log, settings),
    flicks(log, result, scenario, settings),
    repeats(log),
    reactions(result, tier, clicking),
  ].filter((f): f is Finding => f !== null);
  return findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "reject" ? -1 : 1));
}

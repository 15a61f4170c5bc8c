/**
 * How a score is verified: the server decodes the submitted input log, bounds it, replays it with
 * the game core on the seed and scenario version it chose itself, and checks the evidence (frame
 * times, the server's clock, the human-limits checks). Pure: no database, so every rule has a unit
 * test. What the finish path looks up (whether the log was seen before, the player's prior scores
 * and previous sensitivity) is passed in; docs/anti-cheat.md describes the policy.
 *
 * The order is the order of the checks below; the first rejection names the run's reason code.
 */
import { checkFrameCap, decodeLog, LogDecodeError, replay, type InputLog, type RunEnvironment, type RunResult, type Scenario, type Tier } from "../../game/core";
import { plausibilityFindings } from "./checks";
import {
  decodeSubmittedLog,
  environmentChangeFindings,
  personalBestFinding,
  serverClockFindings,
  type PriorBest,
  type Sensitivity,
} from "./conditions";
import { bySeverity, finding, type Evidence, type Finding, type FindingCode } from "./findings";

export { MIN_CLOCK_SHARE } from "./conditions";

export type VerdictName = "verified" | "flagged" | "rejected";

/** Largest encoded log accepted: a 60 s run at 1000 Hz encodes to about 140 KB. */
export const MAX_LOG_BYTES = 256 * 1024;
/** The log must reach this close to the run's end. */
const END_SLACK_MS = 250;
/** Frames may come this much faster than the display's measured refresh rate (measurement noise). */
const REFRESH_TOLERANCE = 1.1;

export interface VerifyInput {
  scenario: Scenario;
  seed: number;
  tier: Tier;
  /**
   * The log as decoded by decodeSubmittedLog (so its hash and this replay are of the same bytes).
   * One of logBytes / logBase64 is required; logBytes wins.
   */
  logBytes?: Uint8Array;
  /** The encoded log as submitted (base64), decoded here with decodeSubmittedLog's strict rules. */
  logBase64?: string;
  environment: RunEnvironment;
  startedAt: Date;
  finishedAt: Date;
  expiresAt: Date;
  /** The same log bytes were already submitted for another run. */
  logSeenBefore?: boolean;
  /** The player's prior verified runs on this scenario, for the personal best check. Omitted: not checked. */
  priorBest?: PriorBest;
  /** cm/360 and DPI of the player's previous run (null: none), recorded for review when changed. */
  previousSensitivity?: Sensitivity | null;
}

export interface Verification {
  verdict: VerdictName;
  /** The first rejection's code, else the first flag's; null when verified (review notes do not count). */
  reasonCode: FindingCode | null;
  /** Rejections first, then flags, then review notes. */
  findings: Finding[];
  result: RunResult | null;
}

const reject = (code: FindingCode, evidence?: Evidence): Verification => ({
  verdict: "rejected",
  reasonCode: code,
  findings: [finding(code, "reject", evidence)],
  result: null,
});

function lastTime(log: InputLog): number {
  const last = (xs: Float64Array) => (xs.length ? xs[xs.length - 1]! : 0);
  return Math.max(last(log.mouse.t), last(log.buttons.t), last(log.frames.t));
}

/** The verdict a list of findings gives. */
export function verdictOf(findings: Finding[], result: RunResult | null): Verification {
  const sorted = bySeverity(findings);
  const first = sorted[0];
  if (first?.severity === "reject") return { verdict: "rejected", reasonCode: first.code, findings: sorted, result };
  if (first?.severity === "flag") return { verdict: "flagged", reasonCode: first.code, findings: sorted, result };
  return { verdict: "verified", reasonCode: null, findings: sorted, result };
}

export function verifyRun(input: VerifyInput): Verification {
  const { scenario, seed, tier, environment, startedAt, finishedAt, expiresAt } = input;

  // A run expires at its duration plus the finish allowance: later is a slowed game or a held finish.
  if (finishedAt > expiresAt) {
    return reject("run_expired", { elapsedMs: finishedAt.getTime() - startedAt.getTime(), allowedMs: expiresAt.getTime() - startedAt.getTime() });
  }
  const encodedLimit = Math.ceil(MAX_LOG_BYTES / 3) * 4;
  const size = input.logBytes?.length ?? Math.floor(((input.logBase64?.length ?? 0) * 3) / 4);
  if (size > MAX_LOG_BYTES || (input.logBase64?.length ?? 0) > encodedLimit) return reject("log_too_large", { bytes: size, limit: MAX_LOG_BYTES });

  let log: InputLog;
  try {
    log = decodeLog(input.logBytes ?? decodeSubmittedLog(input.logBase64 ?? "").bytes);
  } catch (err) {
    if (!(err instanceof LogDecodeError)) throw err;
    if (err.code === "out_of_order") return reject("log_out_of_order", { error: err.message });
    if (err.code === "out_of_range") return reject("log_outside_run", { error: err.message });
    return reject("log_undecodable", { error: err.message });
  }
  if (lastTime(log) > scenario.durationMs) return reject("log_outside_run", { lastEventMs: lastTime(log), durationMs: scenario.durationMs });
  const frames = log.frames.t;
  if (frames.length === 0 || frames[frames.length - 1]! < scenario.durationMs - END_SLACK_MS) {
    return reject("log_incomplete", { lastFrameMs: frames.length ? frames[frames.length - 1]! : null, durationMs: scenario.durationMs });
  }
  if (environment.tier !== tier.name || environment.fpsCap !== tier.fpsCap || environment.addedLatencyMs !== tier.addedLatencyMs) {
    return reject("tier_mismatch", { startedTier: tier.name, playedTier: environment.tier, fpsCap: environment.fpsCap, addedLatencyMs: environment.addedLatencyMs });
  }

  // The frame cap depends on the frame times alone: checked before the replay, so a flood of frames
  // costs its decode, not a replay of every frame (docs/scenarios.md, "Limits").
  const frameCap = checkFrameCap(frames, tier);
  if (frameCap.violations > 0) return reject("frame_cap_exceeded", { violations: frameCap.violations, fpsCap: tier.fpsCap });

  const settings = { cm360: environment.cm360, dpi: environment.dpi };
  const result = replay(scenario, seed, tier, log, settings);
  const findings = plausibilityFindings({ scenario, seed, tier, settings, log, result });
  const shownFps = result.frames.achievedFps;
  // What the client says it achieved must be what its frames show (within 10 %)...
  if (Math.abs(environment.achievedFps - shownFps) > shownFps * 0.1) {
    findings.push(finding("environment_mismatch", "flag", { reportedFps: environment.achievedFps, framesFps: round1(shownFps) }));
  }
  // ...and no display shows more frames than it refreshes: a game clock slowed down (slow motion)
  // packs more frames into each logged second than the screen that was measured can show.
  else if (environment.refreshHz > 0 && shownFps > environment.refreshHz * REFRESH_TOLERANCE) {
    findings.push(finding("environment_mismatch", "flag", { refreshHz: environment.refreshHz, framesFps: round1(shownFps) }));
  }
  if (input.logSeenBefore) findings.unshift(finding("replayed_log", "reject"));
  findings.push(...serverClockFindings(scenario.durationMs, startedAt, finishedAt));
  if (input.previousSensitivity !== undefined) findings.push(...environmentChangeFindings(input.previousSensitivity, settings));
  const jump = input.priorBest ? personalBestFinding(result.score, input.priorBest) : null;
  if (jump) findings.push(jump);
  return verdictOf(findings, result);
}

const round1 = (x: number) => Math.round(x * 10) / 10;

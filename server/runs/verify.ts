/**
 * How a score is verified: the server decodes the submitted input log, bounds it, replays it with
 * the game core on the seed and scenario version it chose itself, and checks the evidence (frame
 * times, clock, input plausibility). Pure: no database, so every rule has a unit test.
 *
 * The order is the order of the checks below; the first rejection names the run's reason code.
 */
import {
  decodeLog,
  fromBase64,
  LogDecodeError,
  replay,
  type InputLog,
  type RunEnvironment,
  type RunResult,
  type Scenario,
  type Tier,
} from "../../game/core";
import { plausibilityFindings, type Finding } from "./checks";

export type VerdictName = "verified" | "flagged" | "rejected";

/** Largest encoded log accepted: a 60 s run at 1000 Hz encodes to about 140 KB. */
export const MAX_LOG_BYTES = 256 * 1024;
/** The log must reach this close to the run's end. */
const END_SLACK_MS = 250;
/** The server's clock between start and finish must cover this share of the run's duration. */
export const MIN_CLOCK_SHARE = 0.97;

export interface VerifyInput {
  scenario: Scenario;
  seed: number;
  tier: Tier;
  /** The encoded log as submitted (base64). */
  logBase64: string;
  environment: RunEnvironment;
  startedAt: Date;
  finishedAt: Date;
  expiresAt: Date;
  /** The same log bytes were already submitted for another run. */
  logSeenBefore?: boolean;
}

export interface Verification {
  verdict: VerdictName;
  /** The first rejection's code, else the first flag's; null when verified. */
  reasonCode: string | null;
  findings: Finding[];
  result: RunResult | null;
}

const reject = (code: string, message: string): Verification => ({
  verdict: "rejected",
  reasonCode: code,
  findings: [{ code, severity: "reject", message }],
  result: null,
});

function lastTime(log: InputLog): number {
  const last = (xs: Float64Array) => (xs.length ? xs[xs.length - 1]! : 0);
  return Math.max(last(log.mouse.t), last(log.buttons.t), last(log.frames.t));
}

export function verifyRun(input: VerifyInput): Verification {
  const { scenario, seed, tier, logBase64, environment, startedAt, finishedAt, expiresAt } = input;

  if (finishedAt > expiresAt) return reject("run_expired", "The run was finished after it expired.");
  const encodedLimit = Math.ceil(MAX_LOG_BYTES / 3) * 4;
  if (logBase64.length > encodedLimit) {
    return reject("log_too_large", `The log is about ${Math.floor((logBase64.length * 3) / 4)} bytes; the limit is ${MAX_LOG_BYTES}.`);
  }

  let log: InputLog;
  try {
    log = decodeLog(fromBase64(logBase64));
  } catch (err) {
    if (!(err instanceof LogDecodeError)) throw err;
    if (err.code === "out_of_order") return reject("log_out_of_order", `Timestamps go back in time: ${err.message}`);
    if (err.code === "out_of_range") return reject("log_outside_run", `An event lies outside the run: ${err.message}`);
    return reject("log_undecodable", `The log does not decode: ${err.message}`);
  }
  if (lastTime(log) > scenario.durationMs) {
    return reject("log_outside_run", `An event at ${lastTime(log)} ms lies after the run's end (${scenario.durationMs} ms).`);
  }
  const frames = log.frames.t;
  if (frames.length === 0 || frames[frames.length - 1]! < scenario.durationMs - END_SLACK_MS) {
    return reject("log_incomplete", "The log stops before the end of the run.");
  }
  if (environment.tier !== tier.name || environment.fpsCap !== tier.fpsCap || environment.addedLatencyMs !== tier.addedLatencyMs) {
    return reject("tier_mismatch", `The run was started on the ${tier.name} tier but played on another profile.`);
  }

  const settings = { cm360: environment.cm360, dpi: environment.dpi };
  const result = replay(scenario, seed, tier, log, settings);

  if (result.frames.capViolations > 0) {
    return {
      ...reject("frame_cap_exceeded", `${result.frames.capViolations} frames came faster than the ${tier.fpsCap} fps cap allows.`),
      result,
    };
  }
  const findings = plausibilityFindings(scenario, tier, settings, log, result);
  // What the client says it achieved must be what its frames show (within 10 %).
  if (Math.abs(environment.achievedFps - result.frames.achievedFps) > result.frames.achievedFps * 0.1) {
    findings.push({
      code: "environment_mismatch",
      severity: "flag",
      message: `The client reported ${environment.achievedFps} fps; its frames show ${result.frames.achievedFps.toFixed(1)} fps.`,
    });
  }
  if (input.logSeenBefore) {
    findings.unshift({ code: "replayed_log", severity: "reject", message: "This exact input log was already submitted for another run." });
  }
  const elapsed = finishedAt.getTime() - startedAt.getTime();
  if (elapsed < scenario.durationMs * MIN_CLOCK_SHARE) {
    // After the input rejections (the clock is the last word on a log that is otherwise clean).
    findings.splice(findings.filter((f) => f.severity === "reject").length, 0, {
      code: "clock_mismatch",
      severity: "reject",
      message: `The log covers ${scenario.durationMs} ms of play, but only ${elapsed} ms passed on the server's clock.`,
    });
  }

  const rejected = findings.find((f) => f.severity === "reject");
  if (rejected) return { verdict: "rejected", reasonCode: rejected.code, findings, result };
  if (findings.length) return { verdict: "flagged", reasonCode: findings[0]!.code, findings, result };
  return { verdict: "verified", reasonCode: null, findings, result };
}

/**
 * Conditions a run is held to besides what its log shows (docs/anti-cheat.md, "Conditions"): the
 * identity of the submitted log, the server's clock between start and finish, the player's
 * sensitivity across runs, and a personal best far above the player's own history. Pure: the
 * finish path looks up the history and passes it in.
 */
import crypto from "node:crypto";
import { fromBase64, type RunEnvironment } from "../../game/core";
import { finding, type Finding } from "./findings";

/** A submitted log, decoded. `sha256` (hex) is of the decoded bytes: the run's log identity. */
export interface SubmittedLog {
  bytes: Uint8Array;
  sha256: string;
}

/**
 * Decodes a submitted log's base64 strictly (canonical only: standard alphabet, exact padding,
 * zero trailing bits, no whitespace) and hashes the decoded bytes. Two texts that decode to the
 * same bytes cannot both be accepted, so one log has one identity. Throws LogDecodeError
 * ("bad_base64") on anything else.
 */
export function decodeSubmittedLog(text: string): SubmittedLog {
  const bytes = fromBase64(text);
  return { bytes, sha256: crypto.createHash("sha256").update(bytes).digest("hex") };
}

/** Default time allowed between the run's end and its finish arriving (upload, a slow network). */
export const DEFAULT_UPLOAD_ALLOWANCE_MS = 10_000;
/** The server's clock between start and finish must cover this share of the run's duration. */
export const MIN_CLOCK_SHARE = 0.97;

/**
 * The server's clock bounds the game's clock from both sides. A run finished sooner than it lasts
 * was played fast (a speed hack); one finished later than its duration plus the upload allowance
 * was played slowed down (more time to aim than the log shows) or held back: both are rejected.
 */
export function serverClockFindings(
  durationMs: number,
  startedAt: Date,
  finishedAt: Date,
  uploadAllowanceMs = DEFAULT_UPLOAD_ALLOWANCE_MS,
): Finding[] {
  const elapsedMs = finishedAt.getTime() - startedAt.getTime();
  if (elapsedMs < durationMs * MIN_CLOCK_SHARE) {
    return [finding("clock_mismatch", "reject", { elapsedMs, durationMs, minShare: MIN_CLOCK_SHARE })];
  }
  if (elapsedMs > durationMs + uploadAllowanceMs) {
    return [finding("late_finish", "reject", { elapsedMs, durationMs, uploadAllowanceMs })];
  }
  return [];
}

export type Sensitivity = Pick<RunEnvironment, "cm360" | "dpi">;

/**
 * A change of cm/360 or DPI since the player's previous run (null: no previous run). Recorded for
 * review, not flagged: players do retune their sensitivity, and the score depends only on the
 * counts and cm/360 × DPI, which the replay and the aim checks already see. What a change can
 * hide (a declared DPI that makes impossible hand speeds look possible, a new setup for a bot)
 * is a pattern across runs, for an admin to judge.
 */
export function environmentChangeFindings(previous: Sensitivity | null, current: Sensitivity): Finding[] {
  if (!previous || (previous.cm360 === current.cm360 && previous.dpi === current.dpi)) return [];
  return [
    finding("environment_change", "review", {
      previousCm360: previous.cm360,
      cm360: current.cm360,
      previousDpi: previous.dpi,
      dpi: current.dpi,
    }),
  ];
}

/** A new score above this multiple of the player's best... */
export const PERSONAL_BEST_FACTOR = 1.5;
/** ...over at least this many prior verified runs on the scenario is flagged. */
export const PERSONAL_BEST_MIN_RUNS = 5;

/**
 * `history`: the scores of the player's prior verified runs on the same scenario (either tier).
 * A score more than 1.5× their best over at least 5 such runs is flagged: people improve by steps,
 * a bot switched on jumps.
 */
export function personalBestFinding(score: number, history: readonly number[]): Finding | null {
  if (history.length < PERSONAL_BEST_MIN_RUNS) return null;
  const best = history.reduce((a, b) => Math.max(a, b), 0);
  if (score <= best * PERSONAL_BEST_FACTOR) return null;
  return finding("personal_best_jump", "flag", {
    score,
    previousBest: best,
    priorRuns: history.length,
    factor: PERSONAL_BEST_FACTOR,
  });
}

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
  const bytes = nativeCanonical(text) ?? fromBase64(text);
  return { bytes, sha256: crypto.createHash("sha256").update(bytes).digest("hex") };
}

/** The server's clock between start and finish must cover this share of the run's duration. */
export const MIN_CLOCK_SHARE = 0.97;

/**
 * The server's clock bounds the game's clock from both sides. From above, a run expires at its
 * duration plus a small allowance for the countdown and the upload (RUN_FINISH_ALLOWANCE_SEC, set
 * on the run at its start): a game played slowed down, or a finish held back, arrives after that
 * and is rejected as run_expired (verifyRun checks it first). From below, here: a run finished
 * sooner than it lasts was played fast (a speed hack).
 */
export function serverClockFindings(durationMs: number, startedAt: Date, finishedAt: Date): Finding[] {
  const elapsedMs = finishedAt.getTime() - startedAt.getTime();
  if (elapsedMs < durationMs * MIN_CLOCK_SHARE) {
    return [finding("clock_mismatch", "reject", { elapsedMs, durationMs, minShare: MIN_CLOCK_SHARE })];
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

/** The player's history on a scenario: their best verified score and how many verified runs it is over. */
export interface PriorBest {
  best: number;
  runs: number;
}

/**
 * `prior`: the player's prior verified runs on the same scenario (either tier). A score more than
 * 1.5× their best over at least 5 such runs is flagged: people improve by steps, a bot switched on
 * jumps.
 */
export function personalBestFinding(score: number, prior: PriorBest): Finding | null {
  if (prior.runs < PERSONAL_BEST_MIN_RUNS || score <= prior.best * PERSONAL_BEST_FACTOR) return null;
  return finding("personal_best_jump", "flag", {
    score,
    previousBest: prior.best,
    priorRuns: prior.runs,
    factor: PERSONAL_BEST_FACTOR,
  });
}

/**
 * Node's base64 decoder (native, about 10x the core's JS one on a 30 KB log) when the text is
 * canonical. Node's decoder skips what is not base64 and reads the URL-safe alphabet too, so the text
 * is checked first: the standard alphabet in whole quads, at most two `=` and only at the end, and
 * zero bits after the last byte, which only the last quad can hold: it must be what re-encoding its
 * own bytes gives. Checked in place: re-encoding the whole log made a second copy of its text, and
 * of its bytes, on every finish. Anything else is left to fromBase64, which names what is wrong.
 */
const STANDARD_BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function nativeCanonical(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !STANDARD_BASE64.test(text)) return null;
  const lastQuad = text.slice(-4);
  if (Buffer.from(lastQuad, "base64").toString("base64") !== lastQuad) return null;
  const decoded = Buffer.from(text, "base64");
  // A small decode is a slice of Node's shared buffer pool: copied, so the bytes own their buffer.
  return decoded.byteLength === decoded.buffer.byteLength ? new Uint8Array(decoded.buffer, 0, decoded.byteLength) : new Uint8Array(decoded);
}

/**
 * Finishing a run: the path by which a score reaches a leaderboard (the other is an admin clearing a
 * flagged run, server/review/clear-run.ts, which writes the boards the same way: count-on-boards.ts).
 *
 * Request errors (unknown run, someone else's, a second different submission) throw domain errors
 * and write nothing. A submission that is checked gets a verdict, stored on the run in one
 * transaction: `verified` (counts, unless the player is disqualified), `flagged` (kept off prize
 * places until an admin clears it) or `rejected` (with a reason code; closed so the same seed cannot
 * be tried again with another log).
 * The outcome is stored with the run: repeating a finish returns it again and changes nothing.
 *
 * One pass through the database (finish-store.ts, boards/record.ts): one read of the run and what
 * the verifier weighs, then one transaction with the run's write and one upsert for all its
 * boards (plus the player's disqualification, read with the close locks on PostgreSQL; near a
 * period's end, whether it was closed). The challenge and scenario versions come from caches; the
 * replay runs on the verifier pool. After the commit the rank store and live boards catch up, and the
 * answer carries the run's ranks, read from the rank store (a repeated finish reads them again).
 */
import crypto from "node:crypto";
import { getTier, LogDecodeError, type RunResult } from "../../game/core";
import type { FinishBody, FinishOutcome, RunStats } from "../../lib/contracts/runs";
import type { AuditEntry } from "../audit";
import type { BoardId } from "../boards/board";
import type { ChallengeSchedule } from "../boards/periods";
import { publishEntries, type BoardServices } from "../boards/publish";
import type { RankStore } from "../boards/ranks";
import { boardsFor, recordOnBoards } from "../boards/record";
import { currentChallenge } from "../challenge/challenge";
import type { Db } from "../db/client";
import { sqlOf } from "../db/sql";
import { withRetries } from "../db/transact";
import { Conflict, Forbidden, NotFound } from "../errors";
import { scenarioVersion } from "../scenarios/catalog";
import { decodeSubmittedLog } from "./conditions";
import { boardsToCount, ranksOfRun } from "./count-on-boards";
import { playerFindings, type Finding } from "./findings";
import { auditWithQueries, readRunForFinish, storeVerdict, type RunForFinish } from "./finish-store";
import { runSeed } from "./start";
import type { Verification } from "./verify";
import { inlineVerifier, type Verifier } from "./verify-pool";

export function summarize(result: RunResult): RunStats {
  const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[xs.length >> 1]! : null);
  return {
    score: result.score,
    hits: result.hits,
    misses: result.misses,
    shots: result.shots,
    accuracy: result.accuracy,
    kills: result.kills,
    reactionTimeMedianMs: median(result.reactionTimesMs),
    timeToKillMedianMs: median(result.timeToKillMs),
    timeOnTargetMs: result.timeOnTargetMs,
    durationMs: result.durationMs,
    frames: result.frames,
  };
}

function outcomeFor(run: RunForFinish, v: Verification, finishedAt: Date, claimed: number | null): FinishOutcome {
  return {
    run: {
      id: run.id,
      scenario: { id: run.scenarioId, version: run.scenarioVersion },
      tier: run.tier,
      verdict: v.verdict,
      reasonCode: v.reasonCode,
      reasons: playerFindings(v.findings),
      score: v.verdict === "rejected" ? null : v.result!.score,
      claimedScore: claimed,
      result: v.result ? summarize(v.result) : null,
      finishedAt: finishedAt.toISOString(),
    },
  };
}

/** What the finish path needs besides the database. */
export interface FinishServices extends BoardServices {
  /** Where logs are replayed: the worker pool in the server; this thread when absent. */
  verifier?: Verifier;
}

/**
 * A note the caller adds to the run's findings, with its audit entry, in the finish's own
 * transaction (a kiosk's late upload): on a repeated finish the stored answer already holds it.
 */
export interface FinishNote {
  finding: Finding;
  audit: AuditEntry;
}

type FinishInput = { runId: string; playerId: string; body: FinishBody; now?: Date; notes?: readonly FinishNote[] };

/** A finish, once the verifier admitted it (a full server answers 503 before anything is read). */
export async function finishRun(db: Db, services: FinishServices, input: FinishInput): Promise<FinishOutcome> {
  const release = (services.verifier ?? inlineVerifier).admit();
  try {
    return await finishAdmitted(db, services, input);
  } finally {
    release();
  }
}

async function finishAdmitted(db: Db, services: FinishServices, input: FinishInput): Promise<FinishOutcome> {
  const { runId, playerId, body } = input;
  const idempotencyKey = body.idempotencyKey ?? null;
  const log = decodeLogOnce(body.log);
  const sql = await sqlOf(db);
  const run = await readRunForFinish(sql, runId, log.sha256, idempotencyKey);
  if (!run) throw new NotFound("run_not_found", "No run with that id.");
  if (run.playerId !== playerId) throw new Forbidden("run_not_yours", "That run belongs to another player.");
  if (run.finishedAt) return repeatedFinish(db, services.ranks, run, idempotencyKey, log.sha256);
  if (run.keyUsed) throw new Conflict("idempotency_key_reused", "That idempotency key was used to finish another run.");

  const finishedAt = input.now ?? new Date();
  const tier = getTier(run.tier)!;
  const [scenario, challenge] = await Promise.all([scenarioVersion(db, run.scenarioId, run.scenarioVersion), currentChallenge(db)]);
  const env = run.previousEnvironment;
  const replayed = await (services.verifier ?? inlineVerifier).verify({
    scenario,
    seed: runSeed(run),
    tier,
    ...(log.bytes ? { logBytes: log.bytes } : { logBase64: body.log }),
    environment: body.environment,
    startedAt: run.startedAt,
    finishedAt,
    expiresAt: run.expiresAt,
    logSeenBefore: run.logSeen,
    priorBest: { best: run.priorBest, runs: run.priorRuns },
    previousSensitivity: env?.cm360 !== undefined && env.dpi !== undefined ? { cm360: env.cm360, dpi: env.dpi } : null,
  });
  const notes = input.notes ?? [];
  const verification = notes.length ? { ...replayed, findings: [...replayed.findings, ...notes.map((n) => n.finding)] } : replayed;

  const claimed = body.claimed?.score ?? null;
  const verified = verification.verdict === "verified";
  const score = verification.result?.score ?? 0;
  let countedAt = finishedAt;
  let improved: BoardId[] = [];
  let outcome = outcomeFor(run, verification, finishedAt, claimed);
  const stored = await withRetries(() =>
    sql.transaction(async (q) => {
      countedAt = finishedAt;
      let counted: BoardId[] = [];
      if (verified) {
        // On PostgreSQL this waits on the boards' close locks: a close either sees this run committed,
        // or has committed before the check of closed periods. A disqualified player's run counts nowhere.
        ({ countedAt, boards: counted } = await boardsToCount(q, sql.provider, challenge, { playerId, scenarioId: run.scenarioId, tier: tier.name, finishedAt }, "count_now"));
      }
      outcome = outcomeFor(run, verification, countedAt, claimed);
      // Only the first of two concurrent finishes closes the run.
      const closed = await storeVerdict(q, run.id, {
        finishedAt: countedAt,
        verdict: verification.verdict,
        reasonCode: verification.reasonCode,
        findings: verification.findings as object[],
        log: log.bytes,
        logHash: log.sha256,
        environment: body.environment,
        result: verification.result ?? null,
        score: verification.verdict === "rejected" ? null : score,
        claimedScore: claimed,
        fps: verification.result?.frames.achievedFps ?? null,
        idempotencyKey,
        finishResponse: outcome,
      });
      if (!closed) return false;
      const audits: AuditEntry[] = [];
      if (verified) {
        improved = await recordOnBoards(
          q,
          { runId: run.id, playerId, scenarioId: run.scenarioId, tier: tier.name, score, finishedAt: countedAt, fps: verification.result!.frames.achievedFps },
          counted,
        );
      } else {
        audits.push({
          actorType: "system",
          action: `run.${verification.verdict}`,
          targetType: "run",
          targetId: run.id,
          details: { playerId, reasonCode: verification.reasonCode, findings: verification.findings },
        });
      }
      if (claimed !== null && verification.result && claimed !== score) {
        audits.push({ actorType: "system", action: "run.claim_mismatch", targetType: "run", targetId: run.id, details: { playerId, claimed, computed: score } });
      }
      audits.push(...notes.map((n) => n.audit));
      for (const entry of audits) await auditWithQueries(q, entry, countedAt);
      return true;
    }),
  );
  if (!stored) {
    // Another request finished this run first: answer as a repeat of it.
    const winner = (await readRunForFinish(sql, runId, log.sha256, idempotencyKey))!;
    return repeatedFinish(db, services.ranks, winner, idempotencyKey, log.sha256);
  }
  if (!verified) return outcome;

  // Committed: the rank store and live subscribers catch up.
  const entry = { playerId, score, achievedAt: countedAt.getTime(), runId: run.id, runTier: tier.name, fps: verification.result!.frames.achievedFps };
  await publishEntries(services, improved.map((board) => ({ board, entry })), run.handle);
  return { ...outcome, ranks: await ranksOfRun(services.ranks, countedBoards(challenge, run, countedAt), run) };
}

/** The boards a verified run counts for, at the time it counted. */
function countedBoards(challenge: ChallengeSchedule, run: RunForFinish, countedAt: Date): BoardId[] {
  return boardsFor({ scenarioId: run.scenarioId, tier: getTier(run.tier)!.name, finishedAt: countedAt }, challenge);
}

/**
 * The submitted log, decoded strictly, and its identity: the SHA-256 of the decoded bytes (so two
 * spellings of one log are one log). A text that does not decode keeps the hash of the text; the
 * verifier rejects it as log_undecodable.
 */
function decodeLogOnce(text: string): { bytes: Uint8Array | null; sha256: string } {
  try {
    return decodeSubmittedLog(text);
  } catch (err) {
    if (!(err instanceof LogDecodeError)) throw err;
    return { bytes: null, sha256: crypto.createHash("sha256").update(text).digest("hex") };
  }
}

/** The stored answer of a finished run, for the same submission again (with the ranks of now). */
async function repeatedFinish(db: Db, ranks: RankStore, run: RunForFinish, idempotencyKey: string | null, logHash: string): Promise<FinishOutcome> {
  const same = idempotencyKey ? idempotencyKey === run.idempotencyKey : logHash === run.logHash;
  if (!same) throw new Conflict("run_already_finished", "This run was already finished with another submission.");
  const outcome = run.finishResponse!;
  if (outcome.run.verdict !== "verified") return outcome;
  return { ...outcome, ranks: await ranksOfRun(ranks, countedBoards(await currentChallenge(db), run, run.finishedAt!), run) };
}

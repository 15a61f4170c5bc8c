/**
 * Finishing a run: the one path by which a score can reach a leaderboard.
 *
 * Request errors (unknown run, someone else's, a second different submission) throw domain errors
 * and write nothing. A submission that is checked gets a verdict, stored on the run in one
 * transaction: `verified` (counts), `flagged` (kept off prize places until an admin clears it) or
 * `rejected` (with a reason code; closed so the same seed cannot be tried again with another log).
 * The outcome is stored with the run: repeating a finish returns it again and changes nothing.
 */
import crypto from "node:crypto";
import { getTier, LogDecodeError, parseScenario, type RunResult } from "../../game/core";
import type { FinishBody, FinishOutcome, RunStats } from "../../lib/contracts/runs";
import { audit } from "../audit";
import { boardKey, type BoardId } from "../boards/board";
import { boardsFor, BoardWriteConflict, recordOnBoards } from "../boards/record";
import type { RankStore } from "../boards/ranks";
import { currentChallenge, scheduleOf } from "../challenge/current";
import { holdCloseLocks } from "../closes/close";
import { dbProvider, type Db } from "../db/client";
import { Conflict, Forbidden, NotFound } from "../errors";
import type { BoardLive } from "../live/boards";
import { decodeSubmittedLog, type PriorBest, type Sensitivity } from "./conditions";
import { playerFindings } from "./findings";
import { runSeed } from "./start";
import { verifyRun, type Verification } from "./verify";

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

function outcomeFor(run: { id: string; scenarioId: string; scenarioVersion: string; tier: string }, v: Verification, finishedAt: Date, claimed: number | null): FinishOutcome {
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

/** What the finish path needs besides the database: the rank store and, in the server, live boards. */
export interface BoardServices {
  ranks: RankStore;
  live?: BoardLive;
}

/** Retries a transaction that lost a race on a board entry (unique key, guarded update, write conflict). */
async function withRetry<T>(attempt: () => Promise<T>, tries = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      const code = (err as { code?: string }).code;
      const retryable = err instanceof BoardWriteConflict || code === "P2002" || code === "P2034";
      if (!retryable || i >= tries) throw err;
    }
  }
}

export async function finishRun(
  db: Db,
  services: BoardServices,
  input: { runId: string; playerId: string; body: FinishBody; now?: Date },
): Promise<FinishOutcome> {
  const { runId, playerId, body } = input;
  const log = decodeLogOnce(body.log);
  const logHash = log.sha256;
  const run = await db.run.findUnique({ where: { id: runId }, include: { scenario: true } });
  if (!run) throw new NotFound("run_not_found", "No run with that id.");
  if (run.playerId !== playerId) throw new Forbidden("run_not_yours", "That run belongs to another player.");

  if (run.finishedAt) return repeatedFinish(run, body, logHash);
  if (body.idempotencyKey) {
    const other = await db.run.findUnique({ where: { playerId_idempotencyKey: { playerId, idempotencyKey: body.idempotencyKey } } });
    if (other) throw new Conflict("idempotency_key_reused", "That idempotency key was used to finish another run.");
  }

  const finishedAt = input.now ?? new Date();
  const tier = getTier(run.tier)!;
  const history = await playerHistory(db, playerId, run.scenarioId, run.id);
  const verification = verifyRun({
    scenario: parseScenario(run.scenario.definition),
    seed: runSeed(run),
    tier,
    ...(log.bytes ? { logBytes: log.bytes } : { logBase64: body.log }),
    environment: body.environment,
    startedAt: run.startedAt,
    finishedAt,
    expiresAt: run.expiresAt,
    logSeenBefore: (await db.run.count({ where: { logHash, id: { not: run.id } } })) > 0,
    ...history,
  });

  const claimed = body.claimed?.score ?? null;
  const verified = verification.verdict === "verified";
  const schedule = scheduleOf(await currentChallenge(db));
  let counted: BoardId[] = [];
  let improved: BoardId[] = [];
  let countedAt = finishedAt;
  let outcome = outcomeFor(run, verification, finishedAt, claimed);
  const stored = await withRetry(() => db.$transaction(async (tx) => {
    // A run counts for the periods containing its finish time. If one of them was closed while this
    // finish was in flight, its standings are frozen: the run counts for the periods of now instead.
    countedAt = finishedAt;
    counted = verified ? boardsFor({ scenarioId: run.scenarioId, tier: tier.name, finishedAt }, schedule) : [];
    // On PostgreSQL a close holds these boards' locks exclusively while it snapshots: waiting on them
    // here means a close either sees this run committed, or has committed before the check below.
    // (SQLite runs one write transaction at a time, which gives the same guarantee.)
    if (counted.length) await holdCloseLocks(tx, dbProvider(db), schedule.id, counted);
    if (counted.length && (await tx.periodClose.count({ where: { challengeId: schedule.id, OR: counted } })) > 0) {
      countedAt = new Date();
      counted = boardsFor({ scenarioId: run.scenarioId, tier: tier.name, finishedAt: countedAt }, schedule);
    }
    outcome = outcomeFor(run, verification, countedAt, claimed);
    // Only the first of two concurrent finishes closes the run.
    const closed = await tx.run.updateMany({
      where: { id: run.id, finishedAt: null },
      data: {
        finishedAt: countedAt,
        verdict: verification.verdict,
        reasonCode: verification.reasonCode,
        findings: verification.findings as object[],
        log: log.bytes ? Buffer.from(log.bytes) : null,
        logHash,
        environment: body.environment,
        result: (verification.result ?? undefined) as object | undefined,
        score: verification.verdict === "rejected" ? null : verification.result!.score,
        claimedScore: claimed,
        fps: verification.result?.frames.achievedFps ?? null,
        idempotencyKey: body.idempotencyKey,
        finishResponse: outcome as object,
      },
    });
    if (closed.count === 0) return false;
    if (verified) {
      improved = await recordOnBoards(
        tx,
        { runId: run.id, playerId, scenarioId: run.scenarioId, tier: tier.name, score: verification.result!.score, finishedAt: countedAt, fps: verification.result!.frames.achievedFps },
        counted,
      );
    } else {
      await audit(tx, {
        actorType: "system",
        action: `run.${verification.verdict}`,
        targetType: "run",
        targetId: run.id,
        details: { playerId, reasonCode: verification.reasonCode, findings: verification.findings },
      });
    }
    if (claimed !== null && verification.result && claimed !== verification.result.score) {
      await audit(tx, {
        actorType: "system",
        action: "run.claim_mismatch",
        targetType: "run",
        targetId: run.id,
        details: { playerId, claimed, computed: verification.result.score },
      });
    }
    return true;
  }));
  if (!stored) {
    // Another request finished this run first: answer as a repeat of it.
    return repeatedFinish(await db.run.findUniqueOrThrow({ where: { id: run.id } }), body, logHash);
  }
  if (!verified) return outcome;

  // Committed: the rank store and live subscribers catch up, and the answer carries the new ranks.
  const score = verification.result!.score;
  for (const board of improved) {
    await services.ranks.apply(board, { playerId, score, achievedAt: countedAt.getTime(), runId: run.id });
    services.live?.changed(board);
  }
  const improvedKeys = new Set(improved.map(boardKey));
  const ranks = await Promise.all(
    counted.map(async (board) => ({
      scenario: board.scenarioId,
      period: board.periodKind,
      key: board.periodKey,
      tier: board.tier,
      rank: await services.ranks.rankOf(board, playerId),
      improved: improvedKeys.has(boardKey(board)),
    })),
  );
  outcome = { ...outcome, ranks };
  await db.run.update({ where: { id: run.id }, data: { finishResponse: outcome as object } });
  return outcome;
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

/** What the verifier weighs from the player's past: their best verified score here, and their last setup. */
async function playerHistory(db: Db, playerId: string, scenarioId: string, runId: string): Promise<{ priorBest: PriorBest; previousSensitivity: Sensitivity | null }> {
  const [prior, previous] = await Promise.all([
    db.run.aggregate({ where: { playerId, scenarioId, verdict: "verified" }, _max: { score: true }, _count: { _all: true } }),
    db.run.findFirst({
      where: { playerId, id: { not: runId }, finishedAt: { not: null }, verdict: { in: ["verified", "flagged"] } },
      orderBy: { finishedAt: "desc" },
      select: { environment: true },
    }),
  ]);
  const env = previous?.environment as { cm360?: number; dpi?: number } | null | undefined;
  return {
    priorBest: { best: prior._max.score ?? 0, runs: prior._count._all },
    previousSensitivity: env?.cm360 !== undefined && env.dpi !== undefined ? { cm360: env.cm360, dpi: env.dpi } : null,
  };
}

function repeatedFinish(
  run: { finishResponse: unknown; idempotencyKey: string | null; logHash: string | null },
  body: FinishBody,
  logHash: string,
): FinishOutcome {
  const same = body.idempotencyKey ? body.idempotencyKey === run.idempotencyKey : logHash === run.logHash;
  if (!same) throw new Conflict("run_already_finished", "This run was already finished with another submission.");
  return run.finishResponse as FinishOutcome;
}

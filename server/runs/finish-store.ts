/**
 * The finish path's statements (server/db/sql.ts: prepared once, both providers):
 * - one read: the run, its player's handle, and what the verifier weighs from the player's past
 *   (their best verified score on the scenario and how many runs it is over, their last setup),
 *   whether the log was submitted before, and whether the idempotency key is taken;
 * - in the verdict's transaction: the run's update (only if still unfinished: two concurrent
 *   finishes store one verdict) and, for a rejected or flagged run or a forged claim, its audit entry.
 * The board writes are one more statement (boards/record.ts).
 */
import type { FinishOutcome } from "../../lib/contracts/runs";
import type { AuditEntry } from "../audit";
import { readJson, readTime, readTimeOrNull, statement, type Queries, type Row } from "../db/sql";

const readRun = statement(
  "finish_read_run",
  `SELECT r."id", r."playerId", r."scenarioId", r."scenarioVersion", r."tier", r."seed", r."startedAt", r."expiresAt",
     r."finishedAt", r."logHash", r."idempotencyKey", r."finishResponse", p."handle",
     (SELECT MAX(h."score") FROM "Run" h WHERE h."playerId" = r."playerId" AND h."scenarioId" = r."scenarioId" AND h."verdict" = 'verified') AS "priorBest",
     (SELECT COUNT(*) FROM "Run" h WHERE h."playerId" = r."playerId" AND h."scenarioId" = r."scenarioId" AND h."verdict" = 'verified') AS "priorRuns",
     (SELECT h."environment" FROM "Run" h WHERE h."playerId" = r."playerId" AND h."id" <> r."id" AND h."verdict" IN ('verified', 'flagged')
        ORDER BY h."finishedAt" DESC LIMIT 1) AS "previousEnvironment",
     EXISTS (SELECT 1 FROM "Run" h WHERE h."logHash" = ? AND h."id" <> r."id") AS "logSeen",
     EXISTS (SELECT 1 FROM "Run" h WHERE h."playerId" = r."playerId" AND h."idempotencyKey" = ? AND h."id" <> r."id") AS "keyUsed"
   FROM "Run" r JOIN "Player" p ON p."id" = r."playerId" WHERE r."id" = ?`,
);

export interface RunForFinish {
  id: string;
  playerId: string;
  scenarioId: string;
  scenarioVersion: string;
  tier: string;
  seed: string;
  startedAt: Date;
  expiresAt: Date;
  finishedAt: Date | null;
  logHash: string | null;
  idempotencyKey: string | null;
  finishResponse: FinishOutcome | null;
  handle: string;
  priorBest: number;
  priorRuns: number;
  previousEnvironment: { cm360?: number; dpi?: number } | null;
  logSeen: boolean;
  keyUsed: boolean;
}

export async function readRunForFinish(q: Queries, runId: string, logHash: string, idempotencyKey: string | null): Promise<RunForFinish | null> {
  const [r] = await q.all<Row>(readRun, [logHash, idempotencyKey, runId]);
  if (!r) return null;
  return {
    id: r.id as string,
    playerId: r.playerId as string,
    scenarioId: r.scenarioId as string,
    scenarioVersion: r.scenarioVersion as string,
    tier: r.tier as string,
    seed: r.seed as string,
    startedAt: readTime(r.startedAt),
    expiresAt: readTime(r.expiresAt),
    finishedAt: readTimeOrNull(r.finishedAt),
    logHash: r.logHash as string | null,
    idempotencyKey: r.idempotencyKey as string | null,
    finishResponse: readJson<FinishOutcome>(r.finishResponse),
    handle: r.handle as string,
    priorBest: Number(r.priorBest ?? 0),
    priorRuns: Number(r.priorRuns ?? 0),
    previousEnvironment: readJson(r.previousEnvironment),
    logSeen: Boolean(r.logSeen),
    keyUsed: Boolean(r.keyUsed),
  };
}

const updateRun = statement(
  "finish_update_run",
  `UPDATE "Run" SET "finishedAt" = ?, "verdict" = ?, "reasonCode" = ?, "findings" = ?, "log" = ?, "logHash" = ?, "environment" = ?,
     "result" = ?, "score" = ?, "claimedScore" = ?, "fps" = ?, "idempotencyKey" = ?, "finishResponse" = ?
   WHERE "id" = ? AND "finishedAt" IS NULL`,
);

export interface RunVerdict {
  finishedAt: Date;
  verdict: string;
  reasonCode: string | null;
  findings: object[];
  log: Uint8Array | null;
  logHash: string;
  environment: object;
  result: object | null;
  score: number | null;
  claimedScore: number | null;
  fps: number | null;
  idempotencyKey: string | null;
  finishResponse: FinishOutcome;
}

/** Stores the verdict on a still-unfinished run; false when another finish stored one first. */
export async function storeVerdict(q: Queries, runId: string, v: RunVerdict): Promise<boolean> {
  const log = v.log ? Buffer.from(v.log.buffer, v.log.byteOffset, v.log.byteLength) : null;
  const changed = await q.run(updateRun, [
    v.finishedAt,
    v.verdict,
    v.reasonCode,
    JSON.stringify(v.findings), // a JSON array: as text, since PostgreSQL parameters take JS arrays as its own arrays
    log,
    v.logHash,
    v.environment,
    v.result,
    v.score,
    v.claimedScore,
    v.fps,
    v.idempotencyKey,
    v.finishResponse,
    runId,
  ]);
  return changed === 1;
}

const insertAudit = statement(
  "finish_audit",
  `INSERT INTO "AuditLog" ("at", "actorType", "actorId", "action", "targetType", "targetId", "details") VALUES (?, ?, ?, ?, ?, ?, ?)`,
);

/** An audit entry written with these statements, in their transaction (a finish, a cleared run; server/audit.ts is the Prisma twin). */
export async function auditWithQueries(q: Queries, entry: AuditEntry, at: Date): Promise<void> {
  await q.run(insertAudit, [at, entry.actorType, entry.actorId ?? null, entry.action, entry.targetType ?? null, entry.targetId ?? null, entry.details ?? null]);
}

const closesOf = statement(
  "finish_closes_of",
  `SELECT COUNT(*) AS "n" FROM "PeriodClose" WHERE "challengeId" = ? AND "scenarioId" = ? AND "periodKind" = ? AND "periodKey" = ?`,
);

/** Whether a period of the scenario was closed (any tier). */
export async function periodClosed(q: Queries, challengeId: string, scenarioId: string, periodKind: string, periodKey: string): Promise<boolean> {
  const [row] = await q.all<{ n: unknown }>(closesOf, [challengeId, scenarioId, periodKind, periodKey]);
  return Number(row?.n ?? 0) > 0;
}

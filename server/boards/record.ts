/**
 * Keep-best entries: a verified run updates every board it counts for, in the same transaction as
 * the run's verdict, in one statement: a multi-row INSERT ... ON CONFLICT DO UPDATE whose WHERE
 * keeps the better entry (a higher score, or the same score reached earlier, then the smaller run
 * id: board order), RETURNING the boards it changed. Concurrent finishes of one player cannot lose
 * an improvement: each row is decided by the database under its own lock.
 *
 * A run counts for the periods that contain its server finish time (the challenge board only
 * inside the challenge), under the `all` tier filter and its own tier.
 */
import crypto from "node:crypto";
import type { TierName } from "../../game/core";
import type { PeriodKind, TierFilter } from "../../lib/contracts/boards";
import { statement, type Queries, type Statement } from "../db/sql";
import { tierFiltersFor, type BoardId } from "./board";
import { periodsFor, type ChallengeSchedule } from "./periods";

export interface VerifiedRun {
  runId: string;
  playerId: string;
  scenarioId: string;
  tier: TierName;
  score: number;
  finishedAt: Date;
  fps: number | null;
}

export function boardsFor(run: Pick<VerifiedRun, "scenarioId" | "tier" | "finishedAt">, schedule: ChallengeSchedule): BoardId[] {
  const boards: BoardId[] = [];
  for (const period of periodsFor(run.finishedAt, schedule)) {
    for (const tier of tierFiltersFor(run.tier)) {
      boards.push({ scenarioId: run.scenarioId, periodKind: period.kind, periodKey: period.key, tier });
    }
  }
  return boards;
}

const COLUMNS = `"id", "scenarioId", "periodKind", "periodKey", "tier", "playerId", "score", "achievedAt", "runId", "runTier", "fps", "updatedAt"`;

/** The upsert for `rows` boards (a run counts for 4 to 8), prepared once per row count. */
const upserts = new Map<number, Statement>();
function upsertFor(rows: number): Statement {
  let s = upserts.get(rows);
  if (!s) {
    const values = Array.from({ length: rows }, () => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ");
    s = statement(
      `board_upsert_${rows}`,
      `INSERT INTO "BoardEntry" (${COLUMNS}) VALUES ${values}
       ON CONFLICT ("scenarioId", "periodKind", "periodKey", "tier", "playerId") DO UPDATE SET
         "score" = excluded."score", "achievedAt" = excluded."achievedAt", "runId" = excluded."runId",
         "runTier" = excluded."runTier", "fps" = excluded."fps", "updatedAt" = excluded."updatedAt"
       WHERE excluded."score" > "BoardEntry"."score"
          OR (excluded."score" = "BoardEntry"."score" AND excluded."achievedAt" < "BoardEntry"."achievedAt")
          OR (excluded."score" = "BoardEntry"."score" AND excluded."achievedAt" = "BoardEntry"."achievedAt"
              AND excluded."runId"{{C}} < "BoardEntry"."runId"{{C}})
       RETURNING "periodKind", "periodKey", "tier"`,
    );
    upserts.set(rows, s);
  }
  return s;
}

/** Writes the run on each board where it beats the player's entry; returns those boards. */
export async function recordOnBoards(q: Queries, run: VerifiedRun, boards: readonly BoardId[], now = new Date()): Promise<BoardId[]> {
  if (boards.length === 0) return [];
  const params: unknown[] = [];
  for (const b of boards) {
    params.push(crypto.randomUUID(), b.scenarioId, b.periodKind, b.periodKey, b.tier, run.playerId, run.score, run.finishedAt, run.runId, run.tier, run.fps, now);
  }
  const changed = await q.all<{ periodKind: string; periodKey: string; tier: string }>(upsertFor(boards.length), params);
  return changed.map((r) => ({ scenarioId: run.scenarioId, periodKind: r.periodKind as PeriodKind, periodKey: r.periodKey, tier: r.tier as TierFilter }));
}

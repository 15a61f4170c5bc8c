/**
 * Keep-best entries: a verified run updates every board it counts for, in the same transaction as
 * the run's verdict. A run counts for the periods that contain its server finish time (the challenge
 * board only inside the challenge), under the `all` tier filter and its own tier.
 */
import type { TierName } from "../../game/core";
import type { Db } from "../db/client";
import { boardKey, tierFiltersFor, type BoardId } from "./board";
import { periodsFor, type ChallengeSchedule } from "./periods";
import { compareKeys } from "./rank-index";

type Tx = Pick<Db, "boardEntry">;

export interface VerifiedRun {
  runId: string;
  playerId: string;
  scenarioId: string;
  tier: TierName;
  score: number;
  finishedAt: Date;
  fps: number | null;
}

/** Thrown when another transaction changed an entry between our read and our write: retry. */
export class BoardWriteConflict extends Error {
  constructor(board: BoardId) {
    super(`board entry changed concurrently on ${boardKey(board)}`);
    this.name = "BoardWriteConflict";
  }
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

/** Whether the run ranks before the entry in board order (a higher score, or the same reached earlier). */
function beats(run: VerifiedRun, entry: { score: number; achievedAt: Date; runId: string }): boolean {
  return (
    compareKeys(
      { score: run.score, achievedAt: run.finishedAt.getTime(), runId: run.runId },
      { score: entry.score, achievedAt: entry.achievedAt.getTime(), runId: entry.runId },
    ) < 0
  );
}

/** Writes the run on each board where it beats the player's entry; returns those boards. */
export async function recordOnBoards(tx: Tx, run: VerifiedRun, boards: BoardId[]): Promise<BoardId[]> {
  const improved: BoardId[] = [];
  for (const board of boards) {
    const data = { score: run.score, achievedAt: run.finishedAt, runId: run.runId, runTier: run.tier, fps: run.fps };
    const existing = await tx.boardEntry.findUnique({
      where: { scenarioId_periodKind_periodKey_tier_playerId: { ...board, playerId: run.playerId } },
    });
    if (!existing) {
      await tx.boardEntry.create({ data: { ...board, playerId: run.playerId, ...data } });
    } else if (beats(run, existing)) {
      // Guarded on what we read: a concurrent improvement makes this match nothing.
      const updated = await tx.boardEntry.updateMany({
        where: { id: existing.id, score: existing.score, achievedAt: existing.achievedAt, runId: existing.runId },
        data,
      });
      if (updated.count === 0) throw new BoardWriteConflict(board);
    } else continue;
    improved.push(board);
  }
  return improved;
}

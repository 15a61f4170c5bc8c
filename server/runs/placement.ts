/**
 * Where a verified run placed, for the results screen: the finish answer's rank on every board the
 * run counts for (ranksOfRun, the same rank store the leaderboards read), with each board's size and a
 * "top N %", and the change to the player's personal best on the scenario.
 */
import { getTier } from "../../game/core";
import type { BoardPlacement, RunPlacement } from "../../lib/contracts/runs";
import { boardsFor } from "../boards/record";
import type { RankStore } from "../boards/ranks";
import { currentChallenge } from "../challenge/challenge";
import type { Db } from "../db/client";
import { Conflict, Forbidden, NotFound } from "../errors";
import { ranksOfRun } from "./count-on-boards";
import { personalBestChange } from "./personal-best";

/** The share of a board at or above `rank`, in whole percent rounded up (rank 1 of 200: top 1 %). */
export function topPercent(rank: number, size: number): number {
  return Math.max(1, Math.ceil((100 * rank) / Math.max(size, 1)));
}

export async function runPlacement(db: Db, ranks: Pick<RankStore, "around" | "size">, input: { runId: string; playerId: string }): Promise<RunPlacement> {
  const run = await db.run.findUnique({ where: { id: input.runId } });
  if (!run) throw new NotFound("run_not_found", "No run with that id.");
  if (run.playerId !== input.playerId) throw new Forbidden("run_not_yours", "That run belongs to another player.");
  if (!run.finishedAt || run.verdict !== "verified" || run.score === null) {
    throw new Conflict("run_not_finished", "Only a verified run has a place on the boards.");
  }
  const personalBest = await personalBestChange(db, { ...run, score: run.score, finishedAt: run.finishedAt });
  const boards: BoardPlacement[] = [];
  const counted = boardsFor({ scenarioId: run.scenarioId, tier: getTier(run.tier)!.name, finishedAt: run.finishedAt }, await currentChallenge(db));
  for (const at of await ranksOfRun(ranks, counted, run)) {
    if (at.rank === null) continue;
    const size = await ranks.size({ scenarioId: at.scenario, periodKind: at.period, periodKey: at.key, tier: at.tier });
    boards.push({ period: at.period, key: at.key, tier: at.tier, rank: at.rank, size, topPercent: topPercent(at.rank, size), improved: at.improved });
  }
  return {
    runId: run.id,
    score: run.score,
    personalBest,
    boards,
  };
}

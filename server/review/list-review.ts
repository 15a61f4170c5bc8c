/**
 * The review queue (GET /api/admin/review): flagged runs, oldest first, each with its stats, the
 * verifier's findings and the player's history (runs by verdict, abandoned ones included).
 */
import type { RunResult } from "../../game/core";
import type { ReviewRow } from "../../lib/contracts/review";
import type { Db } from "../db/client";
import { runHistories } from "../players/run-history";
import { summarize } from "../runs/finish";

/** At most this many runs an answer (the oldest): deciding them brings up the next. */
export const REVIEW_LIMIT = 200;

export async function listReviewQueue(db: Db): Promise<ReviewRow[]> {
  const runs = await db.run.findMany({
    where: { verdict: "flagged" },
    orderBy: [{ finishedAt: "asc" }, { id: "asc" }],
    take: REVIEW_LIMIT,
    include: { player: { select: { id: true, handle: true, disqualifiedAt: true, createdAt: true } } },
  });
  const histories = await runHistories(db, runs.map((r) => r.playerId));
  return runs.map((r) => ({
    run: {
      id: r.id,
      scenario: { id: r.scenarioId, version: r.scenarioVersion },
      tier: r.tier,
      score: r.score,
      claimedScore: r.claimedScore,
      fps: r.fps,
      reasonCode: r.reasonCode,
      findings: r.findings,
      stats: r.result ? summarize(r.result as unknown as RunResult) : null,
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
      kioskId: r.kioskId,
    },
    player: { id: r.player.id, handle: r.player.handle, disqualified: r.player.disqualifiedAt !== null, createdAt: r.player.createdAt.toISOString() },
    history: histories.get(r.playerId)!,
  }));
}

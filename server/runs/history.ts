/** A player's own finished runs, newest first, for their account page (GET /api/players/me/runs). */
import type { RunHistoryItem } from "../../lib/contracts/runs";
import type { Db } from "../db/client";

export async function runHistory(db: Db, playerId: string, limit = 20): Promise<RunHistoryItem[]> {
  const rows = await db.run.findMany({
    where: { playerId, finishedAt: { not: null }, verdict: { in: ["verified", "flagged", "rejected"] } },
    orderBy: { finishedAt: "desc" },
    take: limit,
    select: { id: true, scenarioId: true, tier: true, verdict: true, score: true, finishedAt: true },
  });
  return rows.map((r) => ({
    id: r.id,
    scenario: r.scenarioId,
    tier: r.tier,
    verdict: r.verdict as RunHistoryItem["verdict"],
    score: r.score,
    finishedAt: r.finishedAt!.toISOString(),
  }));
}

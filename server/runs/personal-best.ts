/**
 * The change a verified run made to its player's personal best on its scenario: the best verified
 * score there before this run (null: the first), and by how much this run beat it (null: it did not).
 * Shown on the results screen (server/runs/placement.ts) and a playlist play's summary.
 */
import type { Db } from "../db/client";

export interface PersonalBestChange {
  previous: number | null;
  improvedBy: number | null;
}

export async function personalBestChange(
  db: Pick<Db, "run">,
  run: { id: string; playerId: string; scenarioId: string; score: number; finishedAt: Date },
): Promise<PersonalBestChange> {
  const earlier = await db.run.aggregate({
    where: { playerId: run.playerId, scenarioId: run.scenarioId, verdict: "verified", id: { not: run.id }, finishedAt: { lt: run.finishedAt } },
    _max: { score: true },
  });
  const previous = earlier._max.score;
  return { previous, improvedBy: previous !== null && run.score > previous ? run.score - previous : null };
}

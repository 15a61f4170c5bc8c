/**
 * The free-vs-Ultimate comparison of one scenario over one period, read from the database: each
 * player's best verified score and run count per tier (one grouped query), and the booth pairs of
 * the scenario and its booth variants; the figures are computed by tier-uplift.ts. Disqualified
 * players and disqualified runs count nowhere. Runs belong to the period they finished in (as on
 * the boards); booth visits to the period they started in.
 */
import type { TierName } from "../../game/core";
import type { TierStats } from "../../lib/contracts/stats";
import type { Period } from "../boards/periods";
import type { Db } from "../db/client";
import { NotFound } from "../errors";
import { verifiedPairs } from "../kiosks/uplift";
import { scenarioExists } from "../scenarios/catalog";
import { tierUplift, type PlayerTierBest } from "./tier-uplift";

export async function readTierStats(db: Db, scenarioId: string, period: Period): Promise<TierStats> {
  if (!(await scenarioExists(db, scenarioId))) throw new NotFound("scenario_not_found", `No scenario "${scenarioId}".`);
  const within = { ...(period.startsAt && { gte: period.startsAt }), ...(period.endsAt && { lt: period.endsAt }) };
  const groups = await db.run.groupBy({
    by: ["playerId", "tier"],
    where: { scenarioId, verdict: "verified", disqualifiedAt: null, score: { not: null }, finishedAt: within, player: { disqualifiedAt: null } },
    _max: { score: true },
    _count: { _all: true },
  });
  const bests: PlayerTierBest[] = groups.map((g) => ({ playerId: g.playerId, tier: g.tier as TierName, best: g._max.score!, runs: g._count._all }));
  // A booth plays the scenario itself or a variant of it at another run length: a pair's ratio is within one visit, so both count.
  const variants = await db.scenario.findMany({ where: { variantOf: scenarioId }, select: { id: true } });
  const pairs = await verifiedPairs(db, [scenarioId, ...variants.map((v) => v.id)], period.startsAt, period.endsAt);
  return {
    scenario: scenarioId,
    period: { kind: period.kind, key: period.key, startsAt: period.startsAt?.toISOString() ?? null, endsAt: period.endsAt?.toISOString() ?? null },
    ...tierUplift({ bests, pairs }),
  };
}

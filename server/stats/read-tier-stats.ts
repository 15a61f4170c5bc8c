/**
 * The free-vs-Ultimate comparison of one scenario over one period, read from the database: each
 * player's best verified score and run count per tier (one grouped query), and the booth pairs of
 * the scenario and its booth variants; the figures are computed by tier-uplift.ts. Disqualified
 * players and disqualified runs count nowhere. Runs belong to the period they finished in (as on
 * the boards); booth visits to the period they started in. The page and the endpoint read through
 * `recentTierStats`, which reuses an answer for 30 s.
 */
import type { TierName } from "../../game/core";
import type { TierStats } from "../../lib/contracts/stats";
import type { Period } from "../boards/periods";
import type { Db } from "../db/client";
import { NotFound } from "../errors";
import { verifiedPairs } from "../kiosks/uplift";
import { scenarioExists } from "../scenarios/catalog";
import { tierUplift, type PlayerTierBest } from "./tier-uplift";

/** How long an answer is reused: the bootstrap costs about 0.25 s per 10,000 paired players, and the endpoint is public. */
const REUSE_MS = 30_000;
const MAX_REUSED = 64;
const reused = new WeakMap<Db, Map<string, { at: number; stats: Promise<TierStats> }>>();

/**
 * The comparison as `readTierStats` computes it, reused for REUSE_MS per (scenario, period): readers
 * asking at once share one computation, and a run shows up within that time.
 */
export function recentTierStats(db: Db, scenarioId: string, period: Period, now = Date.now()): Promise<TierStats> {
  let answers = reused.get(db);
  if (!answers) reused.set(db, (answers = new Map()));
  const key = JSON.stringify([scenarioId, period.kind, period.key]);
  const hit = answers.get(key);
  if (hit && now - hit.at < REUSE_MS) return hit.stats;
  if (answers.size >= MAX_REUSED) answers.delete(answers.keys().next().value!);
  const stats = readTierStats(db, scenarioId, period);
  answers.delete(key);
  answers.set(key, { at: now, stats });
  stats.catch(() => answers.get(key)?.stats === stats && answers.delete(key));
  return stats;
}

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

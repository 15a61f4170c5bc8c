/**
 * The booth pairs and the free-vs-Ultimate uplift of one day's booth players: over the booth visits
 * of that day on a scenario whose free and Ultimate runs were both verified (the pairs), the median
 * of ultimate / free. Same person, same minute, same machine: the cleanest sample of what the tier
 * changes. The statistic itself is the kiosk figure of server/stats/tier-uplift.ts (visits whose
 * free score is 0 or below carry no ratio and are left out); /stats/tiers shows it over any period.
 */
import type { BoothUplift } from "../../lib/contracts/kiosks";
import { periodAt } from "../boards/periods";
import { currentChallenge } from "../challenge/challenge";
import type { Db } from "../db/client";
import { kioskFigure, type BoothPair } from "../stats/tier-uplift";

/**
 * The verified pairs of booth visits on these scenarios started in [from, to) (unbounded where not
 * given): a disqualified player's visits and disqualified runs are left out.
 */
export async function verifiedPairs(db: Db, scenarioIds: string[], from: Date | null, to: Date | null): Promise<BoothPair[]> {
  const verified = { verdict: "verified", disqualifiedAt: null, score: { not: null } };
  const visits = await db.boothVisit.findMany({
    where: {
      scenarioId: { in: scenarioIds },
      startedAt: { ...(from && { gte: from }), ...(to && { lt: to }) },
      player: { disqualifiedAt: null },
      freeRun: verified,
      ultimateRun: verified,
    },
    select: { playerId: true, freeRun: { select: { score: true } }, ultimateRun: { select: { score: true } } },
  });
  return visits.map((v) => ({ playerId: v.playerId, free: v.freeRun!.score!, ultimate: v.ultimateRun!.score! }));
}

export async function boothUplift(db: Db, scenarioId: string, now = new Date()): Promise<BoothUplift> {
  const day = periodAt("day", now, await currentChallenge(db))!;
  const all = await verifiedPairs(db, [scenarioId], day.startsAt, day.endsAt);
  const pairs = all.filter((p) => p.free > 0);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  return {
    scenario: scenarioId,
    day: day.key,
    pairs: pairs.length,
    medianRatio: kioskFigure(all).median,
    meanFree: mean(pairs.map((p) => p.free)),
    meanUltimate: mean(pairs.map((p) => p.ultimate)),
  };
}

/**
 * The free-vs-Ultimate uplift of one day's booth players: over the booth visits of that day on a
 * scenario whose free and Ultimate runs were both verified (the pairs), the median of
 * ultimate / free. Same person, same minute, same machine: the cleanest sample of what the tier
 * changes. Visits whose free score is 0 carry no ratio and are left out.
 */
import type { BoothUplift } from "../../lib/contracts/kiosks";
import { periodAt } from "../boards/periods";
import { currentChallenge } from "../challenge/challenge";
import type { Db } from "../db/client";

/** The day's verified pairs on a scenario: [free score, ultimate score] per booth visit. */
export async function verifiedPairs(db: Db, scenarioId: string, from: Date, to: Date): Promise<[number, number][]> {
  const visits = await db.boothVisit.findMany({
    where: {
      scenarioId,
      startedAt: { gte: from, lt: to },
      freeRun: { verdict: "verified" },
      ultimateRun: { verdict: "verified" },
    },
    select: { freeRun: { select: { score: true } }, ultimateRun: { select: { score: true } } },
  });
  return visits.map((v) => [v.freeRun!.score!, v.ultimateRun!.score!]);
}

export async function boothUplift(db: Db, scenarioId: string, now = new Date()): Promise<BoothUplift> {
  const day = periodAt("day", now, await currentChallenge(db))!;
  const pairs = (await verifiedPairs(db, scenarioId, day.startsAt!, day.endsAt!)).filter(([free]) => free > 0);
  const ratios = pairs.map(([free, ultimate]) => ultimate / free).sort((a, b) => a - b);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const mid = ratios.length >> 1;
  return {
    scenario: scenarioId,
    day: day.key,
    pairs: pairs.length,
    medianRatio: ratios.length === 0 ? null : ratios.length % 2 ? ratios[mid]! : (ratios[mid - 1]! + ratios[mid]!) / 2,
    meanFree: mean(pairs.map(([free]) => free)),
    meanUltimate: mean(pairs.map(([, ultimate]) => ultimate)),
  };
}

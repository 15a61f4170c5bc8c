/**
 * The dashboard's overview figures: runs and players today, this week and in the challenge, per tier
 * (the periods as the boards cut them: server/boards/periods.ts with the challenge's zone and weekly
 * schedule); prize awards by status; the review queue (flagged runs); never-finished runs; runs
 * started per hour over the last two days. A run counts where it was started (`startedAt`).
 */
import { OVERVIEW_HOURS, OVERVIEW_TIERS, type AdminOverview, type OverviewPeriod, type RunCounts } from "../../lib/contracts/admin-overview";
import { AWARD_STATUSES } from "../../lib/contracts/awards";
import { periodAt, periodByKey, type Period } from "../boards/periods";
import type { Challenge } from "../challenge/challenge";
import type { Db } from "../db/client";
import { abandonedRunsWhere } from "../runs/abandon";

const HOUR_MS = 3_600_000;
type Tier = (typeof OVERVIEW_TIERS)[number];
const isTier = (t: string): t is Tier => (OVERVIEW_TIERS as readonly string[]).includes(t);

export async function adminOverview(db: Db, challenge: Challenge, now = new Date()): Promise<AdminOverview> {
  const periods = [periodAt("day", now, challenge), periodAt("week", now, challenge), periodByKey("challenge", challenge.id, challenge)].filter(
    (p): p is Period => p !== null,
  );
  const [figures, awards, reviewQueue, hourly] = await Promise.all([
    Promise.all(periods.map((p) => periodFigures(db, p, now))),
    db.prizeAward.groupBy({ by: ["status"], _count: { _all: true } }),
    db.run.count({ where: { verdict: "flagged" } }),
    runsPerHour(db, now),
  ]);
  const byStatus = Object.fromEntries(AWARD_STATUSES.map((s) => [s, 0])) as AdminOverview["awards"];
  for (const a of awards) if (a.status in byStatus) byStatus[a.status as keyof typeof byStatus] = a._count._all;
  return {
    at: now.toISOString(),
    challenge: { id: challenge.id, name: challenge.name, timeZone: challenge.timeZone },
    periods: figures,
    awards: byStatus,
    reviewQueue,
    hourly,
  };
}

async function periodFigures(db: Db, period: Period, now: Date): Promise<OverviewPeriod> {
  const started = { startedAt: { gte: period.startsAt!, lt: period.endsAt! } };
  const [players, abandoned] = await Promise.all([
    db.run.groupBy({ by: ["tier", "playerId"], where: started, _count: { _all: true } }),
    db.run.groupBy({ by: ["tier"], where: { ...started, ...abandonedRunsWhere(now) }, _count: { _all: true } }),
  ]);
  const empty = (): RunCounts => ({ runs: 0, players: 0, abandoned: 0 });
  const tiers = { all: empty(), free: empty(), ultimate: empty() };
  const everyone = new Set<string>();
  for (const row of players) {
    everyone.add(row.playerId);
    tiers.all.runs += row._count._all;
    if (!isTier(row.tier)) continue;
    tiers[row.tier].runs += row._count._all;
    tiers[row.tier].players += 1;
  }
  tiers.all.players = everyone.size;
  for (const row of abandoned) {
    tiers.all.abandoned += row._count._all;
    if (isTier(row.tier)) tiers[row.tier].abandoned += row._count._all;
  }
  return { kind: period.kind as OverviewPeriod["kind"], key: period.key, startsAt: period.startsAt!.toISOString(), endsAt: period.endsAt!.toISOString(), tiers };
}

/** Runs started in each of the last OVERVIEW_HOURS whole hours, the current one last. */
async function runsPerHour(db: Db, now: Date): Promise<AdminOverview["hourly"]> {
  const end = (Math.floor(now.getTime() / HOUR_MS) + 1) * HOUR_MS;
  const start = end - OVERVIEW_HOURS * HOUR_MS;
  const rows = await db.run.findMany({ where: { startedAt: { gte: new Date(start), lt: new Date(end) } }, select: { tier: true, startedAt: true } });
  const hours = Array.from({ length: OVERVIEW_HOURS }, (_, i) => (start + i * HOUR_MS) / 1000);
  const counts = { free: hours.map(() => 0), ultimate: hours.map(() => 0) };
  for (const r of rows) if (isTier(r.tier)) counts[r.tier][Math.floor((r.startedAt.getTime() - start) / HOUR_MS)]! += 1;
  return { hours, ...counts };
}

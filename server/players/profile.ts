/**
 * A player's public profile (/players/[handle], docs/profiles.md), read-only: personal bests, their
 * verified runs over time for the charts, their standing now on every open board (from the rank
 * store, as GET /api/leaderboards/:scenario/players/:playerId answers it), prize history, a page of
 * their finished runs and their achievements. The handle is matched case-insensitively.
 *
 * Guests have a profile like anyone (their runs are on the boards under the generated handle). A
 * disqualified player's profile says so and shows no ranks: they are on no open board.
 */
import type { RunResult, TierName } from "../../game/core";
import type { AwardStatus } from "../../lib/contracts/awards";
import { PERIOD_KINDS, TIER_FILTERS, type PeriodKind } from "../../lib/contracts/boards";
import {
  PROFILE_RUNS_PER_PAGE,
  PROGRESS_POINTS,
  type ProfileCard,
  type ProfilePrize,
  type ProfileRank,
  type ProfileRun,
  type ProfileVerdict,
  type PublicProfile,
} from "../../lib/contracts/profiles";
import type { BoardId } from "../boards/board";
import { periodAt } from "../boards/periods";
import type { RankStore } from "../boards/ranks";
import { readStanding } from "../boards/read";
import { currentChallenge, type Challenge } from "../challenge/challenge";
import type { Standing } from "../closes/standings";
import type { Db } from "../db/client";
import { NotFound } from "../errors";
import { summarize } from "../runs/finish";
import { handleKey } from "./handles";
import { achievementsOf, personalBests, progressPoints, WEEKLY_TOP, type RunMeasures, type VerifiedRunFact } from "./profile-stats";

const FINISHED: ProfileVerdict[] = ["verified", "flagged", "rejected", "abandoned"];

/** The player with `handle` (any case); NotFound for a handle nobody has, or a deleted account's placeholder. */
async function findPlayer(db: Db, handle: string) {
  const player = await db.player.findUnique({
    where: { handleKey: handleKey(handle) },
    select: { id: true, handle: true, guest: true, createdAt: true, disqualifiedAt: true, deletedAt: true },
  });
  if (!player || player.deletedAt) throw new NotFound("player_not_found", `No player "${handle}".`);
  return player;
}

/** The player's verified runs, each with the challenge week it finished in. */
async function verifiedRuns(db: Db, playerId: string, challenge: Challenge): Promise<VerifiedRunFact[]> {
  const rows = await db.run.findMany({
    where: { playerId, verdict: "verified", score: { not: null }, finishedAt: { not: null } },
    select: { id: true, scenarioId: true, tier: true, score: true, finishedAt: true },
  });
  return rows.map((r) => ({ id: r.id, scenario: r.scenarioId, tier: r.tier as TierName, score: r.score!, at: r.finishedAt!, week: weekOf(r.finishedAt!, challenge) }));
}

/** The names of the scenarios the player has runs on: every scenario their profile can mention (runs, bests, ranks, prizes). */
async function scenarioNames(db: Db, playerId: string): Promise<Record<string, string>> {
  const rows = await db.scenario.findMany({ where: { versions: { some: { runs: { some: { playerId } } } } }, select: { id: true, name: true } });
  return Object.fromEntries(rows.map((s) => [s.id, s.name]));
}

/** What a shared link previews: the handle and the personal bests. NotFound for an unknown handle. */
export async function playerCard(db: Db, handle: string): Promise<ProfileCard> {
  const player = await findPlayer(db, handle);
  const [verified, names] = await Promise.all([verifiedRuns(db, player.id, await currentChallenge(db)), scenarioNames(db, player.id)]);
  return { handle: player.handle, guest: player.guest, disqualified: player.disqualifiedAt !== null, scenarioNames: names, bests: personalBests(verified) };
}

/** The profile of the player with `handle` (any case); NotFound for a handle nobody has. `page` is the runs list's, from 1. */
export async function playerProfile(db: Db, ranks: RankStore, input: { handle: string; page?: number; now?: Date }): Promise<PublicProfile> {
  const now = input.now ?? new Date();
  const player = await findPlayer(db, input.handle);
  const challenge = await currentChallenge(db);
  const disqualified = player.disqualifiedAt !== null;

  const [verified, names, prizes, runs, weeklyTop10] = await Promise.all([
    verifiedRuns(db, player.id, challenge),
    scenarioNames(db, player.id),
    prizeHistory(db, player.id),
    runsPage(db, player.id, input.page ?? 1),
    weeklyTopTens(db, player.id),
  ]);
  const byScenario = new Map<string, VerifiedRunFact[]>();
  for (const r of verified) {
    const list = byScenario.get(r.scenario);
    if (list) list.push(r);
    else byScenario.set(r.scenario, [r]);
  }
  const measures = await runMeasures(db, [...byScenario.values()].flatMap((rs) => newest(rs, PROGRESS_POINTS).map((r) => r.id)));

  return {
    handle: player.handle,
    guest: player.guest,
    joinedAt: player.createdAt.toISOString(),
    disqualified,
    scenarioNames: names,
    bests: personalBests(verified),
    progress: [...byScenario.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([scenario, rs]) => ({ scenario, name: names[scenario] ?? scenario, points: progressPoints(rs, measures, PROGRESS_POINTS), verifiedRuns: rs.length })),
    ranks: disqualified ? [] : await openRanks(db, ranks, challenge, player.id, now),
    prizes,
    runs,
    achievements: achievementsOf({ verified, weeklyTop10 }),
  };
}

/** The challenge week a run finished in (null outside any week the schedule knows). */
function weekOf(at: Date, challenge: Challenge): VerifiedRunFact["week"] {
  const week = periodAt("week", at, challenge);
  return week?.startsAt && week.endsAt ? { startsAt: week.startsAt.getTime(), endsAt: week.endsAt.getTime() } : null;
}

function newest(runs: VerifiedRunFact[], count: number): VerifiedRunFact[] {
  return [...runs].sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, count);
}

/** Accuracy, reaction time and kills per second of each run, from the result its replay stored. */
async function runMeasures(db: Db, runIds: string[]): Promise<Map<string, RunMeasures>> {
  const rows = await db.run.findMany({ where: { id: { in: runIds } }, select: { id: true, result: true } });
  const out = new Map<string, RunMeasures>();
  for (const row of rows) {
    if (!row.result) continue;
    const stats = summarize(row.result as unknown as RunResult);
    out.set(row.id, {
      accuracy: stats.accuracy,
      reactionTimeMedianMs: stats.reactionTimeMedianMs,
      killsPerSecond: stats.durationMs > 0 ? stats.kills / (stats.durationMs / 1000) : null,
    });
  }
  return out;
}

/** The player's rank on each current board they have an entry on, from the rank store. */
async function openRanks(db: Db, ranks: RankStore, challenge: Challenge, playerId: string, now: Date): Promise<ProfileRank[]> {
  const current = PERIOD_KINDS.flatMap((kind) => {
    const period = periodAt(kind, now, challenge);
    return period ? [{ periodKind: kind, periodKey: period.key }] : [];
  });
  const entries = await db.boardEntry.findMany({
    where: { playerId, OR: current },
    select: { scenarioId: true, periodKind: true, periodKey: true, tier: true },
  });
  // By scenario, then period (day, week, challenge, all), then tier filter (all, free, ultimate).
  const order = (b: BoardId) => PERIOD_KINDS.indexOf(b.periodKind) * TIER_FILTERS.length + TIER_FILTERS.indexOf(b.tier);
  const boards = entries
    .map((e) => ({ ...e, periodKind: e.periodKind as PeriodKind, tier: e.tier as BoardId["tier"] }))
    .sort((a, b) => a.scenarioId.localeCompare(b.scenarioId) || order(a) - order(b));
  const standings = await Promise.all(boards.map((b) => readStanding(ranks, b, playerId, 0)));
  return boards.flatMap((b, i) => {
    const s = standings[i]!;
    return s.player ? [{ scenario: b.scenarioId, period: b.periodKind, key: b.periodKey, tier: b.tier, rank: s.player.rank, size: s.size, score: s.player.score }] : [];
  });
}

async function prizeHistory(db: Db, playerId: string): Promise<ProfilePrize[]> {
  const rows = await db.prizeAward.findMany({
    where: { playerId },
    orderBy: { createdAt: "desc" },
    select: { id: true, place: true, prize: true, status: true, score: true, createdAt: true, close: { select: { scenarioId: true, periodKind: true, periodKey: true, tier: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    scenario: r.close.scenarioId,
    period: r.close.periodKind,
    key: r.close.periodKey,
    tier: r.close.tier,
    place: r.place,
    prize: r.prize,
    status: r.status as AwardStatus,
    score: r.score,
    awardedAt: r.createdAt.toISOString(),
  }));
}

/** One page of the player's finished runs, newest first (a page past the last shows the last). */
async function runsPage(db: Db, playerId: string, page: number): Promise<PublicProfile["runs"]> {
  const where = { playerId, finishedAt: { not: null }, verdict: { in: FINISHED } };
  const total = await db.run.count({ where });
  const pages = Math.max(1, Math.ceil(total / PROFILE_RUNS_PER_PAGE));
  const shown = Math.min(Math.max(1, Math.floor(page)), pages);
  const rows = await db.run.findMany({
    where,
    orderBy: [{ finishedAt: "desc" }, { id: "desc" }],
    skip: (shown - 1) * PROFILE_RUNS_PER_PAGE,
    take: PROFILE_RUNS_PER_PAGE,
    select: { id: true, scenarioId: true, tier: true, verdict: true, score: true, finishedAt: true, logHash: true },
  });
  const items: ProfileRun[] = rows.map((r) => ({
    id: r.id,
    scenario: r.scenarioId,
    tier: r.tier,
    verdict: r.verdict as ProfileVerdict,
    score: r.score,
    finishedAt: r.finishedAt!.toISOString(),
    replay: r.verdict === "verified" && r.logHash ? `/runs/${encodeURIComponent(r.id)}/replay` : null,
  }));
  return { items, page: shown, pages, total };
}

/**
 * When each closed weekly board that had the player in its top 10 was closed (its frozen standings).
 * Only the weeks the player has an entry on are read: entries of closed periods are kept.
 */
async function weeklyTopTens(db: Db, playerId: string): Promise<Date[]> {
  const weeks = await db.boardEntry.findMany({ where: { playerId, periodKind: "week" }, select: { scenarioId: true, periodKey: true, tier: true } });
  if (weeks.length === 0) return [];
  const closes = await db.periodClose.findMany({ where: { periodKind: "week", OR: weeks }, select: { closedAt: true, standings: true } });
  return closes
    .filter((c) => (c.standings as unknown as Standing[]).some((s) => s.playerId === playerId && s.rank <= WEEKLY_TOP))
    .map((c) => c.closedAt);
}

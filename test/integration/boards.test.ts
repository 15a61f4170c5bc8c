/**
 * Boards on a real SQLite database with a controllable clock: keep-best, ties, rank style, period
 * boundaries in the challenge's time zone (also across a DST change), tier filters, disqualified
 * players, keyset paging under concurrent inserts, and reading a past period.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TierName } from "../../game/core";
import type { BoardId } from "../../server/boards/board";
import { readBoardPage, readStanding, recentPeriods, resolveBoard } from "../../server/boards/read";
import { MemoryRankStore } from "../../server/boards/ranks";
import { currentChallenge, invalidateChallenge } from "../../server/challenge/challenge";
import type { Db } from "../../server/db/client";
import { seededDb } from "../support/db";
import { createPlayer, loadedRevision, recordVerifiedRun } from "../support/boards";
import { seededSqliteUrl } from "../support/server";

let db: Db;
beforeAll(async () => {
  db = await seededDb(seededSqliteUrl());
});
afterAll(() => db?.$disconnect());

const player = (handle: string) => createPlayer(db, handle);
const verified = (playerId: string, score: number, at: string | Date, tier: TierName = "free", scenarioId = "gridshot") =>
  recordVerifiedRun(db, { playerId, score, at, tier, scenarioId });

async function board(period: string, tier: BoardId["tier"], at: string, key?: string, scenarioId = "gridshot") {
  return (await resolveBoard(db, await currentChallenge(db), { scenarioId, period, tier, key }, new Date(at))).board;
}

async function standings(b: BoardId, ranks = new MemoryRankStore(db)) {
  const page = await readBoardPage(ranks, b, 100);
  await loadedRevision(ranks, b); // the load the read started ends before the database closes
  return page.entries.map((e) => [e.rank, e.player.handle, e.score]);
}

describe("keep-best, ties and ranks", () => {
  it("keeps each player's best; equal scores rank by who reached them first; ranks are 1, 2, 3, 4", async () => {
    const [a, b, c, d] = await Promise.all(["KbA", "KbB", "KbC", "KbD"].map(player));
    await verified(a!.id, 500, "2026-11-24T15:00:00Z", "free", "strafe-shot");
    await verified(a!.id, 400, "2026-11-24T15:01:00Z", "free", "strafe-shot"); // worse: ignored
    await verified(b!.id, 700, "2026-11-24T15:02:00Z", "free", "strafe-shot");
    await verified(c!.id, 700, "2026-11-24T15:03:00Z", "free", "strafe-shot"); // tie, later
    await verified(d!.id, 700, "2026-11-24T15:03:00Z", "free", "strafe-shot"); // tie, same instant: run id decides
    await verified(b!.id, 700, "2026-11-24T15:04:00Z", "free", "strafe-shot"); // equal, later: keeps the earlier
    const week = await board("week", "all", "2026-11-24T16:00:00Z", undefined, "strafe-shot");
    expect(await standings(week)).toEqual([
      [1, "KbB", 700],
      [2, "KbC", 700],
      [3, "KbD", 700],
      [4, "KbA", 500],
    ]);
    const entry = await db.boardEntry.findFirstOrThrow({ where: { ...week, playerId: b!.id } });
    expect(entry.achievedAt.toISOString()).toBe("2026-11-24T15:02:00.000Z");
  });
});

describe("periods in the challenge's time zone (America/Chicago)", () => {
  it("23:59:59.999 and 00:00:00.000 local land on different days", async () => {
    const p = await player("Midnight");
    await verified(p.id, 100, "2026-11-25T05:59:59.999Z", "free", "smooth-track"); // Nov 24, 23:59:59.999 CST
    await verified(p.id, 50, "2026-11-25T06:00:00.000Z", "free", "smooth-track"); // Nov 25, 00:00 CST
    const days = await db.boardEntry.findMany({ where: { playerId: p.id, periodKind: "day", tier: "all" }, orderBy: { periodKey: "asc" } });
    expect(days.map((d) => [d.periodKey, d.score])).toEqual([
      ["2026-11-24", 100],
      ["2026-11-25", 50],
    ]);
  });

  it("across the DST change: the 25-hour day of 2026-11-01", async () => {
    await db.challenge.update({ where: { id: "ultimate-challenge" }, data: { startsAt: new Date("2026-10-01T05:00:00Z") } });
    invalidateChallenge(db);
    const p = await player("DstDay");
    await verified(p.id, 10, "2026-11-01T05:30:00Z", "free", "switch-track"); // 00:30 CDT
    await verified(p.id, 20, "2026-11-02T05:30:00Z", "free", "switch-track"); // 23:30 CST, same local day
    await verified(p.id, 30, "2026-11-02T06:00:00Z", "free", "switch-track"); // 00:00 CST Nov 2
    const days = await db.boardEntry.findMany({ where: { playerId: p.id, periodKind: "day", tier: "all" }, orderBy: { periodKey: "asc" } });
    expect(days.map((d) => [d.periodKey, d.score])).toEqual([
      ["2026-11-01", 20],
      ["2026-11-02", 30],
    ]);
  });

  it("a week runs from Thursday 00:00 local to the next; a run at the close lands in the new week", async () => {
    const p = await player("WeekEdge");
    await verified(p.id, 70, "2026-11-26T05:59:59.999Z", "free", "gridshot-sprint"); // Wed 23:59:59.999 CST
    await verified(p.id, 60, "2026-11-26T06:00:00.000Z", "free", "gridshot-sprint"); // Thu 00:00 CST
    const weeks = await db.boardEntry.findMany({ where: { playerId: p.id, periodKind: "week", tier: "all" }, orderBy: { periodKey: "asc" } });
    expect(weeks.map((w) => [w.periodKey, w.score])).toEqual([
      ["2026-11-19T00:00", 70],
      ["2026-11-26T00:00", 60],
    ]);
  });
});

describe("tier filters and exclusions", () => {
  it("a run counts for `all` and its own tier only; disqualified players never appear", async () => {
    const [free, ult, cheat] = await Promise.all(["TierFree", "TierUlt", "TierCheat"].map(player));
    await verified(free!.id, 300, "2026-11-24T18:00:00Z", "free");
    await verified(ult!.id, 480, "2026-11-24T18:01:00Z", "ultimate");
    await verified(cheat!.id, 999, "2026-11-24T18:02:00Z", "ultimate");
    await db.player.update({ where: { id: cheat!.id }, data: { disqualifiedAt: new Date() } });
    const at = "2026-11-24T19:00:00Z";
    expect(await standings(await board("day", "all", at))).toEqual([
      [1, "TierUlt", 480],
      [2, "TierFree", 300],
    ]);
    expect(await standings(await board("day", "free", at))).toEqual([[1, "TierFree", 300]]);
    expect(await standings(await board("day", "ultimate", at))).toEqual([[1, "TierUlt", 480]]);
  });
});

describe("reads", () => {
  it("keyset paging stays consistent while entries arrive: no duplicates, no gaps", async () => {
    const players = await Promise.all(Array.from({ length: 30 }, (_, i) => player(`Page${i}`)));
    const at = "2026-11-23T20:00:00Z";
    for (const [i, p] of players.entries()) await verified(p.id, 1000 + i * 10, at, "free", "gridshot-sprint");
    const day = await board("day", "all", at, undefined, "gridshot-sprint");
    const ranks = new MemoryRankStore(db);
    const seen: string[] = [];
    let page = await readBoardPage(ranks, day, 7);
    seen.push(...page.entries.map((e) => e.player.handle));
    // A newcomer takes first place and another lands far below the cursor while we page.
    const [top, low] = await Promise.all([player("PageTop"), player("PageLow")]);
    await recordVerifiedRun(db, { playerId: top.id, score: 99_999, at, scenarioId: "gridshot-sprint", ranks });
    await recordVerifiedRun(db, { playerId: low.id, score: 1, at, scenarioId: "gridshot-sprint", ranks });
    while (page.nextCursor) {
      page = await readBoardPage(ranks, day, 7, page.nextCursor);
      seen.push(...page.entries.map((e) => e.player.handle));
    }
    const expectedOrder = players.map((p) => p.handle).reverse();
    expect(seen.slice(0, 30)).toEqual(expectedOrder);
    expect(seen).toEqual([...expectedOrder, "PageLow"]);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("refuses a cursor from another period", async () => {
    const ranks = new MemoryRankStore(db);
    const day = await board("day", "all", "2026-11-23T20:00:00Z", undefined, "gridshot-sprint");
    const first = await readBoardPage(ranks, day, 3);
    const week = await board("week", "all", "2026-11-23T20:00:00Z", undefined, "gridshot-sprint");
    await expect(readBoardPage(ranks, week, 3, first.nextCursor!)).rejects.toMatchObject({ name: "InvalidInput", code: "invalid_cursor" });
    await loadedRevision(ranks, day);
  });

  it("reads a past week by key, and a player's standing with the entries around them", async () => {
    const challenge = await currentChallenge(db);
    const weeks = recentPeriods("week", challenge, new Date("2026-12-01T12:00:00Z"));
    expect(weeks.map((w) => w.key).slice(0, 2)).toEqual(["2026-11-26T00:00", "2026-11-19T00:00"]);
    const past = await board("week", "all", "2026-12-01T12:00:00Z", "2026-11-19T00:00", "gridshot-sprint");
    const rows = await standings(past);
    expect(rows[0]).toEqual([1, "PageTop", 99_999]);
    const me = await db.player.findFirstOrThrow({ where: { handle: "Page10" } });
    const fresh = new MemoryRankStore(db);
    const standing = await readStanding(fresh, past, me.id);
    await loadedRevision(fresh, past);
    expect(standing.player).toMatchObject({ rank: 21, score: 1100 });
    expect(standing.around.map((e) => e.rank)).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26]);
    expect(standing.size).toBe(33);
  });
});

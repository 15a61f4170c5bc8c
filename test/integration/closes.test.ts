/**
 * Scheduled closes against real databases (SQLite always, PostgreSQL when available), with the
 * clock passed in: the right instant across a DST change, exactly once (repeats, concurrent
 * closers, two clients), catch-up in order, eligibility, the boundary of a period, the scheduler.
 */
import { Challenge } from "../../server/challenge/challenge";
import { afterAll, describe, expect, it } from "vitest";
import { recordOnBoards } from "../../server/boards/record";
import { closePeriod, CloseTooEarlyError, lockForBoardWrite } from "../../server/closes/close";
import { sqlOf, statement } from "../../server/db/sql";
import { CLOSE_GRACE_MS } from "../../server/closes/due";
import { runDueCloses } from "../../server/closes/run";
import { startCloseScheduler } from "../../server/closes/scheduler";
import type { Standing } from "../../server/closes/standings";
import { createDb, type Db } from "../../server/db/client";
import { postgresAvailable, postgresDatabases, sqliteDatabases, type DatabaseFactory } from "../support/databases";
import {
  addPlayer,
  addVerifiedRun,
  challengeDb,
  closeCounts,
  DST_WEEK,
  FALL_CHALLENGE,
  HOUR,
  recordingIo,
  WEEKS_ONLY,
} from "../support/closes";

const factories: DatabaseFactory[] = [sqliteDatabases(), ...(postgresAvailable ? [postgresDatabases()] : [])];
if (!postgresAvailable) console.warn("PostgreSQL not installed and PG_URL not set: PostgreSQL close tests skipped");
afterAll(() => factories.forEach((f) => f.close()));

const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);
const DST_DUE = plus(DST_WEEK.endsAt, CLOSE_GRACE_MS);

async function withDb<T>(databases: DatabaseFactory, fields: object, body: (db: Db, url: string) => Promise<T>): Promise<T> {
  const url = await databases.fresh();
  const db = await challengeDb(url, fields);
  try {
    return await body(db, url);
  } finally {
    await db.$disconnect();
  }
}

/** Five players with contacts and a verified run each in the DST week (scores 500, 400, ... 100). */
async function fiveInDstWeek(db: Db) {
  const players = [];
  for (const [i, handle] of ["Ava", "Ben", "Cy", "Dee", "Eli"].entries()) {
    const p = await addPlayer(db, handle);
    // Sunday 2026-11-01, on both sides of the repeated 01:xx hour.
    await addVerifiedRun(db, { playerId: p.id, score: 500 - i * 100, finishedAt: plus(new Date("2026-11-01T06:00:00Z"), i * 20 * 60_000) });
    players.push(p);
  }
  return players;
}


const finishRunRow = statement("test_finish_run_row", `UPDATE "Run" SET "finishedAt" = ?, "verdict" = 'verified', "score" = 700 WHERE "id" = ?`);

// SQLite only: PostgreSQL's lock statement, which SQLite does not know, makes a close fail there.
it("audits a close that failed (it wrote nothing), and makes it on the next run", async () => {
  await withDb(factories[0]!, WEEKS_ONLY, async (db) => {
    await fiveInDstWeek(db);
    const failed = await runDueCloses(db, { now: DST_DUE, provider: "postgresql" });
    expect([failed.failed.map((f) => f.periodKey), failed.skipped.map((s) => [s.periodKey, s.reason])]).toEqual([["2026-10-22T00:00"], [[DST_WEEK.key, "earlier_close_failed"]]]);
    expect(await closeCounts(db)).toEqual({ closes: 0, awards: 0, audits: 0 });
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "period.close_failed" } });
    expect(entry).toMatchObject({ actorType: "system", targetType: "board", details: { periodKind: "week", periodKey: "2026-10-22T00:00", error: expect.any(String) } });
    expect(await db.auditLog.count({ where: { action: "period.close_failed" } })).toBe(1);

    const retried = await runDueCloses(db, { now: DST_DUE });
    expect(retried.closed.map((c) => c.periodKey)).toEqual(["2026-10-22T00:00", DST_WEEK.key]);
  });
});

describe.each(factories)("closes on $provider", (databases) => {
  it("closes the DST week at Thursday 00:00 CST + grace, not 1 ms before; a second run does nothing", async () => {
    await withDb(databases, WEEKS_ONLY, async (db) => {
      const players = await fiveInDstWeek(db);
      const io = recordingIo();

      const early = await runDueCloses(db, { now: plus(DST_DUE, -1), io });
      expect(early.closed.map((c) => c.periodKey)).toEqual(["2026-10-22T00:00"]); // the week before, empty
      expect(early.next).toMatchObject({ periodKind: "week", periodKey: DST_WEEK.key, dueAt: DST_DUE.toISOString() });
      expect(await db.periodClose.count({ where: { periodKey: DST_WEEK.key } })).toBe(0);

      const report = await runDueCloses(db, { now: DST_DUE, io });
      expect(report.failed).toEqual([]);
      expect(report.closed).toHaveLength(1);
      const closed = report.closed[0]!;
      expect(closed).toMatchObject({
        status: "closed",
        scenarioId: "gridshot",
        periodKind: "week",
        periodKey: DST_WEEK.key,
        tier: "all",
        startsAt: DST_WEEK.startsAt.toISOString(),
        endsAt: DST_WEEK.endsAt.toISOString(),
        entries: 5,
      });
      expect(closed.winners.map((w) => [w.place, w.handle, w.score])).toEqual([[1, "Ava", 500], [2, "Ben", 400], [3, "Cy", 300]]);

      const close = await db.periodClose.findUniqueOrThrow({ where: { id: closed.closeId! }, include: { awards: { orderBy: { place: "asc" } } } });
      expect(close).toMatchObject({ challengeId: FALL_CHALLENGE.id, startsAt: DST_WEEK.startsAt, endsAt: DST_WEEK.endsAt, closedAt: DST_DUE });
      const standings = close.standings as unknown as Standing[];
      expect(standings.map((s) => [s.rank, s.handle, s.score, s.runTier])).toEqual([
        [1, "Ava", 500, "free"], [2, "Ben", 400, "free"], [3, "Cy", 300, "free"], [4, "Dee", 200, "free"], [5, "Eli", 100, "free"],
      ]);
      expect(standings[0]).toMatchObject({ playerId: players[0]!.id, achievedAt: "2026-11-01T06:00:00.000Z", runId: expect.any(String) });
      expect(close.awards.map((a) => [a.place, a.playerId, a.score, a.status])).toEqual([
        [1, players[0]!.id, 500, "review"], [2, players[1]!.id, 400, "review"], [3, players[2]!.id, 300, "review"],
      ]);
      expect(close.awards[0]!.prize).toBe("Six-month Ultimate membership + $100 gift card");
      expect(close.awards[0]!.runId).toBe(standings[0]!.runId);

      const audits = await db.auditLog.findMany({ where: { action: { in: ["period.closed", "prize.awarded"] } }, orderBy: { id: "asc" } });
      const mine = audits.filter((a) => (a.details as { periodKey?: string }).periodKey === DST_WEEK.key);
      expect(mine.map((a) => a.action)).toEqual(["prize.awarded", "prize.awarded", "prize.awarded", "period.closed"]);
      expect(mine.every((a) => a.actorType === "system")).toBe(true);
      expect(mine.at(-1)).toMatchObject({ targetType: "periodClose", targetId: close.id, details: { entries: 5, tier: "all" } });
      expect(mine[0]).toMatchObject({ targetType: "prizeAward", targetId: close.awards[0]!.id, details: { place: 1, handle: "Ava" } });

      expect(io.events.at(-1)).toEqual({
        scenarioId: "gridshot",
        periodKind: "week",
        periodKey: DST_WEEK.key,
        tier: "all",
        winners: [
          { place: 1, handle: "Ava", score: 500, prize: "Six-month Ultimate membership + $100 gift card" },
          { place: 2, handle: "Ben", score: 400, prize: "Six-month Ultimate membership + $100 gift card" },
          { place: 3, handle: "Cy", score: 300, prize: "Six-month Ultimate membership + $100 gift card" },
        ],
      });

      // Again, even much later: nothing to do, nothing written, nothing broadcast.
      const counts = await closeCounts(db);
      const events = io.events.length;
      const again = await runDueCloses(db, { now: plus(DST_DUE, 3 * HOUR), io });
      expect(again).toMatchObject({ closed: [], skipped: [], failed: [] });
      expect(await closeCounts(db)).toEqual(counts);
      expect(io.events.length).toBe(events);
      // closePeriod itself on a made close: already_closed.
      const challenge = new Challenge(await db.challenge.findFirstOrThrow());
      const board = { scenarioId: "gridshot", periodKind: "week" as const, periodKey: DST_WEEK.key, tier: "all" as const };
      const period = { kind: "week" as const, key: DST_WEEK.key, startsAt: DST_WEEK.startsAt, endsAt: DST_WEEK.endsAt };
      expect(await closePeriod(db, databases.provider, board, period, challenge, DST_DUE)).toMatchObject({ status: "already_closed", closeId: close.id });
      expect(await closeCounts(db)).toEqual(counts);
    });
  });

  it("refuses to close a period before its end + grace", async () => {
    await withDb(databases, WEEKS_ONLY, async (db) => {
      const challenge = new Challenge(await db.challenge.findFirstOrThrow());
      const board = { scenarioId: "gridshot", periodKind: "week" as const, periodKey: DST_WEEK.key, tier: "all" as const };
      const period = { kind: "week" as const, key: DST_WEEK.key, startsAt: DST_WEEK.startsAt, endsAt: DST_WEEK.endsAt };
      await expect(closePeriod(db, databases.provider, board, period, challenge, plus(DST_DUE, -1))).rejects.toThrow(CloseTooEarlyError);
      expect(await closeCounts(db)).toEqual({ closes: 0, awards: 0, audits: 0 });
    });
  });

  it("two concurrent runs on one database award once", async () => {
    await withDb(databases, WEEKS_ONLY, async (db) => {
      await fiveInDstWeek(db);
      const [a, b] = await Promise.all([runDueCloses(db, { now: DST_DUE }), runDueCloses(db, { now: DST_DUE })]);
      const made = [...a.closed, ...b.closed].filter((c) => c.periodKey === DST_WEEK.key);
      expect(made).toHaveLength(1);
      expect([...a.failed, ...b.failed]).toEqual([]);
      expect(await db.periodClose.count()).toBe(2); // the DST week and the (empty) week before
      expect(await db.prizeAward.count()).toBe(3);
      expect(await db.auditLog.count({ where: { action: "prize.awarded" } })).toBe(3);
      expect(await db.auditLog.count({ where: { action: "period.closed" } })).toBe(2);
    });
  });

  // Several clients in one process only make sense on PostgreSQL: better-sqlite3 waits for a lock
  // synchronously, blocking the other client's transaction in the same thread (two SQLite processes
  // are covered by the CLI test).
  it.skipIf(databases.provider === "sqlite")("two independent clients (two app instances) closing at the same moment award once", async () => {
    await withDb(databases, WEEKS_ONLY, async (db, url) => {
      await fiveInDstWeek(db);
      const clients = [createDb(url), createDb(url), createDb(url)];
      try {
        const ios = clients.map(() => recordingIo());
        const reports = await Promise.all(clients.map((c, i) => runDueCloses(c, { now: DST_DUE, io: ios[i] })));
        expect(reports.flatMap((r) => r.failed)).toEqual([]);
        expect(reports.flatMap((r) => r.closed).filter((c) => c.periodKey === DST_WEEK.key)).toHaveLength(1);
        expect(await db.periodClose.count()).toBe(2);
        expect(await db.prizeAward.count()).toBe(3);
        expect(await db.auditLog.count({ where: { action: "prize.awarded" } })).toBe(3);
        // Broadcast once, by the instance that made the close.
        expect(ios.flatMap((io) => io.events).filter((e) => e.periodKey === DST_WEEK.key)).toHaveLength(1);
      } finally {
        await Promise.all(clients.map((c) => c.$disconnect()));
      }
    });
  });

  it("a close waits for a finish in flight that holds the close locks, and includes its entry", async () => {
    await withDb(databases, WEEKS_ONLY, async (db) => {
      const ava = await addPlayer(db, "Ava");
      await addVerifiedRun(db, { playerId: ava.id, score: 100, finishedAt: new Date("2026-11-02T12:00:00Z") });
      const slow = await addPlayer(db, "Slow");
      const challenge = new Challenge(await db.challenge.findFirstOrThrow());
      const board = { scenarioId: "gridshot", periodKind: "week" as const, periodKey: DST_WEEK.key, tier: "all" as const };
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let locked!: () => void;
      const lockedNow = new Promise<void>((r) => (locked = r));
      // A finish at 23:59:59 on the last day, still committing when the close starts: its run is
      // written first (as the finish path does), its board entry in a transaction holding the locks.
      const version = (await db.scenario.findUniqueOrThrow({ where: { id: "gridshot" } })).currentVersion;
      const finishedAt = plus(DST_WEEK.endsAt, -1000);
      const run = await db.run.create({
        data: { playerId: slow.id, scenarioId: "gridshot", scenarioVersion: version, tier: "free", seed: "00000001", expiresAt: DST_WEEK.endsAt },
      });
      const sql = await sqlOf(db);
      const finish = sql.transaction(async (q) => {
        await lockForBoardWrite(q, databases.provider, challenge.id, [board, { ...board, periodKind: "all", periodKey: "all" }], slow.id);
        await q.run(finishRunRow, [finishedAt, run.id]);
        await recordOnBoards(q, { runId: run.id, playerId: slow.id, scenarioId: "gridshot", tier: "free", score: 700, finishedAt, fps: 60 }, [board]);
        locked();
        await held;
      });
      await lockedNow;
      const closing = runDueCloses(db, { now: DST_DUE });
      setTimeout(release, 300);
      await finish;
      const report = await closing;
      const week = report.closed.find((c) => c.periodKey === DST_WEEK.key)!;
      expect(week.winners.map((w) => w.handle)).toEqual(["Slow", "Ava"]);
    });
  });

  it("catches up on two weeks missed while down, oldest first", async () => {
    await withDb(databases, WEEKS_ONLY, async (db) => {
      const ava = await addPlayer(db, "Ava");
      const ben = await addPlayer(db, "Ben");
      await addVerifiedRun(db, { playerId: ava.id, score: 300, finishedAt: new Date("2026-10-27T15:00:00Z") }); // week 10-22
      await addVerifiedRun(db, { playerId: ben.id, score: 200, finishedAt: new Date("2026-10-27T16:00:00Z") });
      await addVerifiedRun(db, { playerId: ben.id, score: 900, finishedAt: new Date("2026-11-03T15:00:00Z") }); // DST week

      // Up until just before the first close, then down for two weeks.
      expect((await runDueCloses(db, { now: new Date("2026-10-29T05:00:04.999Z") })).closed).toEqual([]);
      const report = await runDueCloses(db, { now: new Date("2026-11-12T18:00:00Z") });
      expect(report.closed.map((c) => c.periodKey)).toEqual(["2026-10-22T00:00", DST_WEEK.key, "2026-11-05T00:00"]);
      expect(report.closed.map((c) => c.winners.map((w) => w.handle))).toEqual([["Ava", "Ben"], ["Ben"], []]);
      const closes = await db.periodClose.findMany({ orderBy: { endsAt: "asc" } });
      expect(closes.map((c) => c.periodKey)).toEqual(["2026-10-22T00:00", DST_WEEK.key, "2026-11-05T00:00"]);
      const logged = await db.auditLog.findMany({ where: { action: "period.closed" }, orderBy: { id: "asc" } });
      expect(logged.map((a) => (a.details as { periodKey: string }).periodKey)).toEqual(["2026-10-22T00:00", DST_WEEK.key, "2026-11-05T00:00"]);
      expect(report.next).toMatchObject({ periodKey: "2026-11-12T00:00", dueAt: "2026-11-19T06:00:05.000Z" });
    });
  });

  it("skips a disqualified winner and, for prizes that need one, a winner without a contact or without consent to it", async () => {
    await withDb(databases, { ...WEEKS_ONLY, eventDays: ["2026-11-01"], prizeTable: FALL_CHALLENGE.prizeTable }, async (db) => {
      const cheat = await addPlayer(db, "Cheat", { disqualifiedAt: new Date("2026-11-04T00:00:00Z") });
      const anon = await addPlayer(db, "Anon", { contactEmail: null });
      const quiet = await addPlayer(db, "Quiet", { consent: false });
      const others = [await addPlayer(db, "Ava"), await addPlayer(db, "Ben"), await addPlayer(db, "Cy")];
      const sunday = new Date("2026-11-01T15:00:00Z");
      await addVerifiedRun(db, { playerId: cheat.id, score: 1000, finishedAt: sunday });
      await addVerifiedRun(db, { playerId: anon.id, score: 900, finishedAt: sunday });
      await addVerifiedRun(db, { playerId: quiet.id, score: 850, finishedAt: sunday });
      for (const [i, p] of others.entries()) await addVerifiedRun(db, { playerId: p.id, score: 800 - i * 100, finishedAt: sunday });

      const report = await runDueCloses(db, { now: DST_DUE });
      const week = report.closed.find((c) => c.periodKind === "week" && c.periodKey === DST_WEEK.key)!;
      const day = report.closed.find((c) => c.periodKind === "day")!;
      // Weekly prizes need a contact: Cheat (disqualified), Anon (no contact) and Quiet (an address but no consent) are passed over.
      expect(week.winners.map((w) => [w.place, w.handle])).toEqual([[1, "Ava"], [2, "Ben"], [3, "Cy"]]);
      expect(week.skippedPlayers.map((s) => [s.handle, s.reason])).toEqual([["Cheat", "disqualified"], ["Anon", "no_contact"], ["Quiet", "no_contact"]]);
      // Event-day prizes do not: Anon wins the day.
      expect(day).toMatchObject({ periodKey: "2026-11-01" });
      expect(day.winners.map((w) => [w.place, w.handle])).toEqual([[1, "Anon"], [2, "Quiet"], [3, "Ava"]]);

      const close = await db.periodClose.findUniqueOrThrow({ where: { id: week.closeId! } });
      const standings = close.standings as unknown as Standing[];
      expect(standings.map((s) => s.handle)).toEqual(["Anon", "Quiet", "Ava", "Ben", "Cy"]); // disqualified players are off the board
      expect(await db.prizeAward.count({ where: { playerId: cheat.id } })).toBe(0);
      const logged = await db.auditLog.findFirstOrThrow({ where: { action: "period.closed", targetId: close.id } });
      expect((logged.details as { skipped: unknown[] }).skipped).toHaveLength(3);
    });
  });

  it("a run finished after the week's end counts for the next week, never for the closed one", async () => {
    await withDb(databases, WEEKS_ONLY, async (db) => {
      const ontime = await addPlayer(db, "OnTime");
      const late = await addPlayer(db, "Late");
      const exact = await addPlayer(db, "Exact");
      await addVerifiedRun(db, { playerId: ontime.id, score: 100, finishedAt: plus(DST_WEEK.endsAt, -1) });
      const lateRun = await addVerifiedRun(db, { playerId: late.id, score: 999, finishedAt: plus(DST_WEEK.endsAt, 1) });
      await addVerifiedRun(db, { playerId: exact.id, score: 998, finishedAt: DST_WEEK.endsAt }); // at the close instant: the new week

      const report = await runDueCloses(db, { now: DST_DUE });
      const week = report.closed.find((c) => c.periodKey === DST_WEEK.key)!;
      expect(week.winners.map((w) => w.handle)).toEqual(["OnTime"]);
      const close = await db.periodClose.findUniqueOrThrow({ where: { id: week.closeId! } });
      expect((close.standings as unknown as Standing[]).map((s) => s.handle)).toEqual(["OnTime"]);
      expect(await db.boardEntry.findFirst({ where: { runId: lateRun, periodKind: "week" } })).toMatchObject({ periodKey: "2026-11-05T00:00" });

      // An entry of the closed week written after its close (which the grace contract rules out)
      // changes neither the frozen standings nor the awards; the next week closes with the late runs.
      await db.boardEntry.updateMany({ where: { periodKey: DST_WEEK.key, playerId: ontime.id }, data: { score: 5 } });
      const next = await runDueCloses(db, { now: new Date("2026-11-12T06:00:05Z") });
      expect(next.closed.map((c) => [c.periodKey, c.winners.map((w) => w.handle)])).toEqual([["2026-11-05T00:00", ["Late", "Exact"]]]);
      const again = await db.periodClose.findUniqueOrThrow({ where: { id: week.closeId! }, include: { awards: true } });
      expect((again.standings as unknown as Standing[])[0]!.score).toBe(100);
      expect(again.awards.map((a) => a.score)).toEqual([100]);
      // Nothing is deleted: the closed week's board stays readable.
      expect(await db.boardEntry.count({ where: { periodKind: "week", periodKey: DST_WEEK.key } })).toBe(2);
    });
  });

  it("a dry run reports the winners and writes nothing; --period limits the kinds", async () => {
    await withDb(databases, { ...WEEKS_ONLY, eventDays: ["2026-11-01"], prizeTable: FALL_CHALLENGE.prizeTable }, async (db) => {
      await fiveInDstWeek(db);
      const dry = await runDueCloses(db, { now: DST_DUE, dryRun: true, periodKind: "week" });
      expect(dry.dryRun).toBe(true);
      expect(dry.closed.map((c) => [c.status, c.periodKind, c.periodKey, c.closeId])).toEqual([
        ["would_close", "week", "2026-10-22T00:00", null],
        ["would_close", "week", DST_WEEK.key, null],
      ]);
      expect(dry.closed[1]!.winners.map((w) => w.handle)).toEqual(["Ava", "Ben", "Cy"]);
      expect(await closeCounts(db)).toEqual({ closes: 0, awards: 0, audits: 0 });
      const days = await runDueCloses(db, { now: DST_DUE, periodKind: "day" });
      expect(days.closed.map((c) => c.periodKey)).toEqual(["2026-11-01"]);
    });
  });
});

describe("the in-process scheduler", () => {
  it("catches up at start, then fires on the weekly cron instant + grace", async () => {
    const url = await sqliteDatabases().fresh();
    const db = await challengeDb(url, WEEKS_ONLY);
    let now = new Date("2026-11-12T18:00:00Z");
    const lines: string[] = [];
    const scheduler = startCloseScheduler({ db, clock: () => now, sweepMs: 0, log: (m) => lines.push(m), logError: (m) => lines.push(`ERR ${m}`) });
    try {
      const first = await scheduler.ready;
      expect(first!.closed.map((c) => c.periodKey)).toEqual(["2026-10-22T00:00", DST_WEEK.key, "2026-11-05T00:00"]);
      expect(lines).toHaveLength(3);
      expect(lines[1]).toMatch(/^closed gridshot week 2026-10-29T00:00 \[all\], 0 players: no winners$/);
      const jobs = scheduler.nextFires().map((j) => j.job);
      expect(jobs).toEqual(["weekly close", "daily close", "challenge end"]);

      // Nothing new until the next close; then it runs.
      expect((await scheduler.runNow())!.closed).toEqual([]);
      now = new Date("2026-11-19T06:00:05Z");
      expect((await scheduler.runNow())!.closed.map((c) => c.periodKey)).toEqual(["2026-11-12T00:00"]);
    } finally {
      await scheduler.stop();
      await db.$disconnect();
    }
    expect(await scheduler.runNow()).toBeNull(); // stopped
    expect(lines.some((l) => l.startsWith("ERR"))).toBe(false);
  });

  it("a scheduled fire runs the closes after the grace", async () => {
    const url = await sqliteDatabases().fresh();
    const db = await challengeDb(url, WEEKS_ONLY);
    // A weekly schedule every second, on the real clock, with a short grace.
    await db.challenge.updateMany({ data: { weeklyCloseCron: "* * * * * *", startsAt: new Date(Date.now() - 5_000), endsAt: new Date(Date.now() + 60_000) } });
    const scheduler = startCloseScheduler({ db, graceMs: 100, sweepMs: 0, log: () => {} });
    try {
      await scheduler.ready;
      const before = await db.periodClose.count();
      await new Promise((r) => setTimeout(r, 2_500));
      expect(await db.periodClose.count()).toBeGreaterThan(before);
    } finally {
      await scheduler.stop();
      await db.$disconnect();
    }
  });
});

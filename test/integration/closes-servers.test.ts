/**
 * Closes through the real app server: `POST /api/cron/close` (authentication, report, socket.io
 * broadcast) and, on PostgreSQL, two app instances on one database: both catch up at start-up at
 * the same moment, then both are asked to close at the same moment; one set of awards either way.
 * The server uses the real clock, so the challenge is moved to weeks that already ended.
 */
import { Challenge } from "../../server/challenge/challenge";
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { io as connect, type Socket } from "socket.io-client";
import { periodAt, type ChallengeSchedule, type Period } from "../../server/boards/periods";
import type { PeriodClosedEvent } from "../../lib/contracts/live";
import { dueCloses } from "../../server/closes/due";
import type { CloseReport } from "../../server/closes/run";
import { createDb, type Db } from "../../server/db/client";
import { useAppServer } from "../support/app";
import { postgresAvailable } from "../support/databases";
import { createDatabase, startPostgres, type LocalPostgres } from "../support/postgres";
import { startAppServer, seededSqliteUrl, type AppServer } from "../support/server";
import { addPlayer, addVerifiedRun, challengeDb, DAY } from "../support/closes";

const SECRET = "closes-test-secret-0123456789";
const WEEKLY = {
  eventDays: [],
  prizeTable: {
    boards: [{ scenario: "featured", tier: "all", periods: ["week"] }],
    prizes: { week: [1, 2, 3].map((place) => ({ place, prize: `Week prize ${place}`, needsContact: true })) },
  },
};

/** Weeks on the real clock: A ended at least 3 days ago, B and C are the two before it. */
function pastWeeks() {
  const schedule: ChallengeSchedule = { id: "x", timeZone: "America/Chicago", startsAt: new Date(0), endsAt: new Date(8.64e15), weeklyCloseCron: "0 0 * * 4" };
  const before = (p: Period) => periodAt("week", new Date(p.startsAt!.getTime() - 1), schedule)!;
  const a = periodAt("week", new Date(Date.now() - 10 * DAY), schedule)!;
  const b = before(a);
  return { a, b, c: before(b) };
}

async function playersIn(db: Db, week: Period, prefix: string, n: number) {
  const players = [];
  for (let i = 0; i < n; i++) {
    const p = await addPlayer(db, `${prefix}${i}`);
    await addVerifiedRun(db, { playerId: p.id, score: 1000 - i * 10, finishedAt: new Date(week.startsAt!.getTime() + DAY + i * 60_000) });
    players.push(p);
  }
  return players;
}

async function expectedDue(db: Db): Promise<string[]> {
  const made = new Set((await db.periodClose.findMany()).map((c) => `${c.scenarioId}|${c.periodKind}|${c.periodKey}|${c.tier}`));
  return dueCloses(new Challenge(await db.challenge.findFirstOrThrow()), new Date(), { closed: made }).map((c) => c.board.periodKey);
}

function cronClose(baseUrl: string, auth?: string, body?: unknown) {
  return fetch(`${baseUrl}/api/cron/close`, {
    method: "POST",
    headers: { ...(auth ? { authorization: auth } : {}), ...(body ? { "content-type": "application/json" } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (res) => ({ status: res.status, body: (await res.json()) as any }));
}

describe("POST /api/cron/close", () => {
  const url = seededSqliteUrl();
  // Before the server starts: a challenge that has not started, so the start-up catch-up has nothing to do.
  beforeAll(async () => {
    const db = await challengeDb(url, { ...WEEKLY, startsAt: new Date(Date.now() + 10 * DAY), endsAt: new Date(Date.now() + 40 * DAY) });
    await db.$disconnect();
  });
  const app = useAppServer({ DATABASE_URL: url, CRON_SECRET: SECRET });

  it("answers 401 without the secret or with a wrong one, and 422 for a bad body", async () => {
    for (const auth of [undefined, `Bearer ${SECRET}x`, "Bearer short", SECRET, `Basic ${SECRET}`]) {
      const res = await cronClose(app.server.url, auth);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("unauthenticated");
    }
    const bad = await cronClose(app.server.url, `Bearer ${SECRET}`, { period: "month" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe("validation_failed");
  });

  it("runs the due closes with a report, broadcasts them, and a second call does nothing", async () => {
    const nothing = await cronClose(app.server.url, `Bearer ${SECRET}`);
    expect(nothing.status).toBe(200);
    expect(nothing.body).toMatchObject({ closed: [], skipped: [], failed: [], dryRun: false });

    const { a } = pastWeeks();
    const db = createDb(url);
    let socket: Socket | undefined;
    try {
      await db.challenge.updateMany({ data: { startsAt: a.startsAt!, endsAt: new Date(Date.now() + 30 * DAY) } });
      const players = await playersIn(db, a, "web", 4);
      await db.player.update({ where: { id: players[0]!.id }, data: { disqualifiedAt: new Date() } });
      const due = await expectedDue(db);
      expect(due[0]).toBe(a.key);

      const dry = await cronClose(app.server.url, `Bearer ${SECRET}`, { dryRun: true });
      expect(dry.body.closed.map((c: { status: string }) => c.status)).toEqual(due.map(() => "would_close"));
      expect(await db.periodClose.count()).toBe(0);

      socket = connect(app.server.url, { path: "/socket.io", transports: ["websocket"] });
      await new Promise<void>((resolve, reject) => {
        socket!.once("connect", resolve);
        socket!.once("connect_error", reject);
      });
      const heard = new Promise<PeriodClosedEvent>((resolve) => {
        socket!.on("period:closed", (e: PeriodClosedEvent) => {
          if (e.periodKey === a.key) resolve(e);
        });
      });

      const res = await cronClose(app.server.url, `Bearer ${SECRET}`);
      expect(res.status).toBe(200);
      const report = res.body as CloseReport;
      expect(report.closed.map((c) => c.periodKey)).toEqual(due);
      expect(report.closed[0]!.winners.map((w) => w.handle)).toEqual(["web1", "web2", "web3"]);
      expect(report.closed[0]!.skippedPlayers).toMatchObject([{ handle: "web0", reason: "disqualified" }]);
      expect(await heard).toEqual({
        scenarioId: "gridshot",
        periodKind: "week",
        periodKey: a.key,
        tier: "all",
        winners: [1, 2, 3].map((place) => ({ place, handle: `web${place}`, score: 1000 - place * 10, prize: `Week prize ${place}` })),
      });
      expect(await db.prizeAward.count()).toBe(3);

      const again = await cronClose(app.server.url, `Bearer ${SECRET}`);
      expect(again.body).toMatchObject({ closed: [], skipped: [], failed: [] });
      expect(await db.prizeAward.count()).toBe(3);
    } finally {
      socket?.disconnect();
      await db.$disconnect();
    }
  });
});

describe("POST /api/cron/close without CRON_SECRET", () => {
  const app = useAppServer({ CRON_SECRET: "" });
  it("answers 503 cron_disabled", async () => {
    const res = await cronClose(app.server.url, `Bearer ${SECRET}`);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe("cron_disabled");
  });
});

describe.skipIf(!postgresAvailable)("two app instances on one PostgreSQL database", () => {
  let pg: LocalPostgres | null = null;
  let url: string;
  let db: Db;
  let servers: AppServer[] = [];
  const weeks = pastWeeks();

  beforeAll(async () => {
    if (!process.env.PG_URL) pg = await startPostgres();
    url = await createDatabase(process.env.PG_URL ?? pg!.url, `closes_${crypto.randomBytes(5).toString("hex")}`);
    db = await challengeDb(url, { ...WEEKLY, startsAt: weeks.a.startsAt!, endsAt: new Date(Date.now() + 30 * DAY) });
    await playersIn(db, weeks.a, "pa", 5);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db?.$disconnect();
    pg?.stop();
  });

  it("both catch up at start-up at once: one close per period, one set of awards", async () => {
    const due = await expectedDue(db);
    expect(due[0]).toBe(weeks.a.key);
    servers = await Promise.all([0, 1].map(() => startAppServer({ DATABASE_URL: url, CRON_SECRET: SECRET })));
    const deadline = Date.now() + 30_000;
    while ((await db.periodClose.count()) < due.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));

    const closes = await db.periodClose.findMany({ orderBy: { endsAt: "asc" }, include: { awards: { orderBy: { place: "asc" } } } });
    expect(closes.map((c) => c.periodKey)).toEqual(due);
    expect(closes[0]!.awards.map((a) => a.score)).toEqual([1000, 990, 980]);
    expect(await db.prizeAward.count()).toBe(3);
    expect(await db.auditLog.count({ where: { action: "prize.awarded" } })).toBe(3);
    expect(await db.auditLog.count({ where: { action: "period.closed" } })).toBe(due.length);
    const logged = servers.map((s) => s.output().split("\n").filter((l) => l.includes(`closed gridshot week ${weeks.a.key}`)).length);
    expect(logged[0]! + logged[1]!).toBe(1);
  });

  it("both asked to close at the same moment: one set of awards", async () => {
    // Two earlier weeks join the challenge; they ended long ago and are due now.
    await db.challenge.updateMany({ data: { startsAt: weeks.c.startsAt! } });
    await playersIn(db, weeks.c, "pc", 4);
    expect(await expectedDue(db)).toEqual([weeks.c.key, weeks.b.key]);

    const [one, two] = await Promise.all(servers.map((s) => cronClose(s.url, `Bearer ${SECRET}`)));
    expect([one.status, two.status]).toEqual([200, 200]);
    const reports = [one.body, two.body] as CloseReport[];
    const made = reports.flatMap((r) => r.closed.map((c) => c.periodKey)).sort();
    expect(made).toEqual([weeks.c.key, weeks.b.key].sort());
    for (const r of reports) expect(r.failed).toEqual([]);
    expect(reports.flatMap((r) => r.skipped).every((s) => s.reason === "already_closed")).toBe(true);

    const c = await db.periodClose.findFirstOrThrow({ where: { periodKey: weeks.c.key }, include: { awards: { orderBy: { place: "asc" } } } });
    expect(c.awards.map((a) => a.score)).toEqual([1000, 990, 980]);
    expect(await db.periodClose.count({ where: { periodKey: { in: [weeks.b.key, weeks.c.key] } } })).toBe(2);
    expect(await db.prizeAward.count()).toBe(6);
    expect(await db.auditLog.count({ where: { action: "prize.awarded" } })).toBe(6);
    for (const server of servers) expect(server.output()).not.toMatch(/closes: (FAILED|run failed)/);
  });
});

/**
 * The dashboard's overview figures (server/admin/overview.ts) on a fixture with known answers: a
 * challenge in America/Chicago seen on Tue 2026-11-03 12:00 CST (18:00Z), just after the fall-back
 * change, with runs today, earlier this week, earlier in the challenge and before it; then the
 * same figures through GET /api/admin/overview on the real server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentChallenge } from "../../server/challenge/challenge";
import { adminOverview } from "../../server/admin/overview";
import type { Db } from "../../server/db/client";
import { signedInCaller } from "../support/admin";
import { useAppServer } from "../support/app";
import { createPlayer } from "../support/boards";
import { challengeDb } from "../support/closes";
import { seededSqliteUrl } from "../support/server";

const NOW = new Date("2026-11-03T18:00:00Z");
const databaseUrl = seededSqliteUrl();
let db: Db;

type Verdict = "verified" | "flagged" | "abandoned" | null;
/** Who starts what, when, and how it ended (null: unfinished; it expires at `expiresAt`). */
const RUNS: { player: string; tier: "free" | "ultimate"; startedAt: string; verdict: Verdict; expiresAt?: string }[] = [
  { player: "Ann", tier: "free", startedAt: "2026-11-03T07:00:00Z", verdict: "verified" },
  { player: "Ann", tier: "ultimate", startedAt: "2026-11-03T17:30:00Z", verdict: "verified" },
  { player: "Bo", tier: "free", startedAt: "2026-11-03T10:00:00Z", verdict: "abandoned" },
  { player: "Bo", tier: "free", startedAt: "2026-11-03T17:10:00Z", verdict: null, expiresAt: "2026-11-03T17:11:10Z" }, // expired: never finished
  { player: "Cat", tier: "ultimate", startedAt: "2026-11-03T17:55:00Z", verdict: null, expiresAt: "2026-11-03T18:01:10Z" }, // still open
  { player: "Cat", tier: "free", startedAt: "2026-11-02T12:00:00Z", verdict: "flagged" }, // yesterday, this week
  { player: "Fin", tier: "free", startedAt: "2026-11-03T06:00:00Z", verdict: "verified" }, // local midnight: today
  { player: "Fin", tier: "free", startedAt: "2026-11-03T05:59:59Z", verdict: "verified" }, // a second before: yesterday
  { player: "Dan", tier: "free", startedAt: "2026-10-20T12:00:00Z", verdict: "verified" }, // an earlier week of the challenge
  { player: "Eve", tier: "ultimate", startedAt: "2026-09-20T12:00:00Z", verdict: "verified" }, // before the challenge
];

beforeAll(async () => {
  // No prize boards: the server closes nothing at start, so its writes never meet this process's.
  db = await challengeDb(databaseUrl, { prizeTable: { boards: [], prizes: {} } });
  const version = (await db.scenario.findUniqueOrThrow({ where: { id: "gridshot" } })).currentVersion;
  const players: Record<string, string> = {};
  const runIds: string[] = [];
  for (const r of RUNS) {
    players[r.player] ??= (await createPlayer(db, r.player)).id;
    const startedAt = new Date(r.startedAt);
    const finishedAt = r.verdict ? new Date(startedAt.getTime() + 60_000) : null;
    const run = await db.run.create({
      data: {
        playerId: players[r.player]!,
        scenarioId: "gridshot",
        scenarioVersion: version,
        tier: r.tier,
        seed: "00000001",
        startedAt,
        expiresAt: r.expiresAt ? new Date(r.expiresAt) : new Date(startedAt.getTime() + 70_000),
        finishedAt,
        verdict: r.verdict,
        score: r.verdict === "verified" ? 100 : null,
      },
    });
    runIds.push(run.id);
  }
  // Two awards of a closed week: one in review, one approved.
  const close = await db.periodClose.create({
    data: { challengeId: "ultimate-challenge", scenarioId: "gridshot", periodKind: "week", periodKey: "2026-10-15T00:00", tier: "all", startsAt: new Date("2026-10-15T05:00:00Z"), endsAt: new Date("2026-10-22T05:00:00Z"), standings: [] },
  });
  await db.prizeAward.create({ data: { closeId: close.id, place: 1, playerId: players.Dan!, runId: runIds[8]!, score: 100, prize: "Mouse", status: "pending" } });
  await db.prizeAward.create({ data: { closeId: close.id, place: 2, playerId: players.Dan!, runId: runIds[8]!, score: 100, prize: "Pad", status: "review" } });
}, 120_000);
afterAll(() => db?.$disconnect());

const counts = (runs: number, players: number, abandoned: number) => ({ runs, players, abandoned });

describe("admin overview figures", () => {
  it("counts runs, players and never-finished runs today, this week and in the challenge, per tier, in the challenge's zone", async () => {
    const overview = await adminOverview(db, await currentChallenge(db, { fresh: true }), NOW);
    expect(overview.challenge).toMatchObject({ id: "ultimate-challenge", timeZone: "America/Chicago" });
    expect(overview.periods).toEqual([
      {
        kind: "day",
        key: "2026-11-03",
        startsAt: "2026-11-03T06:00:00.000Z",
        endsAt: "2026-11-04T06:00:00.000Z",
        tiers: { all: counts(6, 4, 2), free: counts(4, 3, 2), ultimate: counts(2, 2, 0) },
      },
      {
        kind: "week",
        key: "2026-10-29T00:00",
        startsAt: "2026-10-29T05:00:00.000Z",
        endsAt: "2026-11-05T06:00:00.000Z",
        tiers: { all: counts(8, 4, 2), free: counts(6, 4, 2), ultimate: counts(2, 2, 0) },
      },
      {
        kind: "challenge",
        key: "ultimate-challenge",
        startsAt: "2026-10-01T05:00:00.000Z",
        endsAt: "2027-01-07T06:00:00.000Z",
        tiers: { all: counts(9, 5, 2), free: counts(7, 5, 2), ultimate: counts(2, 2, 0) },
      },
    ]);
    expect(overview.reviewQueue).toBe(1);
    expect(overview.awards).toEqual({ review: 1, pending: 1, contacted: 0, claimed: 0, fulfilled: 0, forfeited: 0, disqualified: 0 });
  });

  it("counts runs started per hour and tier over the last 48 hours, the current hour last", async () => {
    const { hourly } = await adminOverview(db, await currentChallenge(db, { fresh: true }), NOW);
    expect(hourly.hours).toHaveLength(48);
    expect(new Date(hourly.hours[0]! * 1000).toISOString()).toBe("2026-11-01T19:00:00.000Z");
    expect(new Date(hourly.hours[47]! * 1000).toISOString()).toBe("2026-11-03T18:00:00.000Z");
    const nonZero = (series: number[]) => Object.fromEntries(series.flatMap((n, i) => (n ? [[new Date(hourly.hours[i]! * 1000).toISOString().slice(5, 13), n]] : [])));
    expect(nonZero(hourly.free)).toEqual({ "11-02T12": 1, "11-03T05": 1, "11-03T06": 1, "11-03T07": 1, "11-03T10": 1, "11-03T17": 1 });
    expect(nonZero(hourly.ultimate)).toEqual({ "11-03T17": 2 });
  });
});

describe("GET /api/admin/overview", () => {
  const app = useAppServer({ DATABASE_URL: databaseUrl });

  it("answers staff the figures of the challenge now", async () => {
    const call = await signedInCaller(app.server.url, app.databaseUrl, "staff");
    const res = await call("GET", "/api/admin/overview");
    expect(res.status).toBe(200);
    const { overview } = res.body;
    expect(overview.periods.map((p: any) => p.kind)).toEqual(["day", "week", "challenge"]);
    // On the real clock, Cat's open run has expired too.
    expect(overview.periods[2].tiers.all).toEqual(counts(9, 5, 3));
    expect(overview.reviewQueue).toBe(1);
    expect(overview.hourly.hours).toHaveLength(48);
  });
});

/**
 * GET /api/stats/tiers on a seeded database: the paired figure counts players on both tiers only
 * (not a disqualified player, not a disqualified run), the kiosk figure counts the verified booth
 * pairs of the scenario's booth variant, a period leaves out older runs; an unknown scenario is a
 * 404 and a bad period a 400, both with their error codes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { registerKiosk } from "../../server/kiosks/register-kiosk";
import { useAppServer } from "../support/app";
import { createPlayer, recordBoothPair, recordVerifiedRun } from "../support/boards";
import { withDb } from "../support/db";

const app = useAppServer();
const url = (query: string) => `/api/stats/tiers?${query}`;

describe("GET /api/stats/tiers", { timeout: 60_000 }, () => {
  beforeAll(async () => {
    // One write after another: the test server holds the same SQLite file.
    await withDb(app.databaseUrl, async (db) => {
      const now = Date.now() - 1000;
      const run = async (handle: string, tier: "free" | "ultimate", score: number, at = now) => {
        const player = (await db.player.findUnique({ where: { handleKey: handle.toLowerCase() } })) ?? (await createPlayer(db, handle));
        return recordVerifiedRun(db, { playerId: player.id, tier, score, at: new Date(at) });
      };
      // Ann 1.5, Ben 1.2 (today; 0.24 with his free run of a month ago), Cat 2.0; Dan free only.
      await run("StAnn", "free", 100);
      await run("StAnn", "free", 80);
      await run("StAnn", "ultimate", 150);
      const disqualifiedRun = await run("StAnn", "ultimate", 1000);
      await db.run.update({ where: { id: disqualifiedRun }, data: { disqualifiedAt: new Date(), disqualifyNote: "test" } });
      await run("StBen", "free", 200);
      await run("StBen", "ultimate", 240);
      await run("StBen", "ultimate", 230);
      await run("StBen", "free", 1000, now - 30 * 86_400_000);
      await run("StCat", "free", 50);
      await run("StCat", "ultimate", 100);
      await run("StDan", "free", 300);
      // A disqualified player on both tiers (10x) counts nowhere.
      await run("StZed", "free", 10);
      await run("StZed", "ultimate", 100);
      await db.player.update({ where: { handleKey: "stzed" }, data: { disqualifiedAt: new Date(), disqualifyNote: "test" } });

      // Booth pairs on the 20 s variant of gridshot: 1.7 and 1.25; a pair whose Ultimate run was flagged does not count.
      const { kiosk } = await registerKiosk(db, { name: "Stats booth", scenario: "gridshot", runSeconds: 20 }, { actorType: "system", actorId: null });
      const booth = async (handle: string, free: number, ultimate: number) => recordBoothPair(db, { kioskId: kiosk.id, playerId: (await createPlayer(db, handle)).id, free, ultimate, at: new Date(now) });
      await booth("StKay", 100, 170);
      await booth("StLee", 80, 100);
      const flagged = await booth("StMo", 90, 200);
      await db.run.update({ where: { id: flagged.ultimateRunId }, data: { verdict: "flagged" } });
    });
  });

  it("answers the figures of today's runs", async () => {
    const res = await app.api.get(url("scenario=gridshot&period=day"));
    expect(res.status).toBe(200);
    const { stats } = res.body;
    expect(stats).toMatchObject({ scenario: "gridshot", period: { kind: "day" }, claim: { ratio: 1.6 } });
    expect(stats.paired).toMatchObject({ n: 3, median: 1.5, players: 3, runs: 8, onlyFree: 1, onlyUltimate: 0, excludedNonPositiveFree: 0, higherOnUltimate: 3 });
    expect(stats.paired.q1).toBeCloseTo(1.35, 9);
    expect(stats.paired.q3).toBeCloseTo(1.75, 9);
    expect(stats.paired.interval.low).toBeLessThanOrEqual(1.5);
    expect(stats.paired.interval.high).toBeGreaterThanOrEqual(1.5);
    expect(stats.kiosk).toMatchObject({ n: 2, visits: 2, players: 2, runs: 4, excludedNonPositiveFree: 0 });
    expect(stats.kiosk.median).toBeCloseTo(1.475, 9);
    // Free bests 50, 100, 200, 300; Ultimate bests 100, 150, 240.
    expect(stats.tiers).toEqual({
      free: { players: 4, runs: 5, median: 150, q1: 87.5, q3: 225 },
      ultimate: { players: 3, runs: 4, median: 150, q1: 125, q3: 195 },
    });
    expect(stats.histogram.free.reduce((a: number, b: number) => a + b, 0)).toBe(4);
    expect(stats.histogram.ultimate.reduce((a: number, b: number) => a + b, 0)).toBe(3);
    expect(res.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    // The same data, the same interval.
    expect((await app.api.get(url("scenario=gridshot&period=day"))).body.stats.paired.interval).toEqual(stats.paired.interval);
  });

  it("counts older runs over all time", async () => {
    const { stats } = (await app.api.get(url("scenario=gridshot"))).body;
    expect(stats.period).toEqual({ kind: "all", key: "all", startsAt: null, endsAt: null });
    // Ben's best free is now his 1000 of a month ago: 240 / 1000.
    expect(stats.paired).toMatchObject({ n: 3, median: 1.5, runs: 9, higherOnUltimate: 2 });
    expect(stats.paired.q1).toBeCloseTo((0.24 + 1.5) / 2, 9);
    expect(stats.kiosk.n).toBe(2);
  });

  it("refuses an unknown scenario, a bad period and a missing scenario, with their codes", async () => {
    expect((await app.api.get(url("scenario=nope&period=day"))).body).toMatchObject({ error: { code: "scenario_not_found" } });
    expect((await app.api.get(url("scenario=nope&period=day"))).status).toBe(404);
    const badPeriod = await app.api.get(url("scenario=gridshot&period=fortnight"));
    expect([badPeriod.status, badPeriod.body.error.code]).toEqual([400, "invalid_period"]);
    const badKey = await app.api.get(url("scenario=gridshot&period=day&key=yesterday"));
    expect([badKey.status, badKey.body.error.code]).toEqual([400, "invalid_period"]);
    const missing = await app.api.get(url("period=day"));
    expect([missing.status, missing.body.error.code]).toEqual([422, "validation_failed"]);
  });
});

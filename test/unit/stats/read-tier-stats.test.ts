/**
 * Reading the tier comparison from a real, migrated SQLite database (server/stats/read-tier-stats.ts):
 * a disqualified player counts nowhere, and an answer is reused for 30 s per (scenario, period), then
 * read again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { periodByKey, type Period } from "../../../server/boards/periods";
import { currentChallenge } from "../../../server/challenge/challenge";
import type { Db } from "../../../server/db/client";
import { readTierStats, recentTierStats } from "../../../server/stats/read-tier-stats";
import { createPlayer, recordVerifiedRun } from "../../support/boards";
import { challengeDb } from "../../support/closes";
import { tempSqliteUrl } from "../../support/server";

let db: Db;
let all: Period;
let challengePeriod: Period;

beforeAll(async () => {
  db = await challengeDb(tempSqliteUrl());
  const challenge = await currentChallenge(db);
  all = periodByKey("all", "all", challenge);
  challengePeriod = periodByKey("challenge", challenge.id, challenge);
  const at = new Date(Date.now() - 60_000);
  const ann = await createPlayer(db, "Ann");
  await recordVerifiedRun(db, { playerId: ann.id, tier: "free", score: 100, at });
  await recordVerifiedRun(db, { playerId: ann.id, tier: "ultimate", score: 130, at });
  const zed = await createPlayer(db, "Zed", { disqualifiedAt: new Date() });
  await recordVerifiedRun(db, { playerId: zed.id, tier: "free", score: 10, at });
  await recordVerifiedRun(db, { playerId: zed.id, tier: "ultimate", score: 100, at });
});
afterAll(() => db?.$disconnect());

describe("reading the tier comparison", { timeout: 30_000 }, () => {
  it("leaves a disqualified player out of every figure", async () => {
    const stats = await readTierStats(db, "gridshot", all);
    expect(stats.paired).toMatchObject({ n: 1, players: 1, runs: 2, median: 1.3 });
    expect(stats.tiers.free).toMatchObject({ players: 1, runs: 1, median: 100 });
    expect(stats.tiers.ultimate).toMatchObject({ players: 1, runs: 1, median: 130 });
    await expect(readTierStats(db, "no-such-scenario", all)).rejects.toMatchObject({ code: "scenario_not_found" });
  });

  it("reuses an answer for 30 s, then reads again", async () => {
    const t0 = Date.now();
    const first = await recentTierStats(db, "gridshot", challengePeriod, t0);
    const bea = await createPlayer(db, "Bea");
    await recordVerifiedRun(db, { playerId: bea.id, tier: "free", score: 200, at: new Date(Date.now() - 1000) });
    expect(await recentTierStats(db, "gridshot", challengePeriod, t0 + 29_000)).toBe(first);
    const later = await recentTierStats(db, "gridshot", challengePeriod, t0 + 30_000);
    expect([first.tiers.free.players, later.tiers.free.players]).toEqual([1, 2]);
  });
});

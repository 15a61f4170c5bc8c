/**
 * A player's profile read from a real SQLite database at a fixed clock: the handle in any case, bests,
 * the progress points with the measures from Run.result, ranks on the open boards from the rank store,
 * prize history and a weekly top 10 from a close, the paged runs list with verdicts and replay links,
 * a disqualified player without ranks, and an unknown handle or a deleted account.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryRankStore } from "../../server/boards/ranks";
import { currentChallenge } from "../../server/challenge/challenge";
import type { Db } from "../../server/db/client";
import { NotFound } from "../../server/errors";
import { playerProfile } from "../../server/players/profile";
import { seededDb } from "../support/db";
import { createPlayer, recordVerifiedRun } from "../support/boards";
import { seededSqliteUrl } from "../support/server";

// Friday noon in Chicago, inside the default challenge: the day began 06:00Z, the week Thursday 06:00Z.
const NOW = new Date("2026-11-27T18:00:00Z");
let db: Db;
beforeAll(async () => {
  db = await seededDb(seededSqliteUrl());
});
afterAll(() => db?.$disconnect());

let made = 0;
/** A finished run that is not verified (or not finished: verdict null), written as the runs API leaves it. */
async function otherRun(playerId: string, verdict: string | null, at: Date, score: number | null = null) {
  const { currentVersion } = await db.scenario.findUniqueOrThrow({ where: { id: "gridshot" } });
  return db.run.create({
    data: { id: `other-${++made}`, playerId, scenarioId: "gridshot", scenarioVersion: currentVersion, tier: "free", seed: "1", expiresAt: at, finishedAt: verdict ? at : null, verdict, score },
  });
}

describe("playerProfile", () => {
  it("answers bests, progress, ranks on every open board, prizes and achievements for a handle in any case", async () => {
    const ace = await createPlayer(db, "Ace");
    const bee = await createPlayer(db, "Bee");
    const first = await recordVerifiedRun(db, { playerId: ace.id, score: 100, at: "2026-11-17T12:00:00Z" });
    const best = await recordVerifiedRun(db, { playerId: ace.id, score: 300, at: "2026-11-27T17:00:00Z" });
    await recordVerifiedRun(db, { playerId: ace.id, score: 250, at: "2026-11-27T17:30:00Z", tier: "ultimate" });
    await recordVerifiedRun(db, { playerId: bee.id, score: 400, at: "2026-11-27T16:00:00Z" });
    // What the replay stored: medians and kills per second come from it.
    const result = { score: 300, hits: 10, misses: 10, shots: 20, accuracy: 0.5, kills: 20, reactionTimesMs: [400, 200, 300], timeToKillMs: [500], timeOnTargetMs: 0, durationMs: 10_000, frames: {} };
    await db.run.update({ where: { id: best }, data: { result } });
    const challenge = await currentChallenge(db);
    const close = await db.periodClose.create({
      data: {
        challengeId: challenge.id,
        scenarioId: "gridshot",
        periodKind: "week",
        // The week of Ace's first run (Thursday to Thursday in Chicago).
        periodKey: "2026-11-12T00:00",
        tier: "all",
        startsAt: new Date("2026-11-12T06:00:00Z"),
        endsAt: new Date("2026-11-19T06:00:00Z"),
        closedAt: new Date("2026-11-19T06:01:00Z"),
        standings: [
          { rank: 1, playerId: bee.id, handle: "Bee", score: 400, achievedAt: "2026-11-13T00:00:00.000Z", runId: "x", runTier: "free" },
          { rank: 2, playerId: ace.id, handle: "Ace", score: 100, achievedAt: "2026-11-17T12:00:00.000Z", runId: first, runTier: "free" },
        ],
      },
    });
    // The same week's free board, closed first, had Ace 11th: not a top 10.
    const ahead = Array.from({ length: 10 }, (_, i) => ({ rank: i + 1, playerId: `someone-${i}`, handle: `someone${i}`, score: 1000 - i, achievedAt: "2026-11-13T00:00:00.000Z", runId: `x${i}`, runTier: "free" }));
    await db.periodClose.create({
      data: {
        challengeId: challenge.id,
        scenarioId: "gridshot",
        periodKind: "week",
        periodKey: "2026-11-12T00:00",
        tier: "free",
        startsAt: new Date("2026-11-12T06:00:00Z"),
        endsAt: new Date("2026-11-19T06:00:00Z"),
        closedAt: new Date("2026-11-19T06:00:30Z"),
        standings: [...ahead, { rank: 11, playerId: ace.id, handle: "Ace", score: 100, achievedAt: "2026-11-17T12:00:00.000Z", runId: first, runTier: "free" }],
      },
    });
    await db.prizeAward.create({ data: { closeId: close.id, place: 2, playerId: ace.id, runId: first, score: 100, prize: "A gift card", status: "pending" } });

    const profile = await playerProfile(db, new MemoryRankStore(db), { handle: "aCE", now: NOW });
    expect(profile).toMatchObject({ handle: "Ace", guest: false, disqualified: false });
    expect(profile.bests.map((b) => [b.scenario, b.tier, b.score])).toEqual([
      ["gridshot", "free", 300],
      ["gridshot", "ultimate", 250],
    ]);
    expect(profile.progress).toHaveLength(1);
    expect(profile.progress[0]!.points.map((p) => [p.score, p.personalBest])).toEqual([
      [100, 100],
      [300, 300],
      [250, 300],
    ]);
    expect(profile.progress[0]!.points[1]).toMatchObject({ accuracy: 0.5, reactionTimeMedianMs: 300, killsPerSecond: 2 });

    const ranks = profile.ranks.map((r) => `${r.period} ${r.tier}: ${r.rank} of ${r.size} with ${r.score}`);
    expect(ranks).toEqual(
      ["day", "week", "challenge", "all"].flatMap((period) => [`${period} all: 2 of 2 with 300`, `${period} free: 2 of 2 with 300`, `${period} ultimate: 1 of 1 with 250`]),
    );
    expect(profile.ranks.find((r) => r.period === "week")!.key).toBe("2026-11-26T00:00");

    expect(profile.prizes).toEqual([
      expect.objectContaining({ scenario: "gridshot", period: "week", key: "2026-11-12T00:00", tier: "all", place: 2, prize: "A gift card", status: "pending", score: 100 }),
    ]);
    const earned = Object.fromEntries(profile.achievements.map((a) => [a.id, a.earnedAt]));
    expect(earned).toMatchObject({
      "first-verified": "2026-11-17T12:00:00.000Z",
      "first-ultimate": "2026-11-27T17:30:00.000Z",
      "weekly-top-10": "2026-11-19T06:01:00.000Z",
      "runs-100": null,
    });
  });

  it("lists finished runs newest first, 20 a page, with verdicts and a replay only for verified runs with a log", async () => {
    const cam = await createPlayer(db, "Cam");
    const verified = await recordVerifiedRun(db, { playerId: cam.id, score: 500, at: "2026-11-27T17:59:00Z" });
    await db.run.update({ where: { id: verified }, data: { logHash: "abc" } });
    const unlogged = await recordVerifiedRun(db, { playerId: cam.id, score: 400, at: "2026-11-27T17:58:00Z" });
    await otherRun(cam.id, "flagged", new Date("2026-11-27T17:57:00Z"), 450);
    await otherRun(cam.id, "rejected", new Date("2026-11-27T17:56:00Z"));
    for (let i = 0; i < 21; i++) await otherRun(cam.id, "abandoned", new Date(Date.parse("2026-11-26T12:00:00Z") - i * 60_000));
    await otherRun(cam.id, null, new Date("2026-11-27T17:59:30Z")); // still in progress: not listed

    const first = await playerProfile(db, new MemoryRankStore(db), { handle: "cam", now: NOW });
    expect(first.runs).toMatchObject({ page: 1, pages: 2, total: 25 });
    expect(first.runs.items).toHaveLength(20);
    expect(first.runs.items.slice(0, 5).map((r) => [r.verdict, r.score, r.replay])).toEqual([
      ["verified", 500, `/runs/${verified}/replay`],
      ["verified", 400, null],
      ["flagged", 450, null],
      ["rejected", null, null],
      ["abandoned", null, null],
    ]);
    expect(first.runs.items[1]!.id).toBe(unlogged);
    const second = await playerProfile(db, new MemoryRankStore(db), { handle: "Cam", page: 2, now: NOW });
    expect(second.runs.items.map((r) => r.verdict)).toEqual(Array(5).fill("abandoned"));
    // A page past the last shows the last.
    expect((await playerProfile(db, new MemoryRankStore(db), { handle: "Cam", page: 99, now: NOW })).runs.page).toBe(2);
    // Only verified runs make bests and charts: the flagged 450 is not one.
    expect(first.bests.map((b) => b.score)).toEqual([500]);
  });

  it("a disqualified player's profile says so and has no ranks", async () => {
    const dee = await createPlayer(db, "Dee", { disqualifiedAt: new Date("2026-11-27T12:00:00Z") });
    await recordVerifiedRun(db, { playerId: dee.id, score: 900, at: "2026-11-27T11:00:00Z" });
    const profile = await playerProfile(db, new MemoryRankStore(db), { handle: "Dee", now: NOW });
    expect(profile).toMatchObject({ disqualified: true, ranks: [] });
    expect(profile.bests.map((b) => b.score)).toEqual([900]);
  });

  it("an unknown handle, or a deleted account's placeholder, is not found", async () => {
    const gone = await db.player.create({ data: { handle: "deleted-k3m9x2", handleKey: "deleted-k3m9x2", deletedAt: NOW } });
    await recordVerifiedRun(db, { playerId: gone.id, score: 700, at: "2026-11-27T11:00:00Z" });
    for (const handle of ["nobody-here", gone.handle]) {
      const err = await playerProfile(db, new MemoryRankStore(db), { handle, now: NOW }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NotFound);
      expect(err).toMatchObject({ code: "player_not_found" });
    }
  });
});

/**
 * The pure part of a profile on a fixture worked out by hand: personal bests, the running personal
 * best of the charts, weeks-in-a-row streaks and every achievement with its progress.
 */
import { describe, expect, it } from "vitest";
import type { TierName } from "../../../game/core";
import { achievementsOf, personalBests, personalBestStreaks, progressPoints, type RunMeasures, type VerifiedRunFact } from "../../../server/players/profile-stats";

const WEEK = 7 * 86_400_000;
const W0 = Date.parse("2026-10-01T00:00:00Z");
const week = (n: number) => ({ startsAt: W0 + n * WEEK, endsAt: W0 + (n + 1) * WEEK });

function run(id: string, scenario: string, tier: TierName, score: number, weekNo: number, hour = 0): VerifiedRunFact {
  return { id, scenario, tier, score, at: new Date(W0 + weekNo * WEEK + 86_400_000 + hour * 3_600_000), week: week(weekNo) };
}

// Improvements over an existing best (a first run on a scenario is none): r2 (week 1), r5 (week 2),
// r7 (week 3), r8 (week 5). Weeks 1-3 are three in a row; week 4 has none, so week 5 starts again.
const r1 = run("r1", "gridshot", "free", 100, 0);
const r2 = run("r2", "gridshot", "free", 150, 1);
const r3 = run("r3", "gridshot", "ultimate", 140, 1, 2);
const r4 = run("r4", "sprint", "free", 50, 2);
const r5 = run("r5", "gridshot", "ultimate", 160, 2, 3);
const r6 = run("r6", "gridshot", "free", 160, 3);
const r7 = run("r7", "sprint", "free", 60, 3, 4);
const r8 = run("r8", "gridshot", "free", 170, 5);
// Given out of order: nothing may depend on the order rows come in.
const fixture = [r8, r3, r1, r6, r5, r2, r7, r4];

describe("personalBests", () => {
  it("keeps the best score per scenario and tier", () => {
    expect(personalBests(fixture)).toEqual([
      { scenario: "gridshot", tier: "free", score: 170, runId: "r8", achievedAt: r8.at.toISOString() },
      { scenario: "gridshot", tier: "ultimate", score: 160, runId: "r5", achievedAt: r5.at.toISOString() },
      { scenario: "sprint", tier: "free", score: 60, runId: "r7", achievedAt: r7.at.toISOString() },
    ]);
  });

  it("on a tie, the earlier run holds the best", () => {
    const later = run("a-later", "gridshot", "free", 200, 4);
    const earlier = run("z-earlier", "gridshot", "free", 200, 2);
    expect(personalBests([later, earlier]).map((b) => b.runId)).toEqual(["z-earlier"]);
  });

  it("a player without verified runs has none", () => {
    expect(personalBests([])).toEqual([]);
  });
});

describe("progressPoints", () => {
  const gridshot = fixture.filter((r) => r.scenario === "gridshot");
  const measures = new Map<string, RunMeasures>([["r5", { accuracy: 0.8, reactionTimeMedianMs: 310, killsPerSecond: 1.5 }]]);

  it("plots every run oldest first with the personal best (either tier) so far", () => {
    const points = progressPoints(gridshot, measures, 100);
    expect(points.map((p) => [p.runId, p.score, p.personalBest])).toEqual([
      ["r1", 100, 100],
      ["r2", 150, 150],
      ["r3", 140, 150],
      ["r5", 160, 160],
      ["r6", 160, 160],
      ["r8", 170, 170],
    ]);
    expect(points.find((p) => p.runId === "r5")).toMatchObject({ tier: "ultimate", accuracy: 0.8, reactionTimeMedianMs: 310, killsPerSecond: 1.5 });
    expect(points.find((p) => p.runId === "r1")).toMatchObject({ accuracy: null, reactionTimeMedianMs: null, killsPerSecond: null });
  });

  it("keeps the newest runs only, with the best counted over every run before them", () => {
    expect(progressPoints(gridshot, measures, 2).map((p) => [p.runId, p.personalBest])).toEqual([
      ["r6", 160],
      ["r8", 170],
    ]);
  });
});

describe("personalBestStreaks", () => {
  it("counts weeks in a row with an improvement, several in one week counting once", () => {
    const extra = run("r5b", "gridshot", "free", 165, 2, 5); // a second improvement in week 2
    const { longest, reachedAt } = personalBestStreaks([...fixture, extra]);
    expect(longest).toBe(3);
    expect(reachedAt.get(1)).toEqual(r2.at);
    expect(reachedAt.get(2)).toEqual(r5.at);
    expect(reachedAt.get(3)).toEqual(r7.at);
  });

  it("a gap week breaks the streak, and runs outside any week count for none", () => {
    const gap = [run("a", "g", "free", 1, 0), run("b", "g", "free", 2, 1), run("c", "g", "free", 3, 3), run("d", "g", "free", 4, 4)];
    expect(personalBestStreaks(gap).longest).toBe(2);
    expect(personalBestStreaks(gap.map((r) => ({ ...r, week: null }))).longest).toBe(0);
  });
});

describe("achievementsOf", () => {
  it("answers each achievement, earned or not, with its progress", () => {
    const topTen = [new Date("2026-10-30T00:00:00Z"), new Date("2026-10-16T00:00:00Z")];
    const byId = Object.fromEntries(achievementsOf({ verified: fixture, weeklyTop10: topTen }).map((a) => [a.id, a]));
    expect(byId).toEqual({
      "first-verified": expect.objectContaining({ earnedAt: r1.at.toISOString(), progress: { value: 1, goal: 1 } }),
      "first-ultimate": expect.objectContaining({ earnedAt: r3.at.toISOString(), progress: { value: 1, goal: 1 } }),
      "weekly-top-10": expect.objectContaining({ earnedAt: "2026-10-16T00:00:00.000Z", progress: { value: 1, goal: 1 } }),
      "runs-100": expect.objectContaining({ earnedAt: null, progress: { value: 8, goal: 100 } }),
      "pb-streak-3": expect.objectContaining({ earnedAt: r7.at.toISOString(), progress: { value: 3, goal: 3 } }),
      "pb-streak-10": expect.objectContaining({ earnedAt: null, progress: { value: 3, goal: 10 } }),
    });
  });

  it("a player with no verified runs has earned nothing", () => {
    expect(achievementsOf({ verified: [], weeklyTop10: [] }).filter((a) => a.earnedAt !== null || a.progress.value !== 0)).toEqual([]);
  });

  it("the 100th verified run earns 100 runs; ten improving weeks in a row earn the ten-week streak", () => {
    const runs = Array.from({ length: 120 }, (_, i) => run(`r${String(i).padStart(3, "0")}`, "gridshot", "free", i, Math.floor(i / 10), i % 10));
    const byId = Object.fromEntries(achievementsOf({ verified: runs, weeklyTop10: [] }).map((a) => [a.id, a]));
    expect(byId["runs-100"]).toMatchObject({ earnedAt: runs[99]!.at.toISOString(), progress: { value: 100, goal: 100 } });
    // Week 0's first run improves on nothing; its second run is week 0's improvement, and so on: weeks 0-9 make ten.
    expect(byId["pb-streak-10"]).toMatchObject({ earnedAt: runs[90]!.at.toISOString(), progress: { value: 10, goal: 10 } });
    expect(byId["first-ultimate"]).toMatchObject({ earnedAt: null, progress: { value: 0, goal: 1 } });
  });
});

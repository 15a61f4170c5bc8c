/**
 * The results screen's words on real simulated runs: figures per scenario kind (time on target for
 * tracking, never "Accuracy 0 %"), both medians, the personal-best change and the live region's sentence.
 */
import { describe, expect, it } from "vitest";
import { TIERS } from "../../../game/core";
import { announcement, figures, personalBestText } from "../../../app/play/[scenario]/results-text";
import type { FinishedRun, RunPlacement } from "../../../game/client/api";
import { Rng } from "../../../game/core";
import { runClickBot, runTrackBot, scenario } from "../../support/bots";

const placement = (score: number, previous: number | null, improvedBy: number | null, boards: RunPlacement["boards"] = []): RunPlacement => ({
  runId: "r1",
  score,
  personalBest: { previous, improvedBy },
  boards,
});

describe("figures per scenario kind", () => {
  it("tracking: time on target as a share of the tracked time, no accuracy or shots", () => {
    const sc = scenario("smooth-track");
    const { result } = runTrackBot(sc, 7, TIERS.free, undefined, { lagMs: 60, noiseDeg: 0.8, rng: new Rng(3) });
    expect(result.shots).toBe(0);
    const rows = Object.fromEntries(figures(sc, result));
    expect(result.accuracy).toBeGreaterThan(0.05);
    expect(result.accuracy).toBeCloseTo(result.timeOnTargetMs / result.sampledTimeMs, 9);
    expect(rows["Time on target"]).toBe(`${(result.accuracy * 100).toFixed(1)} % (${(result.timeOnTargetMs / 1000).toFixed(2)} s)`);
    expect(rows).not.toHaveProperty("Accuracy");
    expect(rows).not.toHaveProperty("Kills");
  });

  it("switching: time on target and kills", () => {
    const sc = scenario("switch-track");
    const { result } = runTrackBot(sc, 11, TIERS.free);
    const rows = Object.fromEntries(figures(sc, result));
    expect(rows["Time on target"]).toMatch(/^\d+\.\d % \(\d+\.\d\d s\)$/);
    expect(rows.Kills).toBe(String(result.kills));
    expect(rows).not.toHaveProperty("Accuracy");
  });

  it("clicking: accuracy with hits and shots, kills, and the medians of reaction time and time to kill", () => {
    const sc = scenario("gridshot");
    const { result } = runClickBot(sc, 5, TIERS.free);
    const rows = Object.fromEntries(figures(sc, result));
    expect(rows.Accuracy).toBe(`${(result.accuracy * 100).toFixed(1)} % (${result.hits} hits / ${result.shots} shots)`);
    expect(rows.Kills).toBe(String(result.kills));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    expect(result.timeToKillMs.length).toBeGreaterThan(0);
    expect(rows["Time to kill (median)"]).toBe(`${Math.round(median(result.timeToKillMs))} ms`);
    expect(rows["Reaction time (median)"]).toBe(result.reactionTimesMs.length ? `${Math.round(median(result.reactionTimesMs))} ms` : "–");
  });
});

describe("personal best", () => {
  it("says a first, a new best with its margin, an equal, and how far short", () => {
    expect(personalBestText(placement(900, null, null))).toBe("First personal best on this scenario");
    expect(personalBestText(placement(1354, 1234, 120))).toBe("New personal best, +120");
    expect(personalBestText(placement(1234, 1234, null))).toBe("PB 1,234, equalled");
    expect(personalBestText(placement(1178, 1234, null))).toBe("PB 1,234, 56 short");
  });
});

describe("the live region's sentence", () => {
  const run = { id: "r1", verdict: "verified" } as FinishedRun;
  it("follows the run from verifying to its verdict and this week's rank", () => {
    expect(announcement(1234, null, null)).toBe("Score 1234, practice run, not ranked");
    expect(announcement(1234, { state: "pending" }, null)).toBe("Score 1234, verifying");
    expect(announcement(1234, { state: "failed", failure: { status: 0, code: "network", message: "offline" } }, null)).toBe("Score 1234, not submitted: offline");
    const boards: RunPlacement["boards"] = [
      { period: "day", key: "2026-11-27", tier: "all", rank: 1, size: 4, topPercent: 25, improved: true },
      { period: "week", key: "2026-W48", tier: "all", rank: 3, size: 40, topPercent: 8, improved: true },
    ];
    expect(announcement(1234, { state: "done", run }, { state: "done", placement: placement(1234, 1114, 120, boards) })).toBe(
      "Score 1234, verified, rank 3 this week, new personal best, +120",
    );
  });
});

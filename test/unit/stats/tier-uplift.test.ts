/**
 * The free-vs-Ultimate figures (server/stats/tier-uplift.ts) on fixtures worked out by hand: who
 * counts in the paired figure (both tiers, a free best above 0) and who does not, the kiosk pairs,
 * the per-tier distributions and histogram, medians of odd and even counts, and a bootstrap interval
 * that is deterministic, holds the median, and equals a plain resample-and-sort bootstrap.
 */
import { describe, expect, it } from "vitest";
import { Rng } from "../../../game/core";
import { BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED, bootstrapMedianInterval, kioskFigure, pairedFigure, quantile, tierUplift, type PlayerTierBest } from "../../../server/stats/tier-uplift";

const best = (playerId: string, tier: "free" | "ultimate", score: number, runs = 1): PlayerTierBest => ({ playerId, tier, best: score, runs });

/** A 100/150 (1.5), B 200/240 (1.2), C 50/100 (2.0); D free only, E Ultimate only; F's free best is 0. */
const FIXTURE: PlayerTierBest[] = [
  best("A", "free", 100, 2), best("A", "ultimate", 150, 1),
  best("B", "free", 200, 1), best("B", "ultimate", 240, 3),
  best("C", "free", 50, 1), best("C", "ultimate", 100, 1),
  best("D", "free", 300, 4),
  best("E", "ultimate", 500, 2),
  best("F", "free", 0, 1), best("F", "ultimate", 80, 1),
];

describe("the paired figure", () => {
  it("counts only players on both tiers with a free best above 0: median and quartiles of an odd count", () => {
    const paired = pairedFigure(FIXTURE);
    // Ratios 1.2, 1.5, 2.0: median 1.5; quartiles at positions 0.5 and 1.5 (linear).
    expect(paired).toMatchObject({ n: 3, median: 1.5, players: 4, runs: 3 + 4 + 2 + 2, excludedNonPositiveFree: 1, onlyFree: 1, onlyUltimate: 1, higherOnUltimate: 3 });
    expect(paired.q1).toBeCloseTo(1.35, 12);
    expect(paired.q3).toBeCloseTo(1.75, 12);
  });

  it("takes the mean of the middle two for an even count, and counts a player worse on Ultimate", () => {
    const paired = pairedFigure([...FIXTURE, best("G", "free", 100), best("G", "ultimate", 90)]);
    // Ratios 0.9, 1.2, 1.5, 2.0.
    expect(paired).toMatchObject({ n: 4, players: 5, higherOnUltimate: 3 });
    expect(paired.median).toBeCloseTo(1.35, 12);
    expect(paired.q1).toBeCloseTo(1.125, 12);
    expect(paired.q3).toBeCloseTo(1.625, 12);
  });

  it("is empty, not an error, when nobody played both tiers", () => {
    expect(pairedFigure([best("D", "free", 300), best("E", "ultimate", 500)])).toEqual({
      n: 0, median: null, q1: null, q3: null, interval: null, players: 0, runs: 0, excludedNonPositiveFree: 0, onlyFree: 1, onlyUltimate: 1, higherOnUltimate: 0,
    });
  });
});

describe("the kiosk figure", () => {
  it("takes one ratio per verified visit, counts players once, and leaves out a free score of 0", () => {
    const kiosk = kioskFigure([
      { playerId: "P1", free: 100, ultimate: 170 }, // 1.7
      { playerId: "P1", free: 120, ultimate: 180 }, // 1.5: a second visit of the same player
      { playerId: "P2", free: 80, ultimate: 100 }, // 1.25
      { playerId: "P3", free: 0, ultimate: 50 }, // no ratio
    ]);
    expect(kiosk).toMatchObject({ n: 3, median: 1.5, visits: 4, players: 3, runs: 8, excludedNonPositiveFree: 1 });
    expect(kiosk.q1).toBeCloseTo(1.375, 12);
    expect(kiosk.q3).toBeCloseTo(1.6, 12);
  });
});

describe("the per-tier distributions", () => {
  it("summarise each player's best per tier, bin both tiers alike, and set the seed's claim beside them", () => {
    const stats = tierUplift({ bests: FIXTURE, pairs: [] });
    // Free bests 0, 50, 100, 200, 300; Ultimate bests 80, 100, 150, 240, 500.
    expect(stats.tiers).toEqual({
      free: { players: 5, runs: 9, median: 100, q1: 50, q3: 200 },
      ultimate: { players: 5, runs: 8, median: 150, q1: 100, q3: 240 },
    });
    expect(stats.unpairedMedianRatio).toBe(1.5);
    // Span 500 in at most 20 bins: width 50 from 0, so 11 bins (500 is in [500, 550)).
    expect(stats.histogram).toEqual({
      edges: [0, 50, 100, 150, 200, 250, 300, 350, 400, 450, 500, 550],
      free: [1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 0],
      ultimate: [0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1],
    });
    expect(stats.kiosk).toMatchObject({ n: 0, visits: 0, median: null, interval: null });
    expect(stats.claim.ratio).toBe(1.6);
    expect(stats.method).toEqual({ confidence: 0.95, resamples: BOOTSTRAP_RESAMPLES, seed: BOOTSTRAP_SEED });
  });

  it("has no bins without runs", () => {
    expect(tierUplift({ bests: [], pairs: [] }).histogram).toEqual({ edges: [], free: [], ultimate: [] });
  });
});

describe("the bootstrap interval of the median", () => {
  const ratios = [0.8, 0.95, 1.1, 1.2, 1.25, 1.3, 1.4, 1.5, 1.55, 1.7, 2.1, 2.6];

  it("is deterministic, ordered and holds the median", () => {
    const a = bootstrapMedianInterval(ratios)!;
    expect(bootstrapMedianInterval(ratios)).toEqual(a);
    const median = quantile(ratios, 0.5)!;
    expect(a.low).toBeLessThanOrEqual(median);
    expect(a.high).toBeGreaterThanOrEqual(median);
    expect(a.low).toBeGreaterThanOrEqual(ratios[0]!);
    expect(a.high).toBeLessThanOrEqual(ratios.at(-1)!);
    expect(a.high).toBeGreaterThan(a.low);
  });

  it("equals a plain bootstrap that sorts every resample (same draws), for odd and even counts", () => {
    const plain = (sorted: number[], resamples: number, seed: number) => {
      const rng = new Rng(seed);
      const medians = Array.from({ length: resamples }, () => {
        const sample = sorted.map(() => sorted[rng.int(sorted.length)]!).sort((x, y) => x - y);
        return quantile(sample, 0.5)!;
      }).sort((x, y) => x - y);
      return { low: quantile(medians, 0.025), high: quantile(medians, 0.975) };
    };
    for (const values of [ratios, ratios.slice(1)]) {
      expect(bootstrapMedianInterval(values, 500, 7)).toEqual(plain(values, 500, 7));
    }
  });

  it("is the value itself for one ratio, and null for none", () => {
    expect(bootstrapMedianInterval([1.4])).toEqual({ low: 1.4, high: 1.4 });
    expect(bootstrapMedianInterval([])).toBeNull();
  });
});

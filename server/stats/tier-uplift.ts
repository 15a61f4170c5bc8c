/**
 * The free-vs-Ultimate figures (docs/stats.md), computed from what the database read gives
 * (server/stats/read-tier-stats.ts): no I/O here, so tests compute them on fixtures known by hand.
 *
 * - The paired figure: players with verified runs on both tiers of a scenario, each player's best
 *   Ultimate score / best free score; its median, quartiles and a bootstrap 95 % interval of the median.
 * - The kiosk figure: booth visits with both runs verified, ultimate score / free score per visit.
 * - Per tier on its own: each player's best, its median and quartiles, and a shared histogram.
 *
 * A ratio needs a free score above 0: a player (or visit) whose free best is 0 or below has no ratio
 * and is counted in `excludedNonPositiveFree` instead. Quantiles interpolate linearly between order
 * statistics (Hyndman & Fan type 7, numpy's default), so the median of an even count is the mean of
 * the middle two. The interval is a percentile bootstrap with a fixed seed (game/core's PRNG), so the
 * same data always gives the same answer.
 */
import { Rng, type TierName } from "../../game/core";
import { SEED_CLAIM, type KioskFigure, type PairedFigure, type RatioSummary, type TierDistribution, type TierHistogram, type TierStats } from "../../lib/contracts/stats";

export const BOOTSTRAP_RESAMPLES = 2000;
/** The bootstrap's PRNG seed: fixed, so the interval is the same for the same data. */
export const BOOTSTRAP_SEED = 0x5eed1600;
/** At most this many histogram bins. */
const MAX_BINS = 20;

/** One player's verified runs on one tier of a scenario: how many, and the best score. */
export interface PlayerTierBest {
  playerId: string;
  tier: TierName;
  best: number;
  runs: number;
}

/** One booth visit whose two runs were verified. */
export interface BoothPair {
  playerId: string;
  free: number;
  ultimate: number;
}

/** The p-quantile (0..1) of ascending values, interpolating linearly (type 7); null for none. */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Percentile bootstrap interval of the median of ascending `sorted`: `resamples` resamples of the
 * same size drawn with replacement, the 2.5th and 97.5th percentiles of their medians. A resample is
 * drawn as counts per index (the values are sorted, so the index order is the value order) and its
 * median read off the running count: O(n) per resample, no sorting.
 */
export function bootstrapMedianInterval(sorted: readonly number[], resamples = BOOTSTRAP_RESAMPLES, seed = BOOTSTRAP_SEED): { low: number; high: number } | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rng = new Rng(seed);
  const counts = new Uint32Array(n);
  const medians = new Float64Array(resamples);
  const lowRank = (n - 1) >> 1; // 0-based ranks of the middle one or two
  const highRank = n >> 1;
  for (let r = 0; r < resamples; r++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[rng.int(n)]!++;
    let seen = 0;
    let low = NaN;
    for (let i = 0; i < n; i++) {
      seen += counts[i]!;
      if (Number.isNaN(low) && seen > lowRank) low = sorted[i]!;
      if (seen > highRank) {
        medians[r] = (low + sorted[i]!) / 2;
        break;
      }
    }
  }
  medians.sort();
  const all = Array.from(medians);
  return { low: quantile(all, 0.025)!, high: quantile(all, 0.975)! };
}

/** Median, quartiles and the bootstrap interval of the median of some values. */
export function summarise(values: readonly number[]): RatioSummary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    interval: bootstrapMedianInterval(sorted),
  };
}

/** Each player's bests on the two tiers (a tier they did not play is absent). */
function byPlayer(bests: readonly PlayerTierBest[]): Map<string, Partial<Record<TierName, PlayerTierBest>>> {
  const players = new Map<string, Partial<Record<TierName, PlayerTierBest>>>();
  for (const b of bests) players.set(b.playerId, { ...players.get(b.playerId), [b.tier]: b });
  return players;
}

/** The paired figure: best Ultimate / best free of each player on both tiers. */
export function pairedFigure(bests: readonly PlayerTierBest[]): PairedFigure {
  const ratios: number[] = [];
  let players = 0, runs = 0, excluded = 0, onlyFree = 0, onlyUltimate = 0;
  for (const { free, ultimate } of byPlayer(bests).values()) {
    if (!free || !ultimate) {
      if (free) onlyFree++;
      else onlyUltimate++;
      continue;
    }
    players++;
    runs += free.runs + ultimate.runs;
    if (free.best > 0) ratios.push(ultimate.best / free.best);
    else excluded++;
  }
  return {
    ...summarise(ratios),
    players,
    runs,
    excludedNonPositiveFree: excluded,
    onlyFree,
    onlyUltimate,
    higherOnUltimate: ratios.filter((r) => r > 1).length,
  };
}

/** The kiosk figure: ultimate / free per booth visit. */
export function kioskFigure(pairs: readonly BoothPair[]): KioskFigure {
  const ratios = pairs.filter((p) => p.free > 0).map((p) => p.ultimate / p.free);
  return {
    ...summarise(ratios),
    visits: pairs.length,
    players: new Set(pairs.map((p) => p.playerId)).size,
    runs: pairs.length * 2,
    excludedNonPositiveFree: pairs.length - ratios.length,
  };
}

function distribution(rows: readonly PlayerTierBest[]): TierDistribution {
  const sorted = rows.map((r) => r.best).sort((a, b) => a - b);
  return {
    players: rows.length,
    runs: rows.reduce((sum, r) => sum + r.runs, 0),
    median: quantile(sorted, 0.5),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
  };
}

/** A round bin width (1, 2 or 5 times a power of ten, at least 1: scores are integers) giving at most MAX_BINS bins. */
function binWidth(span: number): number {
  const raw = Math.max(1, span / MAX_BINS);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((w) => w >= raw)!;
  return Math.max(1, step);
}

/** Players per band of best score, the same bands for both tiers: [edges[i], edges[i+1]). */
export function histogram(bests: readonly PlayerTierBest[]): TierHistogram {
  if (bests.length === 0) return { edges: [], free: [], ultimate: [] };
  // A loop, not Math.min(...scores): an argument list that long can overflow the stack.
  let min = Infinity, max = -Infinity;
  for (const b of bests) {
    min = Math.min(min, b.best);
    max = Math.max(max, b.best);
  }
  const width = binWidth(max - min);
  const start = Math.floor(min / width) * width;
  const bins = Math.floor((max - start) / width) + 1;
  const counts = { free: new Array<number>(bins).fill(0), ultimate: new Array<number>(bins).fill(0) };
  for (const b of bests) counts[b.tier][Math.floor((b.best - start) / width)]!++;
  return { edges: Array.from({ length: bins + 1 }, (_, i) => start + i * width), ...counts };
}

/** Every figure of the comparison but the scenario and period they are for. */
export function tierUplift(input: { bests: readonly PlayerTierBest[]; pairs: readonly BoothPair[] }): Omit<TierStats, "scenario" | "period"> {
  const free = distribution(input.bests.filter((b) => b.tier === "free"));
  const ultimate = distribution(input.bests.filter((b) => b.tier === "ultimate"));
  return {
    paired: pairedFigure(input.bests),
    kiosk: kioskFigure(input.pairs),
    tiers: { free, ultimate },
    histogram: histogram(input.bests),
    unpairedMedianRatio: free.median !== null && free.median > 0 && ultimate.median !== null ? ultimate.median / free.median : null,
    claim: SEED_CLAIM,
    method: { confidence: 0.95, resamples: BOOTSTRAP_RESAMPLES, seed: BOOTSTRAP_SEED },
  };
}

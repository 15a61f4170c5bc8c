/**
 * The free-vs-Ultimate comparison (GET /api/stats/tiers, the /stats/tiers page; docs/stats.md):
 * figures computed from stored verified runs, each with the number of players and runs behind it.
 */
import type { PeriodKind } from "./boards";

/** What the challenge's source article claimed (docs/stats.md quotes it). */
export const SEED_CLAIM = {
  ratio: 1.6,
  text: "participants immediately saw their gaming scores improve by 1.6x just from playing on an Ultimate membership",
} as const;

/** A median with its spread: quartiles and a bootstrap 95 % interval of the median. Null medians when n is 0. */
export interface RatioSummary {
  /** How many ratios the figure is made of. */
  n: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
  /** Percentile bootstrap 95 % interval of the median; null when n is 0. */
  interval: { low: number; high: number } | null;
}

/** Players with verified runs on both tiers: each player's best Ultimate score / best free score. */
export interface PairedFigure extends RatioSummary {
  /** Players with verified runs on both tiers (those excluded below included). */
  players: number;
  /** The verified runs of those players on this scenario and period, both tiers. */
  runs: number;
  /** Players on both tiers whose best free score is 0 or below: no ratio, left out of n. */
  excludedNonPositiveFree: number;
  /** Players on one tier only: not in this figure. */
  onlyFree: number;
  onlyUltimate: number;
  /** Of the n players, how many scored higher on Ultimate than on free. */
  higherOnUltimate: number;
}

/** Booth visits whose free and Ultimate runs were both verified: ultimate score / free score per visit. */
export interface KioskFigure extends RatioSummary {
  /** Verified pairs (visits), those excluded below included. */
  visits: number;
  /** Distinct players behind those visits. */
  players: number;
  /** Two runs per visit. */
  runs: number;
  excludedNonPositiveFree: number;
}

/** One tier on its own: each player's best score there. */
export interface TierDistribution {
  players: number;
  runs: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
}

/** Players per band of best score, per tier; `edges` has one more entry than each count list. */
export interface TierHistogram {
  edges: number[];
  free: number[];
  ultimate: number[];
}

export interface TierStats {
  scenario: string;
  period: { kind: PeriodKind; key: string; startsAt: string | null; endsAt: string | null };
  paired: PairedFigure;
  kiosk: KioskFigure;
  tiers: { free: TierDistribution; ultimate: TierDistribution };
  histogram: TierHistogram;
  /** Median Ultimate best / median free best over different people: the naive comparison, shown for contrast. */
  unpairedMedianRatio: number | null;
  claim: typeof SEED_CLAIM;
  method: { confidence: 0.95; resamples: number; seed: number };
}

export interface TierStatsAnswer {
  stats: TierStats;
}

/**
 * Streaming tiers: a frame-rate cap and an added input latency (docs/scoring.md,
 * "Tiers"). Both are enforced by the simulation and re-checked by the server.
 */

export type TierName = "free" | "ultimate";

export interface Tier {
  readonly name: TierName;
  /** Maximum presented frames per second. */
  readonly fpsCap: number;
  /** Every input takes effect this much later. Must be a multiple of 1/16 ms. */
  readonly addedLatencyMs: number;
}

export const TIERS = {
  free: { name: "free", fpsCap: 60, addedLatencyMs: 40 },
  ultimate: { name: "ultimate", fpsCap: 240, addedLatencyMs: 10 },
} as const satisfies Record<TierName, Tier>;

export const tierNames: readonly TierName[] = ["free", "ultimate"];

export function getTier(name: string): Tier | undefined {
  return name === "free" || name === "ultimate" ? TIERS[name] : undefined;
}

/** A presented-frame interval may undercut 1000/fpsCap by at most this much. */
export const FRAME_CAP_TOLERANCE_MS = 0.5;

/** Smallest allowed interval between two presented frames, ms. */
export function minFrameIntervalMs(tier: Tier): number {
  return 1000 / tier.fpsCap - FRAME_CAP_TOLERANCE_MS;
}

export interface FrameCapReport {
  /** Number of presented-frame intervals shorter than minFrameIntervalMs(tier). */
  violations: number;
  /** Index (into frameTimes) of the first frame that came too early. */
  firstViolationIndex?: number;
  /** 1000 / medianIntervalMs (0 with fewer than two frames or a zero median). */
  achievedFps: number;
  medianIntervalMs: number;
  /** Nearest-rank 99th percentile interval. */
  p99IntervalMs: number;
  /** achievedFps <= fpsCap, i.e. the median interval respects the cap (with tolerance). */
  belowCap: boolean;
}

/** Checks presented-frame timestamps (ms, non-decreasing) against the tier's cap. */
export function checkFrameCap(frameTimes: ArrayLike<number>, tier: Tier): FrameCapReport {
  const n = frameTimes.length;
  const minInterval = minFrameIntervalMs(tier);
  if (n < 2) {
    return { violations: 0, achievedFps: 0, medianIntervalMs: 0, p99IntervalMs: 0, belowCap: true };
  }
  const intervals = new Float64Array(n - 1);
  let violations = 0;
  let firstViolationIndex: number | undefined;
  for (let i = 1; i < n; i++) {
    const d = frameTimes[i]! - frameTimes[i - 1]!;
    intervals[i - 1] = d;
    if (d < minInterval) {
      violations++;
      if (firstViolationIndex === undefined) firstViolationIndex = i;
    }
  }
  intervals.sort();
  const m = intervals.length;
  const median = m % 2 === 1 ? intervals[(m - 1) / 2]! : (intervals[m / 2 - 1]! + intervals[m / 2]!) / 2;
  const p99 = intervals[Math.max(0, Math.ceil(0.99 * m) - 1)]!;
  const achievedFps = median > 0 ? 1000 / median : 0;
  const report: FrameCapReport = {
    violations,
    achievedFps,
    medianIntervalMs: median,
    p99IntervalMs: p99,
    belowCap: median >= minInterval,
  };
  if (firstViolationIndex !== undefined) report.firstViolationIndex = firstViolationIndex;
  return report;
}

/** What the benchmarks share: deterministic data, timing, a concurrent load loop, and formatting. */
import v8 from "node:v8";
import vm from "node:vm";
import { Rng } from "../game/core";
import type { RankEntry } from "../server/boards/rank-index";

/** A forced full GC if we can get one (for heap deltas); a no-op otherwise. */
export const gc: () => void = (() => {
  try {
    v8.setFlagsFromString("--expose-gc");
    return vm.runInNewContext("gc") as () => void;
  } catch {
    return () => {};
  }
})();

/** Deterministic random numbers in [0, 1) (the game core's PRNG), so failures reproduce. */
export function prng(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
export function cuidLike(rnd: () => number): string {
  let s = "c";
  for (let i = 0; i < 24; i++) s += ALPHABET[Math.floor(rnd() * 36)];
  return s;
}

function normal(rnd: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}

export const CHALLENGE_START = Date.parse("2026-11-19T06:00:00Z");
export const SEVEN_WEEKS = 7 * 7 * 86_400_000;

/**
 * `n` board entries of unique players with cuid-like ids, scores ~ normal(70 000, 12 000) rounded to
 * integers (so many ties, decided by achievedAt and run id), achievedAt spread over seven weeks.
 */
export function generateEntries(n: number, rnd: () => number, start = CHALLENGE_START): RankEntry[] {
  const out: RankEntry[] = new Array(n);
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    let playerId = cuidLike(rnd);
    while (seen.has(playerId)) playerId = cuidLike(rnd);
    seen.add(playerId);
    out[i] = {
      playerId,
      score: Math.max(0, Math.round(70_000 + 12_000 * normal(rnd))),
      achievedAt: start + Math.floor(rnd() * SEVEN_WEEKS),
      runId: cuidLike(rnd),
    };
  }
  return out;
}

export interface Latency {
  p50: number;
  p99: number;
}

export function percentiles(ms: ArrayLike<number>): Latency {
  const s = Float64Array.from(ms).sort();
  return { p50: s[Math.floor(0.5 * (s.length - 1))]!, p99: s[Math.floor(0.99 * (s.length - 1))]! };
}

export interface LoadResult extends Latency {
  count: number;
  perSecond: number;
  failures: number;
}

/**
 * Calls `call(i)` for i = 0..count-1 with `concurrency` calls in flight, and measures each call's
 * latency and the overall rate. A call that throws counts as a failure (its first error is kept).
 */
export async function load(concurrency: number, count: number, call: (i: number) => Promise<void>): Promise<LoadResult & { firstError?: unknown }> {
  const latencies = new Float64Array(count);
  let next = 0;
  let failures = 0;
  let firstError: unknown;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) {
        const t = performance.now();
        try {
          await call(i);
        } catch (err) {
          failures++;
          firstError ??= err;
        }
        latencies[i] = performance.now() - t;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { count, perSecond: count / seconds, failures, firstError, ...percentiles(latencies) };
}

export function dur(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(1)} µs`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 0)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export const rate = (perSecond: number) => `${Math.round(perSecond).toLocaleString("en-US")}/s`;
export const ratio = (a: number, b: number) => `${(a / b).toFixed(a / b < 10 ? 2 : 0)}×`;
export const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MiB`;

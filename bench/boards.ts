/**
 * bench:boards — the leaderboard rank index (server/boards/rank-index.ts, in process) against the
 * same operations on a Redis sorted set (server/boards/redis-rank.ts, a throwaway local
 * redis-server), at 100 k and 1 M entries.
 *
 * Data: unique players with cuid-like ids, scores ~ normal(70 000, 12 000) rounded to integers
 * (so many ties, decided by achievedAt and run id), achievedAt spread over seven weeks. Measured:
 * build (bulk build from an unsorted array / pipelined load + atomic swap into Redis), top-10 and
 * rank-of-player latency p50/p99 over 10 000 calls (random players), around(±5), and submissions
 * per second (keep-best upserts of random players, half improving their score, half not).
 * Redis calls are awaited one at a time, so each latency includes a loopback round trip; Redis
 * submissions are also measured pipelined (1 000 in flight). Both sides end with the same board,
 * which is checked.
 */
import fs from "node:fs";
import { BoardRankIndex, type RankEntry } from "../server/boards/rank-index";
import { connectRedis, RedisBoardRank } from "../server/boards/redis-rank";
import { REDIS_SERVER, startRedis } from "../test/support/redis";
import { CHALLENGE_START, cuidLike, dur, gc, generateEntries, mb, percentiles, prng, rate, ratio, SEVEN_WEEKS, type Latency } from "./support";

const LOOKUPS = 10_000;
const SUBMISSIONS = 100_000;
const SEQUENTIAL_REDIS_SUBMISSIONS = 20_000;

type Client = Awaited<ReturnType<typeof connectRedis>>;

/** Submissions for random players: half improve their score, half do not. */
function submissions(entries: RankEntry[], count: number, rnd: () => number): RankEntry[] {
  const out: RankEntry[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const e = entries[Math.floor(rnd() * entries.length)]!;
    const delta = 1 + Math.floor(rnd() * 2000);
    out[i] = {
      playerId: e.playerId,
      score: rnd() < 0.5 ? e.score + delta : Math.max(0, e.score - delta),
      achievedAt: CHALLENGE_START + SEVEN_WEEKS + i,
      runId: cuidLike(rnd),
    };
  }
  return out;
}

function timeEach(count: number, fn: (i: number) => void): Latency {
  for (let i = 0; i < Math.min(1000, count); i++) fn(i); // warm-up
  const ms: number[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    fn(i);
    ms[i] = performance.now() - t;
  }
  return percentiles(ms);
}

async function timeEachAsync(count: number, fn: (i: number) => Promise<unknown>): Promise<Latency> {
  for (let i = 0; i < Math.min(500, count); i++) await fn(i);
  const ms: number[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await fn(i);
    ms[i] = performance.now() - t;
  }
  return percentiles(ms);
}

async function redisUsedMemory(client: Client): Promise<number> {
  const info = String(await client.sendCommand(["INFO", "memory"]));
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? NaN);
}

async function benchSize(n: number, client: Client | null): Promise<string[]> {
  const label = n >= 1_000_000 ? `${n / 1_000_000} M` : `${n / 1000} k`;
  const lines: string[] = [];
  const rnd = prng(n);
  const entries = generateEntries(n, rnd);
  const lookups = Array.from({ length: LOOKUPS }, () => entries[Math.floor(rnd() * n)]!.playerId);
  const subs = submissions(entries, SUBMISSIONS, rnd);

  // ---- in process
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let t = performance.now();
  const index = BoardRankIndex.fromEntries(entries);
  const buildMs = performance.now() - t;
  gc();
  const heapMb = process.memoryUsage().heapUsed - heapBefore;
  const topL = timeEach(LOOKUPS, () => index.top(10));
  const rankL = timeEach(LOOKUPS, (i) => index.rankOf(lookups[i]!));
  const aroundL = timeEach(LOOKUPS, (i) => index.around(lookups[i]!, 5));
  t = performance.now();
  let changed = 0;
  for (const s of subs) if (index.upsertBest(s)) changed++;
  const subsPerSec = SUBMISSIONS / ((performance.now() - t) / 1000);
  const depthProbe = index.top(1).length; // keep the index alive past the timings
  lines.push(
    `${label} in-process: build ${dur(buildMs)} (heap +${mb(heapMb)}), top-10 p50 ${dur(topL.p50)} p99 ${dur(topL.p99)}, ` +
      `rank-of-player p50 ${dur(rankL.p50)} p99 ${dur(rankL.p99)}, around ±5 p50 ${dur(aroundL.p50)} p99 ${dur(aroundL.p99)}, ` +
      `submissions ${rate(subsPerSec)} (${changed.toLocaleString("en-US")} of ${SUBMISSIONS.toLocaleString("en-US")} improved)` +
      (depthProbe ? "" : " [empty]"),
  );
  if (!client) return lines;

  // ---- Redis
  await client.sendCommand(["FLUSHALL"]);
  const memBefore = await redisUsedMemory(client);
  const board = new RedisBoardRank(client, `bench|${n}`);
  t = performance.now();
  await board.load(entries, { batchSize: 1000, inFlight: 16 });
  const rBuildMs = performance.now() - t;
  const memAfter = await redisUsedMemory(client);
  const rTopL = await timeEachAsync(LOOKUPS, () => board.top(10));
  const rRankL = await timeEachAsync(LOOKUPS, (i) => board.rankOf(lookups[i]!));
  const rAroundL = await timeEachAsync(LOOKUPS, (i) => board.around(lookups[i]!, 5));
  // The same submissions in the same order: first a sequential share, then the rest pipelined.
  t = performance.now();
  let rChanged = 0;
  for (let i = 0; i < SEQUENTIAL_REDIS_SUBMISSIONS; i++) if (await board.upsertBest(subs[i]!)) rChanged++;
  const rSeqPerSec = SEQUENTIAL_REDIS_SUBMISSIONS / ((performance.now() - t) / 1000);
  t = performance.now();
  for (let i = SEQUENTIAL_REDIS_SUBMISSIONS; i < SUBMISSIONS; i += 1000) {
    // Sequential per player is not needed: keep-best is order-independent, and each call is atomic.
    const results = await Promise.all(subs.slice(i, i + 1000).map((s) => board.upsertBest(s)));
    rChanged += results.filter(Boolean).length;
  }
  const rPipePerSec = (SUBMISSIONS - SEQUENTIAL_REDIS_SUBMISSIONS) / ((performance.now() - t) / 1000);

  // Both sides must hold the same board now.
  let agree = 0;
  for (const p of lookups.slice(0, 1000)) if ((await board.rankOf(p)) === index.rankOf(p)) agree++;
  const sameTop = JSON.stringify(await board.top(100)) === JSON.stringify(index.top(100));
  const sameSize = (await board.size()) === index.size && rChanged === changed;

  lines.push(
    `${label} Redis sorted set: load ${dur(rBuildMs)} (pipelined batches of 1 000, Redis memory +${mb(memAfter - memBefore)}), ` +
      `top-10 p50 ${dur(rTopL.p50)} p99 ${dur(rTopL.p99)}, rank-of-player p50 ${dur(rRankL.p50)} p99 ${dur(rRankL.p99)}, ` +
      `around ±5 p50 ${dur(rAroundL.p50)} p99 ${dur(rAroundL.p99)} (each call awaited: a loopback round trip), ` +
      `submissions ${rate(rSeqPerSec)} awaited one by one, ${rate(rPipePerSec)} pipelined (1 000 in flight)`,
  );
  lines.push(
    `${label} Redis / in-process: build ${ratio(rBuildMs, buildMs)}, top-10 p50 ${ratio(rTopL.p50, topL.p50)} p99 ${ratio(rTopL.p99, topL.p99)}, ` +
      `rank p50 ${ratio(rRankL.p50, rankL.p50)} p99 ${ratio(rRankL.p99, rankL.p99)}, around p50 ${ratio(rAroundL.p50, aroundL.p50)}, ` +
      `time per submission ${ratio(1 / rSeqPerSec, 1 / subsPerSec)} awaited / ${ratio(1 / rPipePerSec, 1 / subsPerSec)} pipelined; ` +
      `same board after the submissions: ranks ${agree}/1000, top-100 ${sameTop ? "equal" : "DIFFERENT"}, size ${sameSize ? "equal" : "DIFFERENT"}`,
  );
  await client.sendCommand(["FLUSHALL"]);
  return lines;
}

export async function benchBoards(): Promise<string[]> {
  const lines: string[] = [];
  const haveRedis = fs.existsSync(REDIS_SERVER);
  const redis = haveRedis ? await startRedis() : null;
  const client = redis ? await connectRedis(redis.url) : null;
  try {
    lines.push(
      `rank index: counted B+-tree in process vs Redis ${client ? String(await client.sendCommand(["INFO", "server"])).match(/redis_version:(\S+)/)?.[1] : "(not installed: skipped)"} ` +
        `sorted set on loopback; ${LOOKUPS.toLocaleString("en-US")} lookups of random players, ${SUBMISSIONS.toLocaleString("en-US")} submissions; Node ${process.version}`,
    );
    for (const n of [100_000, 1_000_000]) lines.push(...(await benchSize(n, client)));
  } finally {
    await client?.close();
    await redis?.stop();
  }
  return lines;
}

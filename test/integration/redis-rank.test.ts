/** RedisBoardRank on a real, throwaway Redis agrees with the in-process BoardRankIndex. */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BoardRankIndex, compareEntries, type RankEntry } from "../../server/boards/rank-index";
import { connectRedis, RedisBoardRank } from "../../server/boards/redis-rank";
import { REDIS_SERVER, startRedis, type LocalRedis } from "../support/redis";
import { Rng } from "../../game/core";

/** Deterministic random numbers in [0, 1) (the game core's PRNG), so failures reproduce. */
function prng(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

describe.skipIf(!fs.existsSync(REDIS_SERVER))("RedisBoardRank", () => {
  let redis: LocalRedis;
  let client: Awaited<ReturnType<typeof connectRedis>>;
  let boards = 0;
  const freshBoard = () => new RedisBoardRank(client, `test|week|2026-11-19T00:00|all|${boards++}`);

  beforeAll(async () => {
    redis = await startRedis();
    client = await connectRedis(redis.url);
  });
  afterAll(async () => {
    await client?.close();
    await redis?.stop();
  });

  it("orders by score desc, achievedAt asc, runId asc (byte order, prefixes first) like the index", async () => {
    const r = freshBoard();
    const local = new BoardRankIndex();
    const entries: RankEntry[] = [
      { playerId: "p1", score: 500, achievedAt: 2000, runId: "run10" },
      { playerId: "p2", score: 500, achievedAt: 2000, runId: "run1" }, // a prefix of "run10": first
      { playerId: "p3", score: 500, achievedAt: 2000, runId: "run1!" }, // '!' is the lowest id character
      { playerId: "p4", score: 500, achievedAt: 999, runId: "zzz" }, // earlier wins over run id
      { playerId: "p5", score: 501, achievedAt: 99_999_999_999_999, runId: "a" },
      { playerId: "p6", score: 0, achievedAt: 0, runId: "Z" },
      { playerId: "p7", score: -3, achievedAt: 1, runId: "A" },
      { playerId: "p8", score: 2 ** 31 - 1, achievedAt: 1_790_000_000_000, runId: "cmhx0k2f10000q7l8d9e3abcd" },
    ];
    for (const e of entries) expect(await r.upsertBest(e)).toBe(local.upsertBest(e));
    expect(await r.top(100)).toEqual(local.top(100));
    expect((await r.top(100)).map((e) => e.playerId)).toEqual(["p8", "p5", "p4", "p2", "p3", "p1", "p6", "p7"]);
    for (const e of entries) expect(await r.rankOf(e.playerId)).toBe(local.rankOf(e.playerId));
    expect(await r.rankOf("nobody")).toBeNull();
    expect(await r.around("nobody", 3)).toBeNull();
    expect(await r.entryOf("p6")).toEqual(local.entryOf("p6"));
    expect(await r.entryOf("nobody")).toBeUndefined();
    expect(await r.size()).toBe(8);
    expect(await r.top(0)).toEqual([]);
  });

  it("keeps the best entry per player, atomically under concurrent submissions", async () => {
    const r = freshBoard();
    const local = new BoardRankIndex();
    const rnd = prng(5);
    const subs: RankEntry[] = [];
    for (let i = 0; i < 400; i++) {
      subs.push({ playerId: `p${i % 7}`, score: Math.floor(rnd() * 20), achievedAt: Math.floor(rnd() * 10), runId: `r${i}`, runTier: "free", fps: 60 });
    }
    // The same run re-scored (same member, better score) replaces the entry; a worse one does not.
    const same: RankEntry = { playerId: "p0", score: 3, achievedAt: 5, runId: "same", runTier: "ultimate", fps: 239.5 };
    expect(await r.upsertBest(same)).toBe(true);
    expect(await r.upsertBest({ ...same, score: 2 })).toBe(false);
    expect(await r.upsertBest(same)).toBe(false);
    expect(await r.upsertBest({ ...same, score: 4 })).toBe(true);
    expect(await r.entryOf("p0")).toEqual({ ...same, score: 4 });
    local.upsertBest({ ...same, score: 4 });
    await Promise.all(subs.map((s) => r.upsertBest(s))); // pipelined, in flight together
    for (const s of subs) local.upsertBest(s);
    expect(await r.top(10)).toEqual(local.top(10));
    expect(await r.size()).toBe(7);
  });

  for (const seed of [11, 12]) {
    it(`seed ${seed}: 3000 random operations give identical results`, async () => {
      const r = freshBoard();
      const local = new BoardRankIndex();
      const rnd = prng(seed);
      const players = Array.from({ length: 250 }, (_, i) => `cplayer${i}`);
      const pick = () => players[Math.floor(rnd() * players.length)]!;
      const scoreRange = seed === 11 ? 8 : 5000; // seed 11: heavy ties
      const submitted: RankEntry[] = [];
      for (let op = 0; op < 3000; op++) {
        const x = rnd();
        if (x < 0.6) {
          const e: RankEntry = {
            playerId: pick(),
            score: Math.floor(rnd() * scoreRange) - 2,
            achievedAt: 1_790_000_000_000 + Math.floor(rnd() * (seed === 11 ? 5 : 1e9)),
            runId: `r${Math.floor(rnd() * 10 ** (1 + Math.floor(rnd() * 4)))}`, // varying lengths
            runTier: rnd() < 0.5 ? "free" : "ultimate",
            fps: rnd() < 0.2 ? null : Math.round(rnd() * 2400) / 10,
          };
          expect(await r.upsertBest(e)).toBe(local.upsertBest(e));
          submitted.push(e);
        } else if (x < 0.67) {
          const p = pick();
          expect(await r.remove(p)).toBe(local.remove(p));
        } else if (x < 0.82) {
          const p = pick();
          expect(await r.rankOf(p)).toBe(local.rankOf(p));
        } else if (x < 0.9) {
          const n = Math.floor(rnd() * 25);
          expect(await r.top(n)).toEqual(local.top(n));
        } else if (x < 0.95) {
          const p = pick();
          const radius = Math.floor(rnd() * 5);
          const found = await r.around(p, radius);
          expect(found && { rank: found.rank, startRank: found.startRank, entries: found.entries }).toEqual(local.around(p, radius));
        } else if (x < 0.975 || submitted.length === 0) {
          const off = Math.floor(rnd() * 260);
          const n = Math.floor(rnd() * 30);
          expect(await r.range(off, n)).toEqual(local.range(off, n));
        } else {
          // A keyset cursor: an entry submitted some time ago, still on the board, beaten since, or removed.
          const cursor = submitted[Math.floor(rnd() * submitted.length)]!;
          expect(await r.positionAfter(cursor)).toBe(local.top(local.size).filter((e) => compareEntries(e, cursor) <= 0).length);
        }
      }
      expect(await r.size()).toBe(local.size);
      expect(await r.top(1000)).toEqual(local.top(1000));
      for (const p of players) expect(await r.rankOf(p)).toBe(local.rankOf(p));
    });
  }

  it("load() replaces a board in one swap and matches fromEntries", async () => {
    const r = freshBoard();
    await r.upsertBest({ playerId: "old", score: 1, achievedAt: 1, runId: "old" });
    const rnd = prng(3);
    const entries: RankEntry[] = Array.from({ length: 5000 }, (_, i) => ({
      playerId: `p${Math.floor(rnd() * 3000)}`,
      score: Math.floor(rnd() * 300),
      achievedAt: Math.floor(rnd() * 1e6),
      runId: `r${i}`,
    }));
    const local = BoardRankIndex.fromEntries(entries);
    expect(await r.load(entries, { batchSize: 100 })).toBe(local.size);
    expect(await r.size()).toBe(local.size);
    expect(await r.rankOf("old")).toBeNull();
    expect(await r.top(local.size)).toEqual(local.top(local.size));
    expect(await client.sendCommand(["KEYS", `${r.zsetKey}:load:*`])).toEqual([]);
    expect(await r.load([])).toBe(0);
    expect(await r.size()).toBe(0);
    expect(await client.sendCommand(["EXISTS", r.zsetKey, r.hashKey])).toBe(0);
  });

  it("reloads its scripts after SCRIPT FLUSH", async () => {
    const r = freshBoard();
    await r.upsertBest({ playerId: "a", score: 1, achievedAt: 1, runId: "x" });
    await client.sendCommand(["SCRIPT", "FLUSH"]);
    expect(await r.rankOf("a")).toBe(1);
    expect(await r.upsertBest({ playerId: "a", score: 2, achievedAt: 1, runId: "y" })).toBe(true);
  });

  it("rejects entries it cannot encode exactly", async () => {
    const r = freshBoard();
    const ok: RankEntry = { playerId: "a", score: 1, achievedAt: 1, runId: "x" };
    await expect(r.upsertBest({ ...ok, playerId: "has space" })).rejects.toThrow(TypeError);
    await expect(r.upsertBest({ ...ok, runId: "é" })).rejects.toThrow(TypeError);
    await expect(r.upsertBest({ ...ok, score: 1.5 })).rejects.toThrow(TypeError);
    await expect(r.upsertBest({ ...ok, achievedAt: -1 })).rejects.toThrow(TypeError);
    await expect(r.top(-1)).rejects.toThrow(RangeError);
    expect(await r.size()).toBe(0);
  });
});

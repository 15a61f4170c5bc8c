/**
 * The two rate limiters hold the same contract: at most `limit` hits per key in any window, a
 * refused hit is not counted, Retry-After says when the oldest hit leaves the window. The Redis one
 * is shared: two clients (two app instances) count against one limit.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectRedis } from "../../server/boards/redis-rank";
import { RateLimited } from "../../server/errors";
import { MemoryRateLimiter, RedisRateLimiter } from "../../server/runs/rate-limit";
import { REDIS_SERVER, startRedis, type LocalRedis } from "../support/redis";

describe("MemoryRateLimiter", () => {
  it("allows `limit` hits per window, refuses the next without counting it, and frees a slot as the window slides", async () => {
    let now = 1_000_000;
    const limiter = new MemoryRateLimiter(() => now);
    for (let i = 0; i < 3; i++) expect(await limiter.take("k", 3, 60_000)).toEqual({ ok: true });
    now += 10_000;
    expect(await limiter.take("k", 3, 60_000)).toEqual({ ok: false, retryAfterSec: 50 });
    expect(await limiter.take("other", 3, 60_000)).toEqual({ ok: true });
    now += 50_001; // the first three leave the window; the refused hit never counted
    for (let i = 0; i < 3; i++) expect(await limiter.take("k", 3, 60_000)).toEqual({ ok: true });
    await expect(limiter.enforce("k", 3, 60_000, "tries")).rejects.toBeInstanceOf(RateLimited);
  });

  it("counts a hit taken after the clock stepped back, and lets it leave with the newest hit before it", async () => {
    let now = 1_000_000;
    const limiter = new MemoryRateLimiter(() => now);
    expect(await limiter.take("k", 2, 60_000)).toEqual({ ok: true });
    now -= 30_000;
    expect(await limiter.take("k", 2, 60_000)).toEqual({ ok: true });
    expect(await limiter.take("k", 2, 60_000)).toEqual({ ok: false, retryAfterSec: 90 });
    now = 1_060_001; // both hits count as taken at 1 000 000: both have left the window
    expect(await limiter.take("k", 2, 60_000)).toEqual({ ok: true });
    expect(await limiter.take("k", 2, 60_000)).toEqual({ ok: true });
  });
});

describe.skipIf(!fs.existsSync(REDIS_SERVER))("RedisRateLimiter", () => {
  let redis: LocalRedis;
  let clients: Awaited<ReturnType<typeof connectRedis>>[];
  beforeAll(async () => {
    redis = await startRedis();
    clients = [await connectRedis(redis.url), await connectRedis(redis.url)];
  });
  afterAll(async () => {
    await Promise.all(clients?.map((c) => c.close()) ?? []);
    await redis?.stop();
  });

  it("counts the hits of every instance against one limit, under concurrency", async () => {
    const [a, b] = clients.map((c) => new RedisRateLimiter(c));
    const verdicts = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a! : b!).take("signup:ip:203.0.113.9", 25, 60_000)));
    expect(verdicts.filter((v) => v.ok)).toHaveLength(25);
    for (const v of verdicts.filter((x) => !x.ok)) expect(v).toEqual({ ok: false, retryAfterSec: 60 });
    expect(await a!.take("signup:ip:198.51.100.1", 25, 60_000)).toEqual({ ok: true });
    await expect(b!.enforce("signup:ip:203.0.113.9", 25, 60_000, "sign-ups")).rejects.toMatchObject({ code: "rate_limited", retryAfterSec: 60 });
  });

  it("frees slots as the window slides, and its keys expire with the window", async () => {
    const limiter = new RedisRateLimiter(clients[0]!);
    expect(await limiter.take("short", 2, 300)).toEqual({ ok: true });
    expect(await limiter.take("short", 2, 300)).toEqual({ ok: true });
    expect((await limiter.take("short", 2, 300)).ok).toBe(false);
    expect(Number(await clients[0]!.sendCommand(["PTTL", "fb:rate:{short}"]))).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 350));
    expect(await limiter.take("short", 2, 300)).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 350));
    expect(Number(await clients[0]!.sendCommand(["EXISTS", "fb:rate:{short}"]))).toBe(0);
  });
});

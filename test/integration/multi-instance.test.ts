/**
 * Two app instances on one PostgreSQL database and one Redis: a run verified on one instance shows
 * up live for a client connected to the other (socket.io Redis adapter), both instances agree on
 * ranks (Redis sorted sets), and they count rate limits together.
 */
import fs from "node:fs";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getScenario, parseSeed, replay, Rng, TIERS } from "../../game/core";
import { apiClient, finishBody } from "../support/api";
import { runHumanClicker, SETTINGS } from "../support/bots";
import { postgresAvailable } from "../support/databases";
import { createDatabase, startPostgres, type LocalPostgres } from "../support/postgres";
import { REDIS_SERVER, startRedis, type LocalRedis } from "../support/redis";
import { grantUltimate } from "../support/memberships";
import { startAppServer, type AppServer } from "../support/server";

const sprint = getScenario("gridshot-sprint")!;

describe.skipIf(!postgresAvailable || !fs.existsSync(REDIS_SERVER))("two instances, PostgreSQL + Redis", () => {
  let pg: LocalPostgres;
  let redis: LocalRedis;
  let a: AppServer;
  let b: AppServer;
  let socket: Socket;
  let env: Record<string, string>;
  beforeAll(async () => {
    [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
    env = { DATABASE_URL: await createDatabase(pg.url, "multi"), REDIS_URL: redis.url, RUN_RATE_PER_PLAYER: "4" };
    a = await startAppServer(env); // migrates and seeds first
    b = await startAppServer(env);
  });
  afterAll(async () => {
    socket?.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
    pg?.stop();
  });

  it("a run finished on instance B reaches a subscriber of instance A, and both agree on ranks", async () => {
    const apiA = apiClient(a.url);
    const apiB = apiClient(b.url);
    const [p1, p2] = [await apiB.player("mi"), await apiB.player("mj")];
    await Promise.all([p1, p2].map((p) => grantUltimate(env.DATABASE_URL, p.id)));
    const runs = await Promise.all([p1, p2].map(async (p) => (await apiB.post("/api/runs", { scenario: sprint.id, tier: "ultimate" }, p.token)).body));
    const logs = runs.map((r, i) => runHumanClicker(sprint, parseSeed(r.seed), TIERS.ultimate, new Rng(90 + i)).sim.log());

    socket = connect(a.url, { path: "/socket.io", transports: ["websocket"] });
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    const updates: { version: number; top: { player: { handle: string }; score: number }[] }[] = [];
    socket.on("board:update", (u) => updates.push(u));
    expect(await socket.emitWithAck("board:subscribe", { scenario: sprint.id, period: "day", tier: "ultimate" })).toMatchObject({ ok: true });

    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(runs[0].startedAt) + sprint.durationMs + 300 - Date.now())));
    const scores = [0, 1].map((i) => replay(sprint, parseSeed(runs[i].seed), TIERS.ultimate, logs[i]!, SETTINGS).score);
    for (const [i, p] of [p1, p2].entries()) {
      const res = await apiB.post(`/api/runs/${runs[i].runId}/finish`, finishBody(logs[i]!, TIERS.ultimate), p.token);
      expect(res.body.run).toMatchObject({ verdict: "verified", score: scores[i] });
    }

    await expect.poll(() => updates.at(-1)?.top.length, { timeout: 5000 }).toBe(2);
    expect(updates.map((u) => u.version)).toEqual(updates.map((_, i) => i + 1));
    const best = scores[0]! >= scores[1]! ? p1 : p2;
    for (const api of [apiA, apiB]) {
      const standing = await api.get(`/api/leaderboards/${sprint.id}/players/${best.id}?period=day&tier=ultimate`);
      expect(standing.body).toMatchObject({ player: { rank: 1, score: Math.max(...scores) }, size: 2 });
    }
  });

  it("counts a player's run starts on both instances against one limit", async () => {
    const [apiA, apiB] = [apiClient(a.url), apiClient(b.url)];
    const p = await apiA.player("rl");
    const answers = [];
    for (let i = 0; i < 6; i++) {
      const api = i % 2 ? apiB : apiA;
      const started = await api.post("/api/runs", { scenario: sprint.id, tier: "free" }, p.token);
      answers.push(started.status);
      // Abandoned at once, so the open-run cap never applies: only the rate limit can refuse.
      if (started.status === 201) expect((await api.post(`/api/runs/${started.body.runId}/abandon`, {}, p.token)).status).toBe(204);
      else expect(started.body.error.code).toBe("rate_limited");
    }
    expect(answers).toEqual([201, 201, 201, 201, 429, 429]);
  });
});

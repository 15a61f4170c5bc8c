/**
 * Disqualifying and reinstating a player from the admin API of the real server, without a restart,
 * once with the in-process rank store and once with the Redis one (REDIS_URL): the player is gone at
 * once from every open board read and from the board:update a socket.io subscriber gets; their prize
 * of a closed week is forfeited and offered down; a run they finish while disqualified gets its
 * verdict but enters no board; reinstating puts them back (that run included), the prize stays
 * forfeited. (That these routes refuse anyone but an admin is admin-auth.test.ts's.)
 */
import fs from "node:fs";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getScenario, parseSeed, Rng, TIERS } from "../../game/core";
import { boardKey, type BoardId } from "../../server/boards/board";
import { connectRedis, RedisBoardRank } from "../../server/boards/redis-rank";
import { openSession } from "../../server/players/session";
import { addAdmin, adminApi, adminSession } from "../support/admin";
import { finishBody } from "../support/api";
import { useAppServer } from "../support/app";
import { recordVerifiedRun } from "../support/boards";
import { runHumanClicker } from "../support/bots";
import { challengeDb, closedWeekWithWinners, WEEKS_ONLY } from "../support/closes";
import { REDIS_SERVER, startRedis, type LocalRedis } from "../support/redis";
import { seededSqliteUrl } from "../support/server";

const sprint = getScenario("gridshot-sprint")!;
const PERIODS = ["day", "week", "challenge", "all"] as const;
const TIER_FILTERS = ["all", "free"] as const;
/** Cy's run of the closed week was on this day (Chicago time): a past day board, never closed. */
const DST_DAY = "2026-10-29";

interface BoardRow {
  rank: number;
  player: { id: string; handle: string };
  score: number;
}

for (const store of ["memory", "redis"] as const) {
  describe.skipIf(store === "redis" && !fs.existsSync(REDIS_SERVER))(`disqualifying a player (${store} rank store)`, () => {
    const databaseUrl = seededSqliteUrl();
    const env: Record<string, string> = { DATABASE_URL: databaseUrl };
    let redis: LocalRedis | undefined;
    let players: Record<string, string>;
    let cyToken: string;
    let account: Awaited<ReturnType<typeof addAdmin>>;
    // Before the server starts: a closed week whose third place is Cy's, and this week's runs of Cy (the best) and Ava.
    beforeAll(async () => {
      if (store === "redis") env.REDIS_URL = (redis = await startRedis()).url;
      const db = await challengeDb(databaseUrl, WEEKS_ONLY);
      try {
        players = await closedWeekWithWinners(db);
        await recordVerifiedRun(db, { playerId: players.Cy!, score: 5000, at: new Date(Date.now() - 120_000) });
        await recordVerifiedRun(db, { playerId: players.Ava!, score: 3000, at: new Date(Date.now() - 110_000) });
        cyToken = (await openSession(db, players.Cy!, { ttlMs: 3600_000 })).token;
      } finally {
        await db.$disconnect();
      }
      // Before the server starts too: the closes it catches up on at start must not race a write from this process.
      account = await addAdmin(databaseUrl);
    }, 120_000);
    const app = useAppServer(env);
    const sockets: Socket[] = [];
    afterAll(async () => {
      sockets.forEach((s) => s.close());
      await redis?.stop();
    });

    const boardUrl = (scenario: string, period: string, tier: string, key?: string) =>
      `/api/leaderboards/${scenario}?period=${period}&tier=${tier}${key ? `&key=${key}` : ""}`;
    /** Every open board Cy is on: this day, week, challenge and all time, and the closed week's day, each for both tier filters. */
    const openBoards = () => [
      ...PERIODS.flatMap((period) => TIER_FILTERS.map((tier) => boardUrl("gridshot", period, tier))),
      ...TIER_FILTERS.map((tier) => boardUrl("gridshot", "day", tier, DST_DAY)),
    ];
    const handlesOn = async (url: string) => {
      const res = await app.api.get(url);
      expect(res.status, url).toBe(200);
      return { handles: (res.body.entries as BoardRow[]).map((e) => e.player.handle), board: res.body.board as { scenario: string; period: string; key: string; tier: string } };
    };

    it("takes the player off every open board at once (reads, rank store, live update), forfeits their prize; reinstating restores them", async () => {
      const call = adminApi(app.server.url, await adminSession(app.server.url, account));
      const admin = (path: string, body?: unknown) => call(body === undefined ? "GET" : "POST", path, body);

      // Cy plays a run now; it is finished after the disqualification.
      const started = (await app.api.post("/api/runs", { scenario: sprint.id, tier: "free" }, cyToken)).body;
      const log = runHumanClicker(sprint, parseSeed(started.seed), TIERS.free, new Rng(71)).sim.log();

      const watcher = connect(app.server.url, { path: "/socket.io", transports: ["websocket"] });
      sockets.push(watcher);
      const updates: { top: BoardRow[] }[] = [];
      watcher.on("board:update", (u: { top: BoardRow[] }) => updates.push(u));
      expect(await watcher.emitWithAck("board:subscribe", { scenario: "gridshot", period: "week", tier: "all" })).toMatchObject({ ok: true });

      const before = new Map<string, string[]>();
      for (const url of openBoards()) before.set(url, (await handlesOn(url)).handles);
      expect([...before.values()].every((handles) => handles.includes("Cy") && handles.includes("Ava"))).toBe(true);
      const found = await admin("/api/admin/players?q=c");
      expect(found.status).toBe(200);
      const cy = found.body.players.find((p: { handle: string }) => p.handle === "Cy");
      expect(cy).toMatchObject({ id: players.Cy, disqualified: false, runs: 3, history: { verified: 2, in_progress: 1 } });

      const dq = await admin(`/api/admin/players/${cy.id}/disqualify`, { note: "boosted account" });
      expect(dq).toMatchObject({ status: 200, body: { boards: 11, forfeited: [{ from: "review", offered: { handle: "Eli", rank: 5, offer: 2 } }] } });

      // At once, no restart: off every open board, with the others moved up.
      const boards: BoardId[] = [];
      for (const url of openBoards()) {
        const { handles, board } = await handlesOn(url);
        expect(handles, url).toEqual(before.get(url)!.filter((h) => h !== "Cy"));
        boards.push({ scenarioId: board.scenario, periodKind: board.period as BoardId["periodKind"], periodKey: board.key, tier: board.tier as BoardId["tier"] });
      }
      const standing = await app.api.get(`/api/leaderboards/gridshot/players/${players.Cy}?period=challenge`);
      expect(standing.body).toMatchObject({ player: null });
      if (redis) {
        // The shared store itself: every instance reading these boards reads them without Cy.
        const client = await connectRedis(redis.url);
        try {
          for (const board of boards) expect(await new RedisBoardRank(client, boardKey(board)).rankOf(players.Cy!), boardKey(board)).toBeNull();
        } finally {
          await client.close();
        }
      }
      await expect.poll(() => updates.at(-1)?.top.map((e) => e.player.handle)[0], { timeout: 5000 }).toBe("Ava");
      expect(updates.at(-1)!.top.map((e) => e.player.handle)).not.toContain("Cy");

      expect((await admin("/api/admin/awards?status=forfeited")).body.awards.map((a: any) => [a.player.handle, a.place])).toEqual([["Cy", 3]]);
      expect((await admin("/api/admin/awards?status=review")).body.awards.map((a: any) => [a.player.handle, a.place, a.offer])).toContainEqual(["Eli", 3, 2]);
      expect((await admin(`/api/admin/players?q=${cy.id}`)).body.players).toEqual([expect.objectContaining({ id: cy.id, disqualified: true, disqualifyNote: "boosted account" })]);
      expect(await admin(`/api/admin/players/${cy.id}/disqualify`, { note: "again" })).toMatchObject({ status: 409, body: { error: { code: "player_already_disqualified" } } });

      // A run finished while disqualified is verified, and enters no board.
      await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(started.startedAt) + sprint.durationMs + 300 - Date.now())));
      const finished = await app.api.post(`/api/runs/${started.runId}/finish`, finishBody(log), cyToken);
      expect(finished.body.run.verdict).toBe("verified");
      expect(finished.body.ranks.every((r: { rank: number | null }) => r.rank === null)).toBe(true);
      expect((await handlesOn(boardUrl(sprint.id, "week", "all"))).handles).not.toContain("Cy");

      // Reinstated: back on every open board, with the run of meanwhile; the prize stays forfeited.
      const back = await admin(`/api/admin/players/${cy.id}/reinstate`, {});
      // The 11 boards again, and the sprint's day, week, challenge and all-time boards for both tier filters.
      expect(back).toMatchObject({ status: 200, body: { boards: 19 } });
      for (const url of openBoards()) expect((await handlesOn(url)).handles, url).toEqual(before.get(url));
      expect((await handlesOn(boardUrl(sprint.id, "week", "all"))).handles).toContain("Cy");
      await expect.poll(() => updates.at(-1)?.top.map((e) => e.player.handle)[0], { timeout: 5000 }).toBe("Cy");
      expect((await admin("/api/admin/awards?status=forfeited")).body.awards.map((a: any) => a.player.handle)).toEqual(["Cy"]);
      expect(await admin(`/api/admin/players/${cy.id}/reinstate`, {})).toMatchObject({ status: 409, body: { error: { code: "player_not_disqualified" } } });
    });

    it("refuses bad requests with a clear error, changing nothing", async () => {
      const call = adminApi(app.server.url, await adminSession(app.server.url, account));
      const post = (path: string, body: unknown) => call("POST", path, body);
      expect(await post(`/api/admin/players/${players.Ben}/disqualify`, {})).toMatchObject({ status: 422, body: { error: { code: "validation_failed" } } });
      expect(await post(`/api/admin/players/${players.Ben}/disqualify`, { note: "  " })).toMatchObject({ status: 422 });
      expect(await post("/api/admin/players/nobody/disqualify", { note: "x" })).toMatchObject({ status: 404, body: { error: { code: "player_not_found" } } });
      expect(await post(`/api/admin/players/${players.Ben}/reinstate`, {})).toMatchObject({ status: 409, body: { error: { code: "player_not_disqualified" } } });
      expect((await handlesOn(boardUrl("gridshot", "challenge", "all"))).handles).toContain("Ben");
    });
  });
}

/**
 * The review queue through the admin API of the real server: flagged runs listed oldest first with
 * their stats, findings and the player's history; clearing one puts it on its boards at the time it
 * was achieved, with its rank, a live update and the player's own board:rank; rejecting one keeps it
 * off; a second decision is a 409; a player's token is refused; staff may watch a flagged run's replay.
 */
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import { getScenario, parseSeed, Rng, TIERS } from "../../game/core";
import { createDb } from "../../server/db/client";
import { addAdmin, adminApi, adminSession } from "../support/admin";
import { environmentFor, finishBody } from "../support/api";
import { useAppServer } from "../support/app";
import { runHumanClicker } from "../support/bots";

const sprint = getScenario("gridshot-sprint")!;
const app = useAppServer();
const sockets: Socket[] = [];
afterAll(() => sockets.forEach((s) => s.close()));

interface BoardRow {
  rank: number;
  player: { handle: string };
  score: number;
  achievedAt: string;
  runId: string;
}

describe("review queue", () => {
  it("lists flagged runs; clearing one puts it on its boards at the time it was achieved, live; rejecting keeps one off; each once", async () => {
    const [honest, suspect, cheat] = await Promise.all(["rvH", "rvS", "rvC"].map((p) => app.api.player(p)));
    const runs = await Promise.all([honest, suspect, cheat].map(async (p) => (await app.api.post("/api/runs", { scenario: sprint.id, tier: "free" }, p.token)).body));
    const logs = runs.map((run, i) => runHumanClicker(sprint, parseSeed(run.seed), TIERS.free, new Rng(81 + i)).sim.log());
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(runs[2].startedAt) + sprint.durationMs + 300 - Date.now())));
    const finish = (p: { token: string }, i: number, body: object) => app.api.post(`/api/runs/${runs[i].runId}/finish`, body, p.token);
    // A free run that reports 240 fps is flagged (environment_mismatch): it waits for review.
    const mismatched = (i: number) => ({ ...finishBody(logs[i]!), environment: { ...environmentFor(), achievedFps: 240 } });
    const verified = await finish(honest, 0, finishBody(logs[0]!));
    const flagged = await finish(suspect, 1, mismatched(1));
    const flaggedToo = await finish(cheat, 2, mismatched(2));
    expect([verified.body.run.verdict, flagged.body.run.verdict, flaggedToo.body.run.verdict]).toEqual(["verified", "flagged", "flagged"]);

    const call = adminApi(app.server.url, await adminSession(app.server.url, await addAdmin(app.databaseUrl, { role: "staff" })));

    const queue = await call("GET", "/api/admin/review");
    expect(queue.status).toBe(200);
    expect(queue.body.runs.map((r: any) => [r.run.id, r.player.handle])).toEqual([
      [runs[1].runId, suspect.handle],
      [runs[2].runId, cheat.handle],
    ]);
    expect(queue.body.runs[0]).toMatchObject({
      run: { scenario: { id: sprint.id }, tier: "free", score: flagged.body.run.score, reasonCode: "environment_mismatch", stats: { score: flagged.body.run.score }, finishedAt: flagged.body.run.finishedAt },
      player: { id: suspect.id, disqualified: false },
      history: { flagged: 1 },
    });
    expect(queue.body.runs[0].run.findings).toContainEqual(expect.objectContaining({ code: "environment_mismatch" }));

    // The suspect watches the week board, signed in: the clear reaches them as an update and as their own rank.
    const socket = connect(app.server.url, { path: "/socket.io", transports: ["websocket"], auth: { token: suspect.token } });
    sockets.push(socket);
    const updates: { top: BoardRow[] }[] = [];
    const ranks: { rank: number | null }[] = [];
    socket.on("board:update", (u: { top: BoardRow[] }) => updates.push(u));
    socket.on("board:rank", (r: { rank: number | null }) => ranks.push(r));
    expect(await socket.emitWithAck("board:subscribe", { scenario: sprint.id, period: "week", tier: "all" })).toMatchObject({ ok: true });

    await new Promise((r) => setTimeout(r, 50)); // the clear comes after the finish: the board must show the finish's time, not the clear's
    const cleared = await call("POST", `/api/admin/review/${runs[1].runId}/clear`, { note: "high-refresh laptop, replay looks human" });
    expect(cleared.status).toBe(200);
    const expectedRank = flagged.body.run.score > verified.body.run.score ? 1 : 2;
    expect(cleared.body.ranks).toHaveLength(8);
    expect(cleared.body.ranks.every((r: { rank: number; improved: boolean }) => r.rank === expectedRank && r.improved)).toBe(true);

    const board = await app.api.get(`/api/leaderboards/${sprint.id}?period=week&tier=all`);
    const row = (board.body.entries as BoardRow[]).find((e) => e.runId === runs[1].runId)!;
    expect(row).toMatchObject({ rank: expectedRank, player: { handle: suspect.handle }, score: flagged.body.run.score, achievedAt: flagged.body.run.finishedAt });
    expect(board.body.entries).toHaveLength(2);
    await expect.poll(() => updates.at(-1)?.top.map((e) => e.runId), { timeout: 5000 }).toContain(runs[1].runId);
    await expect.poll(() => ranks.at(-1)?.rank, { timeout: 5000 }).toBe(expectedRank);

    // Each run is decided once.
    expect(await call("POST", `/api/admin/review/${runs[1].runId}/clear`, {})).toMatchObject({ status: 409, body: { error: { code: "run_not_flagged" } } });
    expect(await call("POST", `/api/admin/review/${runs[1].runId}/reject`, { note: "changed my mind" })).toMatchObject({ status: 409, body: { error: { code: "run_not_flagged" } } });
    expect(await call("POST", `/api/admin/review/${runs[0].runId}/clear`, {})).toMatchObject({ status: 409, body: { error: { code: "run_not_flagged" } } });

    expect(await call("POST", `/api/admin/review/${runs[2].runId}/reject`, {})).toMatchObject({ status: 422, body: { error: { code: "validation_failed" } } });
    expect((await call("POST", `/api/admin/review/${runs[2].runId}/reject`, { note: "aim snaps between targets" })).status).toBe(204);
    expect(await call("POST", `/api/admin/review/${runs[2].runId}/reject`, { note: "again" })).toMatchObject({ status: 409, body: { error: { code: "run_not_flagged" } } });
    expect(await call("POST", `/api/admin/review/${runs[2].runId}/clear`, {})).toMatchObject({ status: 409, body: { error: { code: "run_not_flagged" } } });
    expect(await call("POST", "/api/admin/review/no-such-run/clear", {})).toMatchObject({ status: 404, body: { error: { code: "run_not_found" } } });
    expect((await app.api.get(`/api/leaderboards/${sprint.id}?period=week&tier=all`)).body.entries.map((e: BoardRow) => e.player.handle)).not.toContain(cheat.handle);
    expect((await call("GET", "/api/admin/review")).body.runs).toEqual([]);

    const db = createDb(app.databaseUrl);
    try {
      const decided = await db.run.findMany({ where: { id: { in: [runs[1].runId, runs[2].runId] } }, orderBy: { startedAt: "asc" } });
      expect(Object.fromEntries(decided.map((r) => [r.id, r.verdict]))).toEqual({ [runs[1].runId]: "verified", [runs[2].runId]: "rejected" });
      const audits = await db.auditLog.findMany({ where: { actorType: "admin", targetType: "run" }, orderBy: { id: "asc" } });
      expect(audits.map((a) => [a.action, a.targetId, (a.details as { note: string }).note])).toEqual([
        ["run.cleared", runs[1].runId, "high-refresh laptop, replay looks human"],
        ["run.rejected", runs[2].runId, "aim snaps between targets"],
      ]);
    } finally {
      await db.$disconnect();
    }
  });

  it("refuses a player's token; staff may watch a run that is not public, through the admin API and the replay page", async () => {
    const player = await app.api.player("rvP");
    const bearer = { authorization: `Bearer ${player.token}` };
    for (const [method, path] of [
      ["GET", "/api/admin/review"],
      ["POST", "/api/admin/review/some-run/clear"],
      ["POST", "/api/admin/review/some-run/reject"],
      ["GET", "/api/admin/runs/some-run/replay"],
    ]) {
      const res = await fetch(`${app.server.url}${path}`, { method, headers: { ...bearer, "content-type": "application/json" }, body: method === "POST" ? JSON.stringify({ note: "x" }) : undefined });
      expect([res.status, (await res.json()).error.code], `${method} ${path}`).toEqual([403, "not_an_admin"]);
    }

    const run = (await app.api.post("/api/runs", { scenario: sprint.id, tier: "free" }, player.token)).body;
    const log = runHumanClicker(sprint, parseSeed(run.seed), TIERS.free, new Rng(91)).sim.log();
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(run.startedAt) + sprint.durationMs + 300 - Date.now())));
    const flagged = await app.api.post(`/api/runs/${run.runId}/finish`, { ...finishBody(log), environment: { ...environmentFor(), achievedFps: 240 } }, player.token);
    expect(flagged.body.run.verdict).toBe("flagged");

    expect((await app.api.get(`/api/runs/${run.runId}/replay`)).status).toBe(401);
    const token = await adminSession(app.server.url, await addAdmin(app.databaseUrl, { role: "staff" }));
    const replay = await fetch(`${app.server.url}/api/admin/runs/${run.runId}/replay`, { headers: { cookie: `fb_admin=${token}` } });
    expect(replay.status).toBe(200);
    expect((await replay.json()).replay).toMatchObject({ runId: run.runId, stored: { score: flagged.body.run.score, verdict: "flagged" } });
    // The replay page the queue links to fetches from the admin API for a signed-in admin, from the public one otherwise.
    const page = await (await fetch(`${app.server.url}/runs/${run.runId}/replay`, { headers: { cookie: `fb_admin=${token}` } })).text();
    expect(page).toContain(`/api/admin/runs/${run.runId}/replay`);
    expect(await (await fetch(`${app.server.url}/runs/${run.runId}/replay`)).text()).not.toContain("/api/admin/runs/");
  });
});

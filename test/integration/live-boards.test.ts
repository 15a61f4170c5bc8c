/**
 * Leaderboards over HTTP and socket.io against the real server: verified runs appear live for two
 * subscribed clients; a perfect aimbot, a flagged run and a forged claim never put a false score on
 * a board.
 */
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, expect, it } from "vitest";
import { getScenario, parseSeed, replay, Rng, TIERS, type InputLog } from "../../game/core";
import { environmentFor, finishBody } from "../support/api";
import { useAppServer } from "../support/app";
import { runClickBot, runHumanClicker, SETTINGS } from "../support/bots";

const app = useAppServer();
const sprint = getScenario("gridshot-sprint")!;
const sockets: Socket[] = [];
afterAll(() => sockets.forEach((s) => s.close()));

/** A socket.io client; with a token it is signed in as that player (as a browser is by its cookie). */
function client(token?: string): Promise<Socket> {
  const socket = connect(app.server.url, { path: "/socket.io", transports: ["websocket"], auth: token ? { token } : {} });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

/** Collects every event of a kind a socket receives. */
function collect<T>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}

it("shows verified runs live to two subscribers and keeps cheats off the board", async () => {
  const [honest, aimbot, flagged, forger] = await Promise.all(["lvH", "lvA", "lvF", "lvX"].map((p) => app.api.player(p)));
  const start = async (p: { token: string }) => (await app.api.post("/api/runs", { scenario: sprint.id, tier: "free" }, p.token)).body;
  const runs = await Promise.all([honest, aimbot, flagged, forger].map(start));
  const logs: InputLog[] = [
    runHumanClicker(sprint, parseSeed(runs[0].seed), TIERS.free, new Rng(61)).sim.log(),
    runClickBot(sprint, parseSeed(runs[1].seed), TIERS.free).sim.log(),
    runHumanClicker(sprint, parseSeed(runs[2].seed), TIERS.free, new Rng(62)).sim.log(),
    runHumanClicker(sprint, parseSeed(runs[3].seed), TIERS.free, new Rng(63)).sim.log(),
  ];
  const honestScore = replay(sprint, parseSeed(runs[0].seed), TIERS.free, logs[0]!, SETTINGS).score;
  const forgerScore = replay(sprint, parseSeed(runs[3].seed), TIERS.free, logs[3]!, SETTINGS).score;

  const [watcher, runner, other] = await Promise.all([client(), client(honest.token), client(aimbot.token)]);
  const subscribe = (socket: Socket, extra: object = {}) =>
    socket.emitWithAck("board:subscribe", { scenario: sprint.id, period: "week", tier: "all", ...extra });
  const [a, b, c] = await Promise.all([subscribe(watcher), subscribe(runner), subscribe(other)]);
  expect(a).toMatchObject({ ok: true, board: { scenario: sprint.id, period: "week", tier: "all" }, version: 0 });
  expect([b.ok, c.ok]).toEqual([true, true]);
  expect(await watcher.emitWithAck("board:subscribe", { scenario: "nope", period: "week", tier: "all" })).toMatchObject({
    ok: false,
    error: { code: "scenario_not_found" },
  });
  const watcherUpdates = collect<{ version: number; top: { player: { handle: string }; score: number }[] }>(watcher, "board:update");
  const runnerUpdates = collect(runner, "board:update");
  const runnerRanks = collect<{ rank: number }>(runner, "board:rank");
  // Rank events go to the session's own player only: not to anonymous watchers, not to other players.
  const strayRanks = [...collect(watcher, "board:rank"), ...collect(other, "board:rank")];

  await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(runs[0].startedAt) + sprint.durationMs + 300 - Date.now())));
  const finish = (p: { token: string }, runId: string, body: object) => app.api.post(`/api/runs/${runId}/finish`, body, p.token);

  const ok = await finish(honest, runs[0].runId, finishBody(logs[0]!));
  expect(ok.body.run).toMatchObject({ verdict: "verified", score: honestScore });
  expect(ok.body.ranks).toContainEqual({ scenario: sprint.id, period: "week", key: expect.any(String), tier: "all", rank: 1, improved: true });
  expect(ok.body.ranks.map((r: { period: string; tier: string }) => `${r.period}/${r.tier}`).sort()).toEqual(
    ["all/all", "all/free", "challenge/all", "challenge/free", "day/all", "day/free", "week/all", "week/free"],
  );

  await expect.poll(() => watcherUpdates.length, { timeout: 5000 }).toBeGreaterThan(0);
  await expect.poll(() => runnerUpdates.length).toBeGreaterThan(0);
  expect(watcherUpdates[0]).toMatchObject({ version: 1, top: [{ player: { handle: honest.handle }, score: honestScore }] });
  await expect.poll(() => runnerRanks).toEqual([expect.objectContaining({ rank: 1 })]);
  expect(strayRanks).toEqual([]);

  expect((await finish(aimbot, runs[1].runId, finishBody(logs[1]!))).body.run.verdict).toBe("rejected");
  const flaggedRes = await finish(flagged, runs[2].runId, { ...finishBody(logs[2]!), environment: { ...environmentFor(), achievedFps: 240 } });
  expect(flaggedRes.body.run).toMatchObject({ verdict: "flagged", reasonCode: "environment_mismatch" });
  expect(flaggedRes.body.ranks).toBeUndefined();
  const forged = await finish(forger, runs[3].runId, finishBody(logs[3]!, TIERS.free, { claimed: { score: 10 ** 6 } }));
  expect(forged.body.run).toMatchObject({ verdict: "verified", score: forgerScore });

  // The board: only the two verified runs, each with the score the server computed.
  const board = await app.api.get(`/api/leaderboards/${sprint.id}?period=week&tier=all`);
  expect(board.status).toBe(200);
  const rows = board.body.entries.map((e: { player: { handle: string }; score: number }) => [e.player.handle, e.score]);
  expect(rows).toEqual(expect.arrayContaining([[honest.handle, honestScore], [forger.handle, forgerScore]]));
  expect(rows).toHaveLength(2);
  expect(board.body.board).toMatchObject({ scenario: sprint.id, period: "week", tier: "all", closed: false, nextResetAt: expect.any(String) });

  // The later improvement reached the watcher too, coalesced, with increasing versions.
  await expect.poll(() => watcherUpdates.at(-1)?.top.length).toBe(2);
  const versions = watcherUpdates.map((u) => u.version);
  expect(versions).toEqual([...versions].sort((x, y) => x - y));

  const standing = await app.api.get(`/api/leaderboards/${sprint.id}/players/${honest.id}?period=week`);
  expect(standing.body).toMatchObject({ player: { score: honestScore }, size: 2 });
  expect((await app.api.get(`/api/leaderboards/${sprint.id}/players/${aimbot.id}?period=week`)).body).toMatchObject({ player: null, size: 2 });
});

it("answers bad board queries with clear errors", async () => {
  expect((await app.api.get("/api/leaderboards/nope?period=week")).body.error.code).toBe("scenario_not_found");
  const period = await app.api.get("/api/leaderboards/gridshot?period=month");
  expect([period.status, period.body.error.code]).toEqual([400, "invalid_period"]);
  const key = await app.api.get("/api/leaderboards/gridshot?period=week&key=2026-11-20T00:00");
  expect([key.status, key.body.error.code]).toEqual([400, "invalid_period"]);
  const cursor = await app.api.get("/api/leaderboards/gridshot?period=week&cursor=garbage");
  expect([cursor.status, cursor.body.error.code]).toEqual([400, "invalid_cursor"]);
  const periods = await app.api.get("/api/leaderboards/gridshot/periods?period=week");
  expect(periods.body.periods[0]).toEqual({ key: expect.stringMatching(/T00:00$/), startsAt: expect.any(String), endsAt: expect.any(String) });
});

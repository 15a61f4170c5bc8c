/**
 * Playlists through the real server (docs/playlists.md): a named player makes a playlist of two
 * short player-made scenarios; bad playlists are refused with the field named and nothing stored;
 * a play's runs are real runs (human-like logs, verified by the server's replay), a run that is not
 * the play's item is refused, the play is summed only when every item has a verified run, the total
 * goes on the playlist's board (best total per player, best first), and finishing twice changes nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { builtInScenarios, draftOf, parseSeed, Rng, TIERS, type Scenario } from "../../game/core";
import { finishBody } from "../support/api";
import { useAppServer } from "../support/app";
import { runHumanClicker } from "../support/bots";
import { withDb } from "../support/db";

const app = useAppServer();
type Player = { id: string; handle: string; token: string };

/** Two published player-made scenarios of 5 s (the shortest a player may make). */
let scenarios: Scenario[] = [];
let author: Player;

beforeAll(async () => {
  author = await app.api.player("plau");
  const base = draftOf(builtInScenarios.find((s) => s.id === "gridshot-sprint")!);
  for (const name of ["Quick Grid A", "Quick Grid B"]) {
    const created = await app.api.post("/api/player-scenarios", { draft: { ...base, name, durationMs: 5000 } }, author.token);
    const published = await app.api.post(`/api/player-scenarios/${created.body.scenario.id}/publish`, {}, author.token);
    expect(published.status).toBe(200);
    scenarios.push(published.body.scenario.latest.definition);
  }
});

const playlistBody = (items = scenarios.map((s) => s.id)) => ({ name: "Warm-up", description: "Two quick grids.", items });

/** Starts the run of each item of the play (every item at once: a player may hold 3 open runs) with a human-like log on its seed. */
async function startItems(player: Player, playId: string, rngBase: number) {
  return Promise.all(
    scenarios.map(async (scenario, position) => {
      const res = await app.api.post("/api/runs", { scenario: scenario.id, tier: "free", playlist: { playId, position } }, player.token);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const log = runHumanClicker(scenario, parseSeed(res.body.seed), TIERS.free, new Rng(rngBase + position)).sim.log();
      return { player, scenario, runId: res.body.runId as string, startedAt: Date.parse(res.body.startedAt), log };
    }),
  );
}

/** Finishes a started item's run once it has lasted its duration on the server's clock; answers its verified score. */
async function finishItem(item: Awaited<ReturnType<typeof startItems>>[number]): Promise<number> {
  await new Promise((r) => setTimeout(r, Math.max(0, item.startedAt + item.scenario.durationMs + 300 - Date.now())));
  const res = await app.api.post(`/api/runs/${item.runId}/finish`, finishBody(item.log), item.player.token);
  expect(res.body.run, JSON.stringify(res.body)).toMatchObject({ verdict: "verified" });
  return res.body.run.score;
}

async function startPlay(player: Player, playlistId: string) {
  const res = await app.api.post(`/api/playlists/${playlistId}/plays`, { tier: "free" }, player.token);
  expect(res.status).toBe(201);
  return res.body.play.id as string;
}

describe("playlists", () => {
  it("makes a playlist of pinned versions, opens it by code, and refuses bad playlists with the field named", async () => {
    const created = await app.api.post("/api/playlists", { ...playlistBody(), items: ["gridshot", ...scenarios.map((s) => s.id)] }, author.token);
    expect(created.status).toBe(201);
    const { playlist } = created.body;
    expect(playlist.code).toMatch(/^[2-9a-hjkmnp-z]{7}$/);
    expect(playlist).toMatchObject({ name: "Warm-up", description: "Two quick grids.", author: { handle: author.handle } });
    const gridshotVersion = await withDb(app.databaseUrl, async (db) => (await db.scenario.findUniqueOrThrow({ where: { id: "gridshot" } })).currentVersion);
    expect(playlist.items).toEqual([
      expect.objectContaining({ position: 0, scenarioId: "gridshot", version: gridshotVersion, name: "Gridshot", playable: true }),
      expect.objectContaining({ position: 1, scenarioId: scenarios[0]!.id, name: "Quick Grid A", durationMs: 5000, playable: true }),
      expect.objectContaining({ position: 2, scenarioId: scenarios[1]!.id, name: "Quick Grid B", playable: true }),
    ]);
    const byCode = await app.api.get(`/api/playlists/by-code/${playlist.code.toUpperCase()}`);
    expect(byCode.status).toBe(200);
    expect(byCode.body.playlist).toEqual(playlist);
    expect((await app.api.get("/api/playlists/by-code/zzzzzzz")).body.error.code).toBe("playlist_not_found");

    const countPlaylists = () => withDb(app.databaseUrl, (db) => db.playlist.count());
    const before = await countPlaylists();
    const refused = async (body: unknown, token = author.token) => {
      const res = await app.api.post("/api/playlists", body, token);
      expect(res.status, JSON.stringify(res.body)).not.toBe(201);
      return { status: res.status, ...res.body.error };
    };
    expect(await refused(playlistBody([scenarios[0]!.id]))).toMatchObject({ status: 422, code: "invalid_playlist", message: expect.stringContaining("2 to 10 scenarios, not 1") });
    expect(await refused(playlistBody(Array(11).fill(scenarios[0]!.id)))).toMatchObject({ status: 422, code: "invalid_playlist", message: expect.stringContaining("not 11") });
    expect(await refused(playlistBody([scenarios[0]!.id, "nosuchcd-v1"]))).toMatchObject({ status: 422, code: "invalid_playlist", message: expect.stringContaining('items.1: "nosuchcd-v1"') });
    expect(await refused({ ...playlistBody(), name: "  " })).toMatchObject({ status: 422, code: "invalid_playlist", message: "name: a name is required." });
    expect(await refused({ ...playlistBody(), name: "nazi drills" })).toMatchObject({ status: 422, code: "text_not_allowed" });
    expect(await refused({ ...playlistBody(), description: "x".repeat(301) })).toMatchObject({ code: "invalid_playlist", message: expect.stringContaining("description") });
    const guest = await app.api.post("/api/players/guest", {});
    expect(await refused(playlistBody(), guest.body.token)).toMatchObject({ status: 403, code: "handle_required" });
    expect(await countPlaylists()).toBe(before);
  });

  it("plays a playlist: only its own items count, the total needs every item verified, goes on the board once, best total first", async () => {
    const { body } = await app.api.post("/api/playlists", playlistBody(), author.token);
    const playlistId = body.playlist.id as string;
    const [ann, bob] = [await app.api.player("ann"), await app.api.player("bob")];

    expect((await app.api.post(`/api/playlists/${playlistId}/plays`, { tier: "ultimate" }, ann.token)).body.error.code).toBe("tier_not_entitled");
    const annPlay = await startPlay(ann, playlistId);

    // Runs that are not this play's item are refused, and start nothing.
    const mismatch = async (player: Player, scenario: string, playlist: { playId: string; position: number }) => {
      const res = await app.api.post("/api/runs", { scenario, tier: "free", playlist }, player.token);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("playlist_item_mismatch");
      return res.body.error.message as string;
    };
    expect(await mismatch(ann, scenarios[1]!.id, { playId: annPlay, position: 0 })).toContain(`Item 1 of the playlist is "${scenarios[0]!.id}"`);
    expect(await mismatch(ann, scenarios[0]!.id, { playId: annPlay, position: 5 })).toContain("no item 6");
    expect(await mismatch(bob, scenarios[0]!.id, { playId: annPlay, position: 0 })).toContain("not one of yours");
    expect(await withDb(app.databaseUrl, (db) => db.run.count({ where: { playlistPlayId: annPlay } }))).toBe(0);

    const finish = (player: Player, playId: string) => app.api.post(`/api/playlist-plays/${playId}/finish`, undefined, player.token);
    const early = await finish(ann, annPlay);
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: "playlist_incomplete", message: expect.stringContaining("1 (Quick Grid A), 2 (Quick Grid B)") });
    expect((await finish(bob, annPlay)).body.error.code).toBe("playlist_play_not_found");

    // Ann's first play: item 1 verified, item 2 still open -> incomplete; then both -> summed.
    const [first, second] = await startItems(ann, annPlay, 100);
    const firstScore = await finishItem(first!);
    expect((await finish(ann, annPlay)).body.error).toMatchObject({ code: "playlist_incomplete", message: expect.stringContaining("2 (Quick Grid B)") });
    const secondScore = await finishItem(second!);
    const done = await finish(ann, annPlay);
    expect(done.status).toBe(200);
    const summary = done.body.summary;
    expect(summary.total).toBe(firstScore + secondScore);
    expect(summary.items).toEqual([
      { position: 0, scenario: { id: scenarios[0]!.id, name: "Quick Grid A" }, run: { id: first!.runId, verdict: "verified", score: firstScore }, personalBest: { previous: null, improvedBy: null } },
      { position: 1, scenario: { id: scenarios[1]!.id, name: "Quick Grid B" }, run: { id: second!.runId, verdict: "verified", score: secondScore }, personalBest: { previous: null, improvedBy: null } },
    ]);
    expect(summary.ranks).toEqual([
      { tier: "all", rank: 1, size: 1, best: true },
      { tier: "free", rank: 1, size: 1, best: true },
    ]);
    expect((await app.api.get(`/api/playlist-plays/${annPlay}`, ann.token)).body.summary).toEqual(summary);

    // Finishing again changes nothing; the finished play takes no more runs.
    const boardRows = () => withDb(app.databaseUrl, (db) => db.playlistBoardEntry.findMany({ where: { playlistId }, orderBy: [{ tier: "asc" }, { playerId: "asc" }] }));
    const stored = await boardRows();
    expect(stored).toHaveLength(2);
    const again = await finish(ann, annPlay);
    expect(again.status).toBe(200);
    expect(again.body.summary).toEqual(summary);
    expect(await boardRows()).toEqual(stored);
    expect(await mismatch(ann, scenarios[0]!.id, { playId: annPlay, position: 0 })).toContain("finished");

    // Ann plays again while Bob plays once: the board keeps each player's best total, best first.
    const annAgain = await startPlay(ann, playlistId);
    const bobPlay = await startPlay(bob, playlistId);
    const items = [...(await startItems(ann, annAgain, 200)), ...(await startItems(bob, bobPlay, 300))];
    const scores = [];
    for (const item of items) scores.push(await finishItem(item));
    const [annA, annB, bobA, bobB] = scores as [number, number, number, number];
    const replay = (await finish(ann, annAgain)).body.summary;
    expect(replay.total).toBe(annA + annB);
    const bestBefore = (score: number, previous: number) => ({ previous, improvedBy: score > previous ? score - previous : null });
    expect(replay.items.map((i: { personalBest: unknown }) => i.personalBest)).toEqual([bestBefore(annA, firstScore), bestBefore(annB, secondScore)]);
    expect((await finish(bob, bobPlay)).body.summary.total).toBe(bobA + bobB);

    const annBest = Math.max(firstScore + secondScore, annA + annB);
    const expected = [
      { handle: ann.handle, total: annBest },
      { handle: bob.handle, total: bobA + bobB },
    ].sort((a, b) => b.total - a.total);
    const board = await app.api.get(`/api/playlists/${playlistId}/board?tier=all`, bob.token);
    expect(board.status).toBe(200);
    expect(board.body.board).toMatchObject({ playlist: { id: playlistId, name: "Warm-up" }, tier: "all", size: 2 });
    expect(board.body.board.entries.map((e: { rank: number; player: { handle: string }; total: number }) => [e.rank, e.player.handle, e.total])).toEqual(
      expected.map((e, i) => [i + 1, e.handle, e.total]),
    );
    expect(board.body.board.me).toEqual({ rank: expected.findIndex((e) => e.handle === bob.handle) + 1, total: bobA + bobB });
    const top1 = await app.api.get(`/api/playlists/${playlistId}/board?tier=free&limit=1`);
    expect(top1.body.board.entries).toHaveLength(1);
    expect(top1.body.board).toMatchObject({ size: 2, me: null });
    expect((await app.api.get(`/api/playlists/${playlistId}/board?tier=ultimate`)).body.board).toMatchObject({ size: 0, entries: [] });
    expect((await app.api.get(`/api/playlists/${playlistId}/board?tier=weekly`)).status).toBe(422);
  });
});

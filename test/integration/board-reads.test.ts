/**
 * Board reads over HTTP as clients repeat them: answered in front of Next's router (server/api/
 * server/api/in-front.ts) with the route's own validation and ETag, a 304 for a client that has the answer,
 * and a new ETag once a verified run changes the board. The first read of a board is answered from
 * the database while the board loads, with no ETag and nothing stored.
 */
import { expect, it } from "vitest";
import { getScenario, parseSeed, Rng, TIERS } from "../../game/core";
import { finishBody } from "../support/api";
import { useAppServer } from "../support/app";
import { runHumanClicker } from "../support/bots";

const app = useAppServer();
const sprint = getScenario("gridshot-sprint")!;
const page = `/api/leaderboards/${sprint.id}?period=week&tier=all&limit=5`;

it("answers board pages and standings before Next's router, with ETags that change with the board", async () => {
  const player = await app.api.player("br");
  const standing = `/api/leaderboards/${sprint.id}/players/${player.id}?period=week&tier=all`;

  const loading = await fetch(`${app.server.url}${page}`);
  expect(loading.status).toBe(200);
  expect(loading.headers.get("etag")).toBeNull();
  expect(loading.headers.get("cache-control")).toBe("no-store");
  expect(loading.headers.get("x-frame-options")).toBe("DENY");
  const answered = await loading.json();
  let first = loading;
  while (!first.headers.get("etag")) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    first = await fetch(`${app.server.url}${page}`);
  }
  // What the loaded board answers is what the database answered.
  expect(await first.clone().json()).toEqual(answered);
  const etag = first.headers.get("etag")!;
  expect(etag).toMatch(/^W\/"/);
  expect(first.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
  expect(first.headers.get("x-frame-options")).toBe("DENY");
  // Next marks what its router answers with `Vary: rsc, ...`; the fast path does not go through it...
  expect(first.headers.get("vary") ?? "").not.toMatch(/rsc/);
  // ...but answers what the route answers: HEAD is left to Next, and its ETag is the same.
  const head = await fetch(`${app.server.url}${page}`, { method: "HEAD" });
  expect(head.headers.get("vary")).toMatch(/rsc/);
  expect(head.headers.get("etag")).toBe(etag);

  const again = await fetch(`${app.server.url}${page}`, { headers: { "if-none-match": etag } });
  expect(again.status).toBe(304);
  expect(await again.text()).toBe("");

  // The route's validation and errors, as JSON.
  const bad = await fetch(`${app.server.url}/api/leaderboards/${sprint.id}?period=fortnight`);
  expect(bad.status).toBe(400);
  expect(await bad.json()).toMatchObject({ error: { code: "invalid_period" } });
  expect((await fetch(`${app.server.url}/api/leaderboards/nope?period=week`)).status).toBe(404);
  expect((await app.api.get(standing)).body).toMatchObject({ player: null, around: [] });

  const run = (await app.api.post("/api/runs", { scenario: sprint.id, tier: "free" }, player.token)).body;
  const log = runHumanClicker(sprint, parseSeed(run.seed), TIERS.free, new Rng(5)).sim.log();
  await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(run.startedAt) + sprint.durationMs + 300 - Date.now())));
  const finished = await app.api.post(`/api/runs/${run.runId}/finish`, finishBody(log), player.token);
  expect(finished.body.run.verdict).toBe("verified");

  const changed = await fetch(`${app.server.url}${page}`, { headers: { "if-none-match": etag } });
  expect(changed.status).toBe(200);
  expect(changed.headers.get("etag")).not.toBe(etag);
  const body = await changed.json();
  expect(body.entries).toContainEqual(expect.objectContaining({ player: { id: player.id, handle: player.handle }, score: finished.body.run.score }));
  expect((await app.api.get(standing)).body).toMatchObject({ player: { score: finished.body.run.score, runId: run.runId } });
});

/**
 * The scenario listing through the real server (GET /api/scenarios/browse and the /scenarios page):
 * built-in and player-made scenarios, searched by name in any case, filtered by kind, most played
 * this week first, with the author, the plays and the top score of the latest version's all-time
 * board; unpublished and hidden scenarios are not listed; pages continue by cursor; a player's
 * profile lists their published scenarios.
 */
import { describe, expect, it } from "vitest";
import { builtInScenarios, draftOf, parseScenario, parseSeed, Rng, TIERS, type ScenarioKind } from "../../game/core";
import type { BrowseEntry } from "../../lib/contracts/scenario-browse";
import { addAdmin, adminApi, adminSession } from "../support/admin";
import { finishBody } from "../support/api";
import { useAppServer } from "../support/app";
import { runHumanClicker } from "../support/bots";

const app = useAppServer();
/** Names in this file start with a word no built-in has, so a search finds only this file's. */
const TAG = "Quokka";

function draft(name: string, base = "gridshot") {
  return { ...draftOf(builtInScenarios.find((s) => s.id === base)!), name, description: `${name}, for the listing.`, durationMs: 5_000 };
}

async function publish(author: { token: string }, name: string, base?: string) {
  const { id, code } = (await app.api.post("/api/player-scenarios", { draft: draft(name, base) }, author.token)).body.scenario;
  expect((await app.api.post(`/api/player-scenarios/${id}/publish`, {}, author.token)).status).toBe(200);
  return { id: id as string, code: code as string, version: `${code}-v1` };
}

async function browse(query: string) {
  const res = await app.api.get(`/api/scenarios/browse?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { scenarios: BrowseEntry[]; nextCursor: string | null; week: { startsAt: string; endsAt: string } };
}

/** `n` runs started on the scenario version, by `n` new players (a player holds at most 3 open runs). */
async function startRuns(version: string, n: number) {
  for (let i = 0; i < n; i++) {
    const player = await app.api.player("pl");
    expect((await app.api.post("/api/runs", { scenario: version, tier: "free" }, player.token)).status).toBe(201);
  }
}

describe("browsing scenarios", () => {
  it("searches by name in any case, filters by kind, sorts by plays this week, shows authors and the top score, and leaves out unpublished and hidden ones", async () => {
    const author = await app.api.player("au");
    const alpha = await publish(author, `${TAG} Alpha`);
    const beta = await publish(author, `${TAG} Beta`);
    const track = await publish(author, `${TAG} Track`, "smooth-track");
    const gone = await publish(author, `${TAG} Gone`);
    const banned = await publish(author, `${TAG} Banned`);
    await startRuns(beta.version, 3);
    await startRuns(track.version, 1);
    await startRuns(gone.version, 4);

    // A verified run on Alpha: the top score and its holder; it counts as a play too (2 in all).
    const champion = await app.api.player("ch");
    const definition = parseScenario((await app.api.get(`/api/scenarios/by-code/${alpha.code}`)).body.scenario.latest.definition);
    const started = await app.api.post("/api/runs", { scenario: alpha.version, tier: "free" }, champion.token);
    const log = runHumanClicker(definition, parseSeed(started.body.seed), TIERS.free, new Rng(11)).sim.log();
    await startRuns(alpha.version, 1);
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(started.body.startedAt) + definition.durationMs + 300 - Date.now())));
    const finished = await app.api.post(`/api/runs/${started.body.runId}/finish`, finishBody(log), champion.token);
    expect(finished.body.run.verdict).toBe("verified");

    expect((await app.api.post(`/api/player-scenarios/${gone.id}/unpublish`, {}, author.token)).status).toBe(200);
    const admin = adminApi(app.server.url, await adminSession(app.server.url, await addAdmin(app.databaseUrl)));
    expect((await admin("POST", `/api/admin/player-scenarios/${banned.id}/hide`, { reason: "test" })).status).toBe(200);

    const found = await browse(`q=${TAG.toUpperCase()}`);
    expect(found.scenarios.map((s) => [s.name, s.playsThisWeek])).toEqual([
      [`${TAG} Beta`, 3],
      [`${TAG} Alpha`, 2],
      [`${TAG} Track`, 1],
    ]);
    expect(Date.parse(found.week.startsAt)).toBeLessThanOrEqual(Date.now());
    expect(Date.parse(found.week.endsAt)).toBeGreaterThan(Date.now());
    const alphaEntry = found.scenarios[1]!;
    expect(alphaEntry).toEqual({
      source: "player-made",
      id: alpha.id,
      code: alpha.code,
      name: `${TAG} Alpha`,
      description: `${TAG} Alpha, for the listing.`,
      kind: "clicking-static",
      author: { name: author.handle, handle: author.handle },
      playsThisWeek: 2,
      scenarioId: alpha.version,
      top: { score: finished.body.run.score, handle: champion.handle },
      href: `/s/${alpha.code}`,
    });
    expect(found.scenarios[0]!.top).toBeNull();

    const tracking = await browse(`q=${TAG.toLowerCase()}&kind=tracking`);
    expect(tracking.scenarios.map((s) => s.name)).toEqual([`${TAG} Track`]);

    // Built-ins are listed with them, by Flickboard, linked to /play.
    const all = await browse("kind=tracking&limit=100");
    const builtIn = all.scenarios.find((s) => s.id === "smooth-track")!;
    expect(builtIn).toMatchObject({ source: "built-in", code: null, author: { name: "Flickboard", handle: null }, href: "/play/smooth-track", scenarioId: "smooth-track" });
    expect(all.scenarios.every((s) => s.kind === ("tracking" satisfies ScenarioKind))).toBe(true);
    expect(all.scenarios.map((s) => s.name)).toContain(`${TAG} Track`);
    expect(all.scenarios.map((s) => s.name)).not.toContain(`${TAG} Banned`);

    // The page shows the same list, and the author's profile their published scenarios.
    const page = await (await fetch(`${app.server.url}/scenarios?q=${TAG}`)).text();
    expect(page).toContain('href="/scenarios/new"');
    expect(page.indexOf(`${TAG} Beta`)).toBeGreaterThan(-1);
    expect(page.indexOf(`${TAG} Beta`)).toBeLessThan(page.indexOf(`${TAG} Alpha`));
    expect(page).toContain(`href="/s/${alpha.code}"`);
    expect(page).not.toContain(`${TAG} Banned`);
    const profile = await (await fetch(`${app.server.url}/players/${author.handle}`)).text();
    for (const shown of ["Alpha", "Beta", "Track"]) expect(profile).toContain(`${TAG} ${shown}`);
    for (const notShown of ["Gone", "Banned"]) expect(profile).not.toContain(`${TAG} ${notShown}`);
    // Its author also sees the ones not listed, with their status and a link to edit them.
    const own = await (await fetch(`${app.server.url}/players/${author.handle}`, { headers: { cookie: `fb_session=${author.token}` } })).text();
    expect(own).toContain(`${TAG} Gone`);
    expect(own).toContain(`href="/scenarios/${banned.id}/edit"`);
    expect(own).toContain("(hidden)");
  });

  it("pages through the whole listing by cursor, in the same order as one page, and refuses a bad query", async () => {
    const author = await app.api.player("au");
    for (const n of ["One", "Two", "Three"]) await publish(author, `${TAG} Paged ${n}`);
    const whole = (await browse("limit=100")).scenarios.map((s) => s.id);
    expect(whole.length).toBeGreaterThanOrEqual(builtInScenarios.length + 3);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await browse(`limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.scenarios.length).toBeLessThanOrEqual(2);
      paged.push(...page.scenarios.map((s) => s.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(whole);

    const forged = await app.api.get("/api/scenarios/browse?cursor=bm9wZQ");
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe("invalid_cursor");
    const badKind = await app.api.get("/api/scenarios/browse?kind=juggling");
    expect(badKind.status).toBe(422);
    expect(badKind.body.error.message).toContain("kind");
  });
});

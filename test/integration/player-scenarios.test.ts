/**
 * Player-made scenarios through the real server: a named player creates a draft, publishes it, shares
 * it by code; an edit published again is a new version (a Scenario of its own, with its own boards)
 * while the first stays playable and its board keeps its runs; only the author changes it; guests,
 * drafts out of bounds and blocked words are refused with a clear error and change nothing.
 */
import { describe, expect, it } from "vitest";
import { builtInScenarios, draftOf, parseScenario, parseSeed, PLAYER_SCENARIO_LIMITS, Rng, TIERS, type Scenario } from "../../game/core";
import { createDb } from "../../server/db/client";
import { finishBody } from "../support/api";
import { useAppServer } from "../support/app";
import { runHumanClicker } from "../support/bots";

const app = useAppServer();
const draft = () => ({ ...draftOf(builtInScenarios.find((s) => s.id === "gridshot")!), name: "Tiny Grid", description: "Small targets, fast." });

describe("player-made scenarios", () => {
  it("publishes a draft as version 1, shares it by code, and an edit as version 2 with its own scenario id", async () => {
    const author = await app.api.player("au");
    const created = await app.api.post("/api/player-scenarios", { draft: draft() }, author.token);
    expect(created.status).toBe(200);
    const { id, code, status } = created.body.scenario;
    expect(status).toBe("draft");
    expect(code).toMatch(/^[2-9a-hjkmnp-z]{7}$/);

    // Not visible to others before publishing; a run cannot start on it.
    const other = await app.api.player("ot");
    expect((await app.api.get(`/api/scenarios/by-code/${code}`, other.token)).status).toBe(404);

    const v1 = await app.api.post(`/api/player-scenarios/${id}/publish`, {}, author.token);
    expect(v1.status).toBe(200);
    expect(v1.body.scenario.status).toBe("published");
    expect(v1.body.scenario.versions.map((v: { scenarioId: string }) => v.scenarioId)).toEqual([`${code}-v1`]);

    const shared = await app.api.get(`/api/scenarios/by-code/${code.toUpperCase()}`);
    expect(shared.status).toBe(200);
    expect(shared.body.scenario.latest.definition).toMatchObject({ id: `${code}-v1`, name: "Tiny Grid" });
    expect(shared.body.scenario.draft).toBeNull();
    expect((await app.api.post("/api/runs", { scenario: `${code}-v1`, tier: "free" }, other.token)).status).toBe(201);

    // Publishing again without an edit makes nothing new.
    const again = await app.api.post(`/api/player-scenarios/${id}/publish`, {}, author.token);
    expect(again.body.scenario.versions).toHaveLength(1);

    const edited = await app.api.call("PUT", `/api/player-scenarios/${id}`, { body: { draft: { ...draft(), durationMs: 20_000 } }, token: author.token });
    expect(edited.status).toBe(200);
    expect(edited.body.scenario.unpublishedChanges).toBe(true);
    const v2 = await app.api.post(`/api/player-scenarios/${id}/publish`, {}, author.token);
    expect(v2.body.scenario.versions.map((v: { scenarioId: string }) => v.scenarioId)).toEqual([`${code}-v2`, `${code}-v1`]);
    expect(v2.body.scenario.latest.definition.durationMs).toBe(20_000);
    expect((await app.api.post("/api/runs", { scenario: `${code}-v1`, tier: "free" }, other.token)).status).toBe(201);
  });

  it("lets only the author edit or publish, and refuses guests and bad drafts with the field named", async () => {
    const author = await app.api.player("au");
    const { body } = await app.api.post("/api/player-scenarios", { draft: draft() }, author.token);
    const other = await app.api.player("ot");
    const put = await app.api.call("PUT", `/api/player-scenarios/${body.scenario.id}`, { body: { draft: draft() }, token: other.token });
    expect(put.status).toBe(403);
    expect(put.body.error.code).toBe("not_the_author");
    expect((await app.api.post(`/api/player-scenarios/${body.scenario.id}/publish`, {}, other.token)).status).toBe(403);

    const guest = await app.api.post("/api/players/guest", {});
    const byGuest = await app.api.post("/api/player-scenarios", { draft: draft() }, guest.body.token);
    expect(byGuest.status).toBe(403);
    expect(byGuest.body.error.code).toBe("handle_required");

    const tooMany = await app.api.post("/api/player-scenarios", { draft: { ...draft(), targets: { ...draft().targets, count: 8 } } }, author.token);
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error).toMatchObject({ code: "invalid_scenario" });
    expect(tooMany.body.error.message).toContain("targets.count");

    const rude = await app.api.post("/api/player-scenarios", { draft: { ...draft(), name: "nazi grid" } }, author.token);
    expect(rude.status).toBe(422);
    expect(rude.body.error.code).toBe("text_not_allowed");
  });

  it("keeps each version's board: a verified run on v1 stays on v1's board after an edit, a run on v2 goes to v2's", async () => {
    const sprint = draftOf(builtInScenarios.find((s) => s.id === "gridshot-sprint")!);
    const author = await app.api.player("au");
    const { body } = await app.api.post("/api/player-scenarios", { draft: { ...sprint, name: "Versioned Grid" } }, author.token);
    const { id, code } = body.scenario;
    await app.api.post(`/api/player-scenarios/${id}/publish`, {}, author.token);

    /** Starts a run on a version and plays it with human-like input on the definition the API answers. */
    const play = async (version: string, prefix: string) => {
      const player = await app.api.player(prefix);
      const definition = parseScenario((await app.api.get(`/api/scenarios/${version}`)).body.scenario.definition);
      const started = await app.api.post("/api/runs", { scenario: version, tier: "free" }, player.token);
      expect(started.status).toBe(201);
      const log = runHumanClicker(definition, parseSeed(started.body.seed), TIERS.free, new Rng(prefix.length)).sim.log();
      return { player, definition, runId: started.body.runId as string, endsAt: Date.parse(started.body.startedAt) + definition.durationMs, log };
    };
    const first = await play(`${code}-v1`, "one");

    // The edit (a shorter run) published while the first run is under way: version 2.
    await app.api.call("PUT", `/api/player-scenarios/${id}`, { body: { draft: { ...sprint, name: "Versioned Grid", durationMs: 12_000 } }, token: author.token });
    const v2 = await app.api.post(`/api/player-scenarios/${id}/publish`, {}, author.token);
    expect(v2.body.scenario.latest.scenarioId).toBe(`${code}-v2`);
    const second = await play(`${code}-v2`, "two");
    expect(second.definition.durationMs).toBe(12_000);

    await new Promise((r) => setTimeout(r, Math.max(0, first.endsAt, second.endsAt) + 300 - Date.now()));
    for (const run of [first, second]) {
      const finished = await app.api.post(`/api/runs/${run.runId}/finish`, finishBody(run.log), run.player.token);
      expect(finished.body.run).toMatchObject({ id: run.runId, verdict: "verified" });
    }

    const board = async (scenario: string) => (await app.api.get(`/api/leaderboards/${scenario}?period=all&tier=all&limit=100`)).body.entries.map((e: { runId: string }) => e.runId);
    expect(await board(`${code}-v1`)).toEqual([first.runId]);
    expect(await board(`${code}-v2`)).toEqual([second.runId]);

    // Each run pins the version it was played on.
    const db = createDb(app.databaseUrl);
    try {
      const runs = await db.run.findMany({ where: { id: { in: [first.runId, second.runId] } }, select: { id: true, scenarioId: true, scenarioVersion: true } });
      const versions = await db.scenarioVersion.findMany({ where: { scenarioId: { in: [`${code}-v1`, `${code}-v2`] } } });
      const pinned = (run: { runId: string }, scenarioId: string) => {
        const stored = runs.find((r) => r.id === run.runId)!;
        expect(stored.scenarioId).toBe(scenarioId);
        expect(versions.find((v) => v.scenarioId === scenarioId)).toMatchObject({ version: stored.scenarioVersion });
      };
      pinned(first, `${code}-v1`);
      pinned(second, `${code}-v2`);
    } finally {
      await db.$disconnect();
    }
  });

  it("refuses drafts out of bounds and blocked words through the API, naming the field, and changes nothing", async () => {
    const author = await app.api.player("au");
    const L = PLAYER_SCENARIO_LIMITS;
    const created = await app.api.post("/api/player-scenarios", { draft: draft() }, author.token);
    const { id } = created.body.scenario;
    const read = async () => (await app.api.get(`/api/player-scenarios/${id}`, author.token)).body.scenario;
    const before = await read();
    const switching = draftOf(builtInScenarios.find((s) => s.id === "switch-track")!);
    const smooth = draftOf(builtInScenarios.find((s) => s.id === "smooth-track")!) as Omit<Scenario, "id"> & { motion: { type: "smooth" } };

    const refused: [draft: unknown, code: string, field: string][] = [
      [{ ...draft(), durationMs: L.maxDurationMs + 1 }, "invalid_scenario", `durationMs: at most ${L.maxDurationMs} ms`],
      [{ ...smooth, motion: { ...smooth.motion, components: L.maxMotionComponents + 1 } }, "invalid_scenario", `motion.components: at most ${L.maxMotionComponents}`],
      [{ ...switching, targets: { ...switching.targets, health: { type: "time", ms: L.minHealthMs - 1 } } }, "invalid_scenario", `targets.health.ms: at least ${L.minHealthMs} ms`],
      [{ ...draft(), description: "d".repeat(L.maxDescriptionLength + 1) }, "invalid_scenario", `description: at most ${L.maxDescriptionLength} characters`],
      [{ ...draft(), targets: { ...draft().targets, radius: 30 } }, "invalid_scenario", "targets.radius: radius must be smaller than distance"],
      [{ ...draft(), name: "Grid for nazis" }, "text_not_allowed", "name:"],
      [{ ...draft(), description: "a nazi drill" }, "text_not_allowed", "description:"],
    ];
    for (const [bad, code, field] of refused) {
      const put = await app.api.call("PUT", `/api/player-scenarios/${id}`, { body: { draft: bad }, token: author.token });
      expect({ status: put.status, code: put.body.error.code }).toEqual({ status: 422, code });
      expect(put.body.error.message).toContain(field);
      const post = await app.api.post("/api/player-scenarios", { draft: bad }, author.token);
      expect({ status: post.status, code: post.body.error.code }).toEqual({ status: 422, code });
    }
    // The draft is as it was, and no scenario was created by the refused requests.
    expect(await read()).toEqual(before);
    const db = createDb(app.databaseUrl);
    try {
      expect(await db.playerScenario.count({ where: { authorId: author.id } })).toBe(1);
    } finally {
      await db.$disconnect();
    }
  });
});

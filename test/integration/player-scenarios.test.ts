/**
 * Player-made scenarios through the real server: a named player creates a draft, publishes it, shares
 * it by code; an edit published again is a new version (a Scenario of its own) while the first stays
 * playable; only the author changes it; guests and bad drafts are refused with a clear error.
 */
import { describe, expect, it } from "vitest";
import { builtInScenarios, draftOf } from "../../game/core";
import { useAppServer } from "../support/app";

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
});

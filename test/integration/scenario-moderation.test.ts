/**
 * Moderation of player-made scenarios through the real server: a player reports a scenario once (not
 * their own); its author unpublishes it (no new runs; its runs and boards are kept) and publishes it
 * again; an admin sees the reports in the queue, hides it (not listed, not shared, not playable; its
 * board readable and marked hidden; its reports resolved; audited), lifts the hide, and dismisses a
 * report. That the admin routes refuse anyone but an admin is admin-auth.test.ts's (it reads every
 * /api/admin route from the app's files).
 */
import { describe, expect, it } from "vitest";
import { builtInScenarios, draftOf, parseScenario, parseSeed, Rng, TIERS } from "../../game/core";
import { addAdmin, adminApi, adminSession } from "../support/admin";
import { finishBody } from "../support/api";
import { useAppServer } from "../support/app";
import { runHumanClicker } from "../support/bots";

const app = useAppServer();
const draft = (name: string) => ({ ...draftOf(builtInScenarios.find((s) => s.id === "gridshot")!), name, description: "Five seconds of grid.", durationMs: 5_000 });

/** A published scenario of a new author: its id, code and first version's scenario id. */
async function published(name: string) {
  const author = await app.api.player("au");
  const created = await app.api.post("/api/player-scenarios", { draft: draft(name) }, author.token);
  const { id, code } = created.body.scenario;
  expect((await app.api.post(`/api/player-scenarios/${id}/publish`, {}, author.token)).status).toBe(200);
  return { author, id: id as string, code: code as string, version: `${code}-v1` };
}

/** A verified run of `token` on the scenario version: played by a bot, finished once its time is up. */
async function playRun(token: string, code: string) {
  const definition = parseScenario((await app.api.get(`/api/scenarios/by-code/${code}`, token)).body.scenario.latest.definition);
  const started = await app.api.post("/api/runs", { scenario: definition.id, tier: "free" }, token);
  expect(started.status).toBe(201);
  const log = runHumanClicker(definition, parseSeed(started.body.seed), TIERS.free, new Rng(3)).sim.log();
  await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(started.body.startedAt) + definition.durationMs + 300 - Date.now())));
  const finished = await app.api.post(`/api/runs/${started.body.runId}/finish`, finishBody(log), token);
  expect(finished.body.run).toMatchObject({ verdict: "verified" });
  return { runId: started.body.runId as string, score: finished.body.run.score as number };
}

const board = (scenarioId: string) => app.api.get(`/api/leaderboards/${scenarioId}?period=all&tier=all`);
const listed = async (name: string) => (await app.api.get(`/api/scenarios/browse?q=${encodeURIComponent(name)}`)).body.scenarios.map((s: { name: string }) => s.name);

async function admin() {
  return adminApi(app.server.url, await adminSession(app.server.url, await addAdmin(app.databaseUrl, { role: "admin" })));
}

describe("reporting a scenario", () => {
  it("takes one report per player with a reason, not of their own scenario, not of a draft or a guest's", async () => {
    const s = await published("Reportable Grid");
    const reporter = await app.api.player("rp");
    const first = await app.api.post(`/api/player-scenarios/${s.id}/report`, { reason: "Misleading name" }, reporter.token);
    expect(first.status).toBe(201);
    expect(first.body.report).toMatchObject({ id: expect.any(String), createdAt: expect.any(String) });

    const again = await app.api.post(`/api/player-scenarios/${s.id}/report`, { reason: "Still misleading" }, reporter.token);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("already_reported");

    const own = await app.api.post(`/api/player-scenarios/${s.id}/report`, { reason: "My own" }, s.author.token);
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe("own_scenario");

    const noReason = await app.api.post(`/api/player-scenarios/${s.id}/report`, { reason: " " }, (await app.api.player("rp")).token);
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.message).toContain("reason");
    expect((await app.api.post(`/api/player-scenarios/${s.id}/report`, { reason: "anonymous" })).status).toBe(401);

    const guest = await app.api.post("/api/players/guest", {});
    expect((await app.api.post(`/api/player-scenarios/${s.id}/report`, { reason: "from a guest" }, guest.body.token)).body.error.code).toBe("handle_required");

    const draftOnly = (await app.api.post("/api/player-scenarios", { draft: draft("Unseen Draft") }, s.author.token)).body.scenario;
    const ofDraft = await app.api.post(`/api/player-scenarios/${draftOnly.id}/report`, { reason: "cannot see it" }, reporter.token);
    expect(ofDraft.status).toBe(404);
    expect(ofDraft.body.error.code).toBe("scenario_not_found");

    // The queue shows the one report, with its reason and reporter.
    const queue = await (await admin())("GET", "/api/admin/player-scenarios?reported=1");
    expect(queue.status).toBe(200);
    const row = queue.body.scenarios.find((r: { scenario: { id: string } }) => r.scenario.id === s.id);
    expect(row).toMatchObject({ openReports: 1, scenario: { code: s.code, status: "published", author: { handle: s.author.handle } } });
    expect(row.reports).toEqual([expect.objectContaining({ reason: "Misleading name", reporter: { handle: reporter.handle } })]);

    // So does the dashboard's section, with a Hide and a Dismiss button.
    const token = await adminSession(app.server.url, await addAdmin(app.databaseUrl, { role: "admin" }));
    const page = await (await fetch(`${app.server.url}/admin/scenarios`, { headers: { cookie: `fb_admin=${token}` } })).text();
    expect(page).toContain("Reportable Grid");
    expect(page).toContain("Misleading name");
    expect(page).toMatch(/>Hide</);
    expect(page).toMatch(/>Dismiss</);
  });
});

describe("unpublishing", () => {
  it("stops new runs but keeps runs and boards; publishing again makes it playable", async () => {
    const s = await published("Retired Grid");
    const player = await app.api.player("pl");
    const run = await playRun(player.token, s.code);
    expect((await board(s.version)).body.entries).toEqual([expect.objectContaining({ player: expect.objectContaining({ id: player.id }), score: run.score })]);

    const other = await app.api.player("ot");
    expect((await app.api.post(`/api/player-scenarios/${s.id}/unpublish`, {}, other.token)).body.error.code).toBe("not_the_author");
    const unpublished = await app.api.post(`/api/player-scenarios/${s.id}/unpublish`, {}, s.author.token);
    expect(unpublished.status).toBe(200);
    expect(unpublished.body.scenario.status).toBe("unpublished");
    expect(await listed("Retired Grid")).toEqual([]);

    const refused = await app.api.post("/api/runs", { scenario: s.version, tier: "free" }, player.token);
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe("scenario_not_found");
    expect((await board(s.version)).body.entries.map((e: { runId: string }) => e.runId)).toEqual([run.runId]);
    expect((await app.api.get(`/api/runs/${run.runId}/replay`, player.token)).status).toBe(200);
    // Unpublishing again changes nothing; a never-published draft has nothing to unpublish.
    expect((await app.api.post(`/api/player-scenarios/${s.id}/unpublish`, {}, s.author.token)).body.scenario.status).toBe("unpublished");
    const draftOnly = (await app.api.post("/api/player-scenarios", { draft: draft("Never Out") }, s.author.token)).body.scenario;
    expect((await app.api.post(`/api/player-scenarios/${draftOnly.id}/unpublish`, {}, s.author.token)).body.error.code).toBe("scenario_not_published");

    const republished = await app.api.post(`/api/player-scenarios/${s.id}/publish`, {}, s.author.token);
    expect(republished.body.scenario).toMatchObject({ status: "published", versions: [expect.objectContaining({ scenarioId: s.version })] });
    expect((await app.api.post("/api/runs", { scenario: s.version, tier: "free" }, player.token)).status).toBe(201);
    expect(await listed("Retired Grid")).toEqual(["Retired Grid"]);
  });
});

describe("hiding by an admin", () => {
  it("takes it off the listing, the share page and play, keeps its board readable and marked hidden, resolves its reports, and is audited", async () => {
    const s = await published("Offensive Grid");
    const player = await app.api.player("pl");
    const run = await playRun(player.token, s.code);
    const reporters = [await app.api.player("ra"), await app.api.player("rb")];
    for (const r of reporters) expect((await app.api.post(`/api/player-scenarios/${s.id}/report`, { reason: `rude, says ${r.handle}` }, r.token)).status).toBe(201);
    const call = await admin();
    const queued = (await call("GET", "/api/admin/player-scenarios?reported=1")).body.scenarios.find((r: { scenario: { id: string } }) => r.scenario.id === s.id);
    expect(queued.openReports).toBe(2);
    expect((await board(s.version)).body.board.hidden).toBe(false);

    expect((await call("POST", `/api/admin/player-scenarios/${s.id}/hide`, {})).status).toBe(422);
    const hidden = await call("POST", `/api/admin/player-scenarios/${s.id}/hide`, { reason: "Rude name" });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ reportsResolved: 2, hiddenAt: expect.any(String) });
    expect((await call("POST", `/api/admin/player-scenarios/${s.id}/hide`, { reason: "twice" })).body.error.code).toBe("scenario_already_hidden");

    expect(await listed("Offensive Grid")).toEqual([]);
    expect((await app.api.get(`/api/scenarios/by-code/${s.code}`, player.token)).status).toBe(404);
    expect((await app.api.get(`/api/scenarios/by-code/${s.code}`, s.author.token)).body.scenario.status).toBe("hidden");
    expect((await app.api.post("/api/runs", { scenario: s.version, tier: "free" }, player.token)).body.error.code).toBe("scenario_not_found");
    const readable = await board(s.version);
    expect(readable.status).toBe(200);
    expect(readable.body.board).toMatchObject({ scenario: s.version, hidden: true });
    expect(readable.body.entries.map((e: { runId: string }) => e.runId)).toEqual([run.runId]);
    // Its author cannot publish it back, and nobody can report it now.
    expect((await app.api.post(`/api/player-scenarios/${s.id}/publish`, {}, s.author.token)).body.error.code).toBe("scenario_unplayable");
    expect((await app.api.post(`/api/player-scenarios/${s.id}/report`, { reason: "late" }, player.token)).status).toBe(404);

    // Off the reported queue (its reports are resolved), on the hidden one.
    expect((await call("GET", "/api/admin/player-scenarios?reported=1")).body.scenarios.some((r: { scenario: { id: string } }) => r.scenario.id === s.id)).toBe(false);
    const inHidden = (await call("GET", "/api/admin/player-scenarios?hidden=1")).body.scenarios.find((r: { scenario: { id: string } }) => r.scenario.id === s.id);
    expect(inHidden).toMatchObject({ openReports: 0, scenario: { status: "hidden", hiddenReason: "Rude name" } });

    const audit = await call("GET", `/api/admin/audit?action=scenario.`);
    expect(audit.body.entries.find((e: { targetId: string }) => e.targetId === s.id)).toMatchObject({
      action: "scenario.hidden",
      targetType: "player_scenario",
      details: expect.objectContaining({ reason: "Rude name", reportsResolved: 2, code: s.code }),
    });

    const unhidden = await call("POST", `/api/admin/player-scenarios/${s.id}/unhide`, {});
    expect(unhidden.body).toEqual({ playable: true });
    expect((await call("POST", `/api/admin/player-scenarios/${s.id}/unhide`, {})).body.error.code).toBe("scenario_not_hidden");
    expect(await listed("Offensive Grid")).toEqual(["Offensive Grid"]);
    expect((await board(s.version)).body.board.hidden).toBe(false);
    expect((await app.api.post("/api/runs", { scenario: s.version, tier: "free" }, player.token)).status).toBe(201);
    const actions = (await call("GET", `/api/admin/audit?action=scenario.`)).body.entries.filter((e: { targetId: string }) => e.targetId === s.id).map((e: { action: string }) => e.action);
    expect(actions).toEqual(["scenario.unhidden", "scenario.hidden"]);
    expect((await call("POST", `/api/admin/player-scenarios/nope/hide`, { reason: "x" })).status).toBe(404);
  });

  it("dismisses a report: it leaves the queue, the scenario stays listed, and it is audited", async () => {
    const s = await published("Fine Grid");
    const reporter = await app.api.player("rp");
    const report = (await app.api.post(`/api/player-scenarios/${s.id}/report`, { reason: "I just lost" }, reporter.token)).body.report;
    const call = await admin();
    const dismissed = await call("POST", `/api/admin/scenario-reports/${report.id}/dismiss`, { note: "Nothing wrong" });
    expect(dismissed.status).toBe(200);
    expect((await call("POST", `/api/admin/scenario-reports/${report.id}/dismiss`)).body.error.code).toBe("report_already_resolved");
    expect((await call("POST", `/api/admin/scenario-reports/nope/dismiss`)).body.error.code).toBe("report_not_found");
    expect((await call("GET", "/api/admin/player-scenarios?reported=1")).body.scenarios.some((r: { scenario: { id: string } }) => r.scenario.id === s.id)).toBe(false);
    expect(await listed("Fine Grid")).toEqual(["Fine Grid"]);
    const audit = await call("GET", `/api/admin/audit?action=scenario_report.dismissed`);
    expect(audit.body.entries[0]).toMatchObject({ targetId: s.id, details: expect.objectContaining({ reportId: report.id, note: "Nothing wrong" }) });
    // The reporter cannot report it again.
    expect((await app.api.post(`/api/player-scenarios/${s.id}/report`, { reason: "again" }, reporter.token)).body.error.code).toBe("already_reported");
  });
});

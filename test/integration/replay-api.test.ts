/**
 * GET /api/runs/:runId/replay against the real server: a verified run is public and its payload
 * replays to the stored score; any other run is shown only to its player (Bearer token or session
 * cookie) and to admins and staff through /api/admin/runs/:runId/replay; an unknown run is 404 and an
 * unfinished one 409.
 */
import { expect, it } from "vitest";
import { decodeLog, fromBase64, getScenario, getTier, parseScenario, parseSeed, replay, Rng, TIERS } from "../../game/core";
import { addAdmin, adminCookie, adminSession } from "../support/admin";
import { finishBody } from "../support/api";
import { useAppServer } from "../support/app";
import { runHumanClicker } from "../support/bots";

const app = useAppServer();
const sprint = getScenario("gridshot-sprint")!;

async function startRun(token: string) {
  const res = await app.api.post("/api/runs", { scenario: sprint.id, tier: "free" }, token);
  expect(res.status).toBe(201);
  const seed = parseSeed(res.body.seed);
  return { runId: res.body.runId as string, seed, startedAt: Date.parse(res.body.startedAt), log: runHumanClicker(sprint, seed, TIERS.free, new Rng(seed)).sim.log() };
}

/** The payload's own data, replayed here with the core: the score a viewer will see. */
function replayedScore(payload: any): number {
  const scenario = parseScenario(payload.scenario.definition);
  const log = decodeLog(fromBase64(payload.log));
  return replay(scenario, parseSeed(payload.seed), getTier(payload.tier.name)!, log, { cm360: payload.settings.cm360, dpi: payload.settings.dpi }).score;
}

it("serves verified runs to anyone, other runs only to their player, with a log that replays to the stored score", async () => {
  const owner = await app.api.player("rpo");
  const other = await app.api.player("rpx");
  const verified = await startRun(owner.token); // finished once its duration has passed
  const rejected = await startRun(owner.token);
  const unfinished = await startRun(owner.token);

  // Finished at once: less time passed on the server than the run lasts, so it is rejected, log kept.
  const early = await app.api.post(`/api/runs/${rejected.runId}/finish`, finishBody(rejected.log), owner.token);
  expect([early.status, early.body.run.verdict, early.body.run.reasonCode]).toEqual([422, "rejected", "clock_mismatch"]);

  const url = (runId: string) => `/api/runs/${runId}/replay`;
  const unknown = await app.api.get(url("no-such-run"), owner.token);
  expect([unknown.status, unknown.body.error.code]).toEqual([404, "run_not_found"]);
  expect((await app.api.get(url("no-such-run"))).status).toBe(404);

  // A run that is not verified: its player only.
  const anonymous = await app.api.get(url(rejected.runId));
  expect([anonymous.status, anonymous.body.error.code]).toEqual([401, "unauthenticated"]);
  const stranger = await app.api.get(url(rejected.runId), other.token);
  expect([stranger.status, stranger.body.error.code]).toEqual([403, "run_not_public"]);
  const forged = await app.api.get(url(rejected.runId), "fb_not-a-real-token");
  expect(forged.status).toBe(401);
  const own = await app.api.get(url(rejected.runId), owner.token);
  expect(own.status).toBe(200);
  expect(own.headers.get("cache-control")).toBe("private, no-store");
  expect(own.body.replay).toMatchObject({
    runId: rejected.runId,
    player: { id: owner.id, handle: owner.handle },
    stored: { score: null, verdict: "rejected", reasonCode: "clock_mismatch" },
  });
  expect(replayedScore(own.body.replay)).toBe(early.body.run.result.score);
  // The session cookie works as the token does.
  const byCookie = await fetch(`${app.server.url}${url(rejected.runId)}`, { headers: { cookie: `fb_session=${owner.token}` } });
  expect(byCookie.status).toBe(200);
  expect(((await byCookie.json()) as any).replay.runId).toBe(rejected.runId);

  // Admins and staff watch any finished run through the admin API; a player's token is not theirs.
  const staff = adminCookie(await adminSession(app.server.url, await addAdmin(app.databaseUrl, { role: "staff" })), app.server.url);
  const asStaff = await app.api.call("GET", `/api/admin/runs/${rejected.runId}/replay`, { headers: staff });
  expect([asStaff.status, asStaff.body.replay]).toEqual([200, own.body.replay]);
  expect((await app.api.call("GET", `/api/admin/runs/${unfinished.runId}/replay`, { headers: staff })).body.error.code).toBe("run_not_finished");
  expect((await app.api.get(`/api/admin/runs/${rejected.runId}/replay`, other.token)).body.error.code).toBe("not_an_admin");

  // Not finished yet: nothing to replay.
  const pending = await app.api.get(url(unfinished.runId), owner.token);
  expect([pending.status, pending.body.error.code]).toEqual([409, "run_not_finished"]);
  expect((await app.api.get(url(unfinished.runId), other.token)).status).toBe(403);

  // Verified: public.
  await new Promise((r) => setTimeout(r, Math.max(0, verified.startedAt + sprint.durationMs + 300 - Date.now())));
  const finished = await app.api.post(`/api/runs/${verified.runId}/finish`, finishBody(verified.log), owner.token);
  expect([finished.status, finished.body.run.verdict]).toEqual([200, "verified"]);
  const res = await app.api.get(url(verified.runId));
  expect(res.status).toBe(200);
  const payload = res.body.replay;
  expect(payload).toEqual({
    runId: verified.runId,
    player: { id: owner.id, handle: owner.handle },
    scenario: { id: sprint.id, version: expect.stringMatching(/^[0-9a-f]{64}$/), definition: sprint },
    seed: verified.seed.toString(16).padStart(8, "0"),
    tier: { name: "free", fpsCap: 60, addedLatencyMs: 40 },
    settings: { cm360: 30, dpi: 800, hfovDeg: 103 },
    environment: expect.objectContaining({ tier: "free", achievedFps: 60, rawInput: true }),
    log: finishBody(verified.log).log,
    stored: { score: finished.body.run.score, verdict: "verified", reasonCode: null },
    startedAt: new Date(verified.startedAt).toISOString(),
    finishedAt: finished.body.run.finishedAt,
  });
  expect(payload.environment).not.toHaveProperty("userAgent");
  expect(replayedScore(payload)).toBe(payload.stored.score);
  expect(payload.stored.score).toBeGreaterThan(0);
  expect((await app.api.get(url(verified.runId), other.token)).status).toBe(200);
});

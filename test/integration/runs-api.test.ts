/**
 * The runs API against the real server and SQLite: starting runs, every refusal with its code,
 * idempotent finishing. (A legitimate run, which must last its whole duration on the server's
 * clock, is in runs-verified.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { createInputLog, encodeLog, getScenario, parseSeed, Rng, TIERS, toBase64, type InputLog } from "../../game/core";
import { createDb } from "../../server/db/client";
import { finishBody } from "../support/api";
import { useAppServer } from "../support/app";
import { frameSchedule, runClickBot, runHumanClicker } from "../support/bots";

const app = useAppServer();
const sprint = getScenario("gridshot-sprint")!;

async function started(token: string, tier: "free" | "ultimate" = "free") {
  const res = await app.api.post("/api/runs", { scenario: sprint.id, tier }, token);
  expect(res.status).toBe(201);
  return res.body as { runId: string; seed: string };
}

function fullFrames(parts: Parameters<typeof createInputLog>[0] = {}, fps = 60): InputLog {
  return createInputLog({ frames: frameSchedule(fps, sprint.durationMs), ...parts });
}

async function finish(token: string, runId: string, body: unknown) {
  return app.api.post(`/api/runs/${runId}/finish`, body, token);
}

describe("POST /api/runs", () => {
  it("starts a run: the server's seed, the pinned scenario version, the tier profile and times", async () => {
    const p = await app.member("st");
    const before = Date.now();
    const res = await app.api.post("/api/runs", { scenario: "gridshot", tier: "ultimate" }, p.token);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      runId: expect.any(String),
      seed: expect.stringMatching(/^[0-9a-f]{8}$/),
      scenario: { id: "gridshot", version: expect.stringMatching(/^[0-9a-f]{64}$/) },
      tier: { name: "ultimate", fpsCap: 240, addedLatencyMs: 10 },
      startedAt: expect.any(String),
      expiresAt: expect.any(String),
    });
    const startedAt = Date.parse(res.body.startedAt);
    expect(startedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(res.body.expiresAt) - startedAt).toBe(60_000 + 10_000); // duration + RUN_FINISH_ALLOWANCE_SEC
  });

  it("refuses unauthenticated, unknown scenarios and unknown tiers", async () => {
    const p = await app.api.player("st");
    expect((await app.api.post("/api/runs", { scenario: "gridshot", tier: "free" })).status).toBe(401);
    const unknown = await app.api.post("/api/runs", { scenario: "nope", tier: "free" }, p.token);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "scenario_not_found"]);
    const tier = await app.api.post("/api/runs", { scenario: "gridshot", tier: "platinum" }, p.token);
    expect([tier.status, tier.body.error.code]).toEqual([422, "validation_failed"]);
  });
});

describe("POST /api/runs/:id/finish — request errors write nothing", () => {
  it("unknown run 404, someone else's run 403, bad JSON 400, bad body 422, oversized body 413", async () => {
    const p = await app.api.player("fe");
    const other = await app.api.player("fo");
    const run = await started(p.token);
    const body = finishBody(fullFrames());

    const unknown = await finish(p.token, "no-such-run", body);
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "run_not_found"]);
    const theirs = await finish(other.token, run.runId, body);
    expect([theirs.status, theirs.body.error.code]).toEqual([403, "run_not_yours"]);
    const badJson = await app.api.call("POST", `/api/runs/${run.runId}/finish`, { raw: "{", token: p.token });
    expect([badJson.status, badJson.body.error.code]).toEqual([400, "invalid_json"]);
    const badBody = await finish(p.token, run.runId, { log: 5 });
    expect([badBody.status, badBody.body.error.code]).toEqual([422, "validation_failed"]);
    const huge = await finish(p.token, run.runId, { ...body, log: "A".repeat(1100 * 1024) });
    expect([huge.status, huge.body.error.code]).toEqual([413, "payload_too_large"]);

    // None of that touched the run: it still finishes normally.
    const first = await finish(p.token, run.runId, body);
    expect(first.body.run).toMatchObject({ id: run.runId, verdict: expect.any(String) });
  });
});

describe("verdicts: each refusal has its reason code", () => {
  const cases: [string, () => unknown][] = [
    ["log_too_large", () => ({ ...finishBody(fullFrames()), log: "A".repeat(360 * 1024) })],
    ["log_undecodable", () => ({ ...finishBody(fullFrames()), log: toBase64(new Uint8Array([1, 2, 3, 4, 5, 6])) })],
    [
      "log_out_of_order",
      () => {
        const ordered = encodeLog(createInputLog({ mouse: [[1, 1, 0], [2, 1, 0]] }));
        return { ...finishBody(fullFrames()), log: toBase64(new Uint8Array([...ordered.slice(0, -2), 0x80, 0x81, 0x80])) };
      },
    ],
    ["log_outside_run", () => finishBody(fullFrames({ mouse: [[sprint.durationMs + 1, 2, 2]] }))],
    ["log_incomplete", () => finishBody(createInputLog({ frames: frameSchedule(60, 3000) }))],
    ["frame_cap_exceeded", () => finishBody(fullFrames({}, 240))],
    ["tier_mismatch", () => finishBody(fullFrames({}, 240), TIERS.ultimate)],
    [
      "click_rate",
      () => finishBody(fullFrames({ buttons: Array.from({ length: 30 }, (_, i) => [[1000 + i * 30, 0, true], [1010 + i * 30, 0, false]] as const).flat() as never })),
    ],
    ["angular_speed", () => finishBody(fullFrames({ mouse: [[500, 5000, 0], [501, 5000, 0]] }))],
    [
      "repeated_input",
      () => {
        const pattern = [[9, 3], [15, -6], [-12, 6], [21, 0], [6, 9], [-18, -3], [12, 12], [3, -9]];
        const mouse = Array.from({ length: 128 }, (_, i) => [2000 + i * 2 + (i >> 5) * 500, ...pattern[i % 8]!]);
        return finishBody(fullFrames({ mouse: mouse as never }));
      },
    ],
    ["clock_mismatch", () => finishBody(runHumanClicker(sprint, 1, TIERS.free, new Rng(1)).sim.log())],
  ];

  it.each(cases)("%s", async (code, body) => {
    const p = await app.api.player("rc");
    const run = await started(p.token);
    const res = await finish(p.token, run.runId, body());
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({ code, message: expect.any(String) });
    expect(res.body.run).toMatchObject({ id: run.runId, verdict: "rejected", reasonCode: code, score: null });
  });

  it("aimbot_pattern and inhuman_reaction: a perfect aimbot on the run's own seed", async () => {
    const p = await app.api.player("ab");
    const run = await started(p.token);
    const bot = runClickBot(sprint, parseSeed(run.seed), TIERS.free);
    const res = await finish(p.token, run.runId, finishBody(bot.sim.log()));
    expect(res.status).toBe(422);
    expect(res.body.run.verdict).toBe("rejected");
    expect(res.body.run.reasons.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(["aimbot_pattern", "inhuman_reaction"]));
    expect(res.body.run.reasonCode).toBe("aimbot_pattern");
  });

  it("replayed_log: the same log submitted for a second run", async () => {
    const p = await app.api.player("rp");
    const body = finishBody(runHumanClicker(sprint, 2, TIERS.free, new Rng(2)).sim.log());
    await finish(p.token, (await started(p.token)).runId, body);
    const res = await finish(p.token, (await started(p.token)).runId, body);
    expect(res.body.error.code).toBe("replayed_log");
  });

  it("run_expired: finished after the run's expiry (410)", async () => {
    const p = await app.api.player("ex");
    const run = await started(p.token);
    const db = createDb(app.databaseUrl);
    await db.run.update({ where: { id: run.runId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await db.$disconnect();
    const res = await finish(p.token, run.runId, finishBody(fullFrames()));
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe("run_expired");
  });
});

describe("idempotent finish", () => {
  it("repeating a finish returns the first answer; another submission is refused", async () => {
    const p = await app.api.player("id");
    const run = await started(p.token);
    const body = finishBody(runHumanClicker(sprint, 3, TIERS.free, new Rng(3)).sim.log());
    const first = await finish(p.token, run.runId, body);
    const again = await finish(p.token, run.runId, body);
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    const different = await finish(p.token, run.runId, finishBody(fullFrames()));
    expect([different.status, different.body.error.code]).toEqual([409, "run_already_finished"]);
  });

  it("with a client idempotency key: the key identifies the request; reusing it on another run is refused", async () => {
    const p = await app.api.player("ik");
    const run = await started(p.token);
    const body = { ...finishBody(runHumanClicker(sprint, 4, TIERS.free, new Rng(4)).sim.log()), idempotencyKey: "key-000000001" };
    const first = await finish(p.token, run.runId, body);
    expect((await finish(p.token, run.runId, body)).body).toEqual(first.body);
    const second = await started(p.token);
    const reused = await finish(p.token, second.runId, { ...finishBody(fullFrames()), idempotencyKey: "key-000000001" });
    expect([reused.status, reused.body.error.code]).toEqual([409, "idempotency_key_reused"]);
  });

  it("two concurrent finishes of one run store one verdict", async () => {
    const p = await app.api.player("cc");
    const run = await started(p.token);
    const body = finishBody(runHumanClicker(sprint, 5, TIERS.free, new Rng(5)).sim.log());
    const [a, b] = await Promise.all([finish(p.token, run.runId, body), finish(p.token, run.runId, body)]);
    expect(a.body).toEqual(b.body);
  });
});

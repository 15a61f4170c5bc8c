/**
 * Kiosks over HTTP against the real server: pairing with a one-time code, the credential as an
 * httpOnly cookie, booth sessions that work only with their kiosk's credential and end when the
 * player leaves (the next player cannot act as the previous one), a kiosk revoked (npm run
 * kiosk:revoke) refused at once, booth runs (the kiosk's scenario, free then Ultimate, no
 * membership) stored as a pair, the uplift, and late uploads: let in (with a review note) when the
 * kiosk was offline when the finish was due, run_expired when it was online (a game slowed down),
 * counted once however often repeated.
 */
import { describe, expect, it } from "vitest";
import { parseScenario, parseSeed, Rng, TIERS, type Scenario, type TierName } from "../../game/core";
import { finishBody } from "../support/api";
import { useAppServer } from "../support/app";
import { withDb } from "../support/db";
import { runHumanClicker } from "../support/bots";
import { runCli } from "../support/cli";

/** A small allowance keeps the late-upload waits short: a finish is due within duration + 4 s. */
const ALLOWANCE_MS = 4000;
// Every test pairs kiosks of its own from this one address: more than a booth would in a minute.
const app = useAppServer({ RUN_FINISH_ALLOWANCE_SEC: String(ALLOWANCE_MS / 1000), KIOSK_PAIR_RATE_PER_IP: "100" });

const until = (at: number) => new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));

async function createKiosk(name: string, runSeconds = 5) {
  const out = await runCli("kiosk-create.ts", ["--name", name, "--run-seconds", String(runSeconds)], { DATABASE_URL: app.databaseUrl });
  expect(out.code, out.stderr).toBe(0);
  return { code: /Pairing code: (\S+)/.exec(out.stdout)![1]!, pin: /Staff PIN: (\d{6})/.exec(out.stdout)![1]! };
}

/** A paired booth machine: its credential cookie, and requests as its pages make them (same origin). */
async function pairedKiosk(name: string, runSeconds = 5) {
  const { code, pin } = await createKiosk(name, runSeconds);
  const paired = await app.api.post("/api/kiosks/pair", { code });
  expect(paired.status).toBe(201);
  const credential = /fb_kiosk=([^;]+)/.exec(paired.headers.get("set-cookie")!)![1]!;
  return { pin, config: paired.body.kiosk, credential, call: kioskCall(credential) };
}

function kioskCall(credential: string | null) {
  return async (method: string, path: string, options: { body?: unknown; token?: string; origin?: string } = {}) => {
    const headers: Record<string, string> = { origin: options.origin ?? app.server.url };
    if (credential) headers.cookie = `fb_kiosk=${credential}`;
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${app.server.url}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
}
type Call = ReturnType<typeof kioskCall>;

const handle = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 9)}`;

async function signUp(call: Call, body: object = { handle: handle("bp") }) {
  const res = await call("POST", "/api/kiosks/me/players", { body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { player: { id: string; handle: string }; token: string };
}

/** Starts a booth run and plays it as a person would (the honest model), on the kiosk's scenario. */
async function playBoothRun(call: Call, token: string, scenario: Scenario, tier: TierName, seed = 1) {
  const res = await call("POST", "/api/runs", { token, body: { scenario: scenario.id, tier } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const log = runHumanClicker(scenario, parseSeed(res.body.seed), TIERS[tier], new Rng(seed)).sim.log();
  return { runId: res.body.runId as string, startedAt: Date.parse(res.body.startedAt), expiresAt: Date.parse(res.body.expiresAt), body: finishBody(log, TIERS[tier]) };
}

async function scenarioOf(id: string): Promise<Scenario> {
  return parseScenario((await app.api.get(`/api/scenarios/${id}`)).body.scenario.definition);
}

describe("pairing", () => {
  it("pairs a device once with its code, as an httpOnly cookie; the kiosk API needs it and same-origin writes", async () => {
    const { code } = await createKiosk("Pairing booth", 6);
    expect((await app.api.post("/api/kiosks/pair", { code: "ZZZZ-ZZZZ" })).body.error.code).toBe("pairing_code_not_found");
    // Typed loosely: lower case, a space instead of the dash.
    const paired = await app.api.post("/api/kiosks/pair", { code: code.toLowerCase().replace("-", " ") });
    expect(paired.status).toBe(201);
    const cookie = paired.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^fb_kiosk=fbk_[\w-]+;.*HttpOnly.*SameSite=Strict/);
    expect(JSON.stringify(paired.body)).not.toContain("fbk_");
    expect(paired.body.kiosk).toMatchObject({ name: "Pairing booth", scenario: { id: "gridshot-6s", name: "Gridshot (6 s)", durationMs: 6000 }, idleSeconds: 30 });
    // One use.
    expect((await app.api.post("/api/kiosks/pair", { code })).status).toBe(404);

    const credential = /fb_kiosk=([^;]+)/.exec(cookie)![1]!;
    expect((await kioskCall(null)("GET", "/api/kiosks/me")).status).toBe(401);
    expect((await kioskCall(credential)("GET", "/api/kiosks/me")).body.kiosk.scenario.id).toBe("gridshot-6s");
    const foreign = await kioskCall(credential)("POST", "/api/kiosks/me/players", { body: { handle: handle("x") }, origin: "https://evil.example" });
    expect(foreign).toMatchObject({ status: 403, body: { error: { code: "cross_origin" } } });
    // The booth variant is played at kiosks only: not in the catalog.
    expect((await app.api.get("/api/scenarios")).body.scenarios.map((s: { id: string }) => s.id)).not.toContain("gridshot-6s");
  });

  it("kiosk:create refuses bad flags and unknown scenarios, writing nothing", async () => {
    const env = { DATABASE_URL: app.databaseUrl };
    const short = await runCli("kiosk-create.ts", ["--name", "X", "--run-seconds", "2"], env);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/--run-seconds: .*5/);
    const unknown = await runCli("kiosk-create.ts", ["--name", "X", "--scenario", "nope"], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No playable scenario "nope"');
    expect(await withDb(app.databaseUrl, (db) => db.kiosk.count({ where: { name: "X" } }))).toBe(0);
  });

  it("checks the staff PIN on the server", async () => {
    const kiosk = await pairedKiosk("PIN booth");
    const wrong = kiosk.pin === "000000" ? "000001" : "000000";
    expect(await kiosk.call("POST", "/api/kiosks/me/staff", { body: { pin: wrong } })).toMatchObject({ status: 403, body: { error: { code: "wrong_pin" } } });
    expect(await kiosk.call("POST", "/api/kiosks/me/staff", { body: { pin: kiosk.pin } })).toMatchObject({ status: 200, body: { ok: true } });
  });
});

describe("the booth", () => {
  it("signs players up by the site's rules, stores an e-mail only with consent, and finds a returning player", async () => {
    const { call } = await pairedKiosk("Sign-up booth");
    const name = handle("su");
    expect((await call("GET", `/api/kiosks/me/handles?handle=${name}`)).body.check).toEqual({ handle: name, available: true, message: null });
    expect((await call("GET", "/api/kiosks/me/handles?handle=a!")).body.check).toMatchObject({ available: false, message: expect.stringContaining("3 to 20") });

    const noConsent = await call("POST", "/api/kiosks/me/players", { body: { handle: name, email: "Ann@Example.com" } });
    expect(noConsent).toMatchObject({ status: 422, body: { error: { code: "consent_required" } } });
    expect(await withDb(app.databaseUrl, (db) => db.player.count({ where: { handleKey: name } }))).toBe(0);

    const ann = await signUp(call, { handle: name, email: "Ann@Example.com", consent: true });
    expect((await call("GET", `/api/kiosks/me/handles?handle=${name.toUpperCase()}`)).body.check).toMatchObject({ available: false, message: "That handle is already taken." });
    const stored = await withDb(app.databaseUrl, (db) => db.player.findUniqueOrThrow({ where: { id: ann.player.id } }));
    expect(stored).toMatchObject({ contactEmail: "ann@example.com", kioskId: expect.any(String) });
    expect(stored.contactConsentAt).not.toBeNull();
    const bob = await signUp(call);
    expect((await withDb(app.databaseUrl, (db) => db.player.findUniqueOrThrow({ where: { id: bob.player.id } }))).contactEmail).toBeNull();

    expect((await call("POST", "/api/kiosks/me/players/returning", { body: { handle: name, email: "other@example.com" } })).status).toBe(404);
    const again = await call("POST", "/api/kiosks/me/players/returning", { body: { handle: name.toUpperCase(), email: "ANN@example.com" } });
    expect(again.status).toBe(200);
    expect(again.body.player.id).toBe(ann.player.id);
    expect(again.body.token).not.toBe(ann.token);
  });

  it("plays the kiosk's scenario, free then Ultimate without a membership, stored as a pair with the kiosk id; the uplift counts it", async () => {
    const { call, config } = await pairedKiosk("Pair booth");
    const scenario = await scenarioOf(config.scenario.id);
    const { player, token } = await signUp(call);

    expect(await call("POST", "/api/runs", { token, body: { scenario: "gridshot", tier: "free" } })).toMatchObject({ status: 403, body: { error: { code: "kiosk_scenario_only" } } });
    expect(await call("POST", "/api/runs", { token, body: { scenario: scenario.id, tier: "ultimate" } })).toMatchObject({ status: 409, body: { error: { code: "booth_run_order" } } });
    // A booth token without its kiosk's credential is nobody.
    expect((await app.api.get("/api/players/me", token)).status).toBe(401);
    expect((await app.api.post("/api/runs", { scenario: scenario.id, tier: "free" }, token)).status).toBe(401);

    const free = await playBoothRun(call, token, scenario, "free", 1);
    const ultimate = await playBoothRun(call, token, scenario, "ultimate", 2);
    await until(ultimate.startedAt + scenario.durationMs + 100);
    const scores: number[] = [];
    for (const run of [free, ultimate]) {
      const res = await call("POST", `/api/runs/${run.runId}/finish`, { token, body: run.body });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.run.verdict).toBe("verified");
      scores.push(res.body.run.score);
    }
    expect(await call("POST", "/api/runs", { token, body: { scenario: scenario.id, tier: "free" } })).toMatchObject({ status: 409, body: { error: { code: "booth_run_order" } } });

    const visit = await withDb(app.databaseUrl, (db) => db.boothVisit.findFirstOrThrow({ where: { playerId: player.id }, include: { freeRun: true, ultimateRun: true } }));
    expect(visit).toMatchObject({ kioskId: config.id, scenarioId: scenario.id, freeRunId: free.runId, ultimateRunId: ultimate.runId });
    expect([visit.freeRun!.kioskId, visit.ultimateRun!.kioskId]).toEqual([config.id, config.id]);
    expect([visit.freeRun!.tier, visit.ultimateRun!.tier]).toEqual(["free", "ultimate"]);

    const uplift = (await app.api.get(`/api/kiosks/uplift?scenario=${scenario.id}`)).body.uplift;
    expect(uplift).toMatchObject({ scenario: scenario.id, pairs: 1, meanFree: scores[0], meanUltimate: scores[1] });
    expect(uplift.medianRatio).toBeCloseTo(scores[1]! / scores[0]!, 6);
  });

  it("starts a booth run again after the player gave it up (pointer lock lost), and not the Ultimate run before a free one stands", async () => {
    const { call, config } = await pairedKiosk("Abandon booth");
    const { player, token } = await signUp(call);
    const start = (tier: TierName) => call("POST", "/api/runs", { token, body: { scenario: config.scenario.id, tier } });
    const first = await start("free");
    expect(first.status).toBe(201);
    expect((await call("POST", `/api/runs/${first.body.runId}/abandon`, { token })).status).toBe(204);
    expect(await start("ultimate")).toMatchObject({ status: 409, body: { error: { code: "booth_run_order" } } });

    const again = await start("free");
    expect(again.status).toBe(201);
    expect(again.body.runId).not.toBe(first.body.runId);
    expect(await withDb(app.databaseUrl, (db) => db.boothVisit.findFirstOrThrow({ where: { playerId: player.id } }))).toMatchObject({ freeRunId: again.body.runId });
    // An unfinished free run (its finish may be kept on the device) lets the Ultimate run start.
    expect((await start("ultimate")).status).toBe(201);
  });

  it("the next player cannot submit or read as the previous one", async () => {
    const { call, config } = await pairedKiosk("Handover booth");
    const scenario = await scenarioOf(config.scenario.id);
    const first = await signUp(call);
    const firstRun = await playBoothRun(call, first.token, scenario, "free");
    // The first player leaves the result screen: their session ends.
    expect((await call("POST", "/api/kiosks/me/leave")).status).toBe(204);
    const second = await signUp(call);

    expect((await call("GET", "/api/players/me", { token: first.token })).status).toBe(401);
    expect((await call("POST", "/api/runs", { token: first.token, body: { scenario: scenario.id, tier: "free" } })).status).toBe(401);
    await until(firstRun.startedAt + scenario.durationMs + 100);
    expect((await call("POST", `/api/runs/${firstRun.runId}/finish`, { token: first.token, body: firstRun.body })).status).toBe(401);
    expect(await call("POST", `/api/runs/${firstRun.runId}/finish`, { token: second.token, body: firstRun.body })).toMatchObject({ status: 403, body: { error: { code: "run_not_yours" } } });
    expect((await call("GET", `/api/runs/${firstRun.runId}/replay`, { token: second.token })).body.error.code).toBe("run_not_public");
    expect((await call("GET", `/api/runs/${firstRun.runId}/replay`, { token: first.token })).status).toBe(401);
    expect((await call("GET", "/api/players/me", { token: second.token })).body.player.handle).toBe(second.player.handle);

    // Even without a leave, a new booth session ends the one before it.
    const third = await signUp(call);
    expect((await call("GET", "/api/players/me", { token: second.token })).status).toBe(401);
    expect((await call("GET", "/api/players/me", { token: third.token })).status).toBe(200);
    expect(await withDb(app.databaseUrl, (db) => db.run.findUniqueOrThrow({ where: { id: firstRun.runId } }))).toMatchObject({ finishedAt: null, playerId: first.player.id });
  });

  it("refuses a revoked kiosk at once: its credential and its booth sessions", async () => {
    const { call, config } = await pairedKiosk("Revoked booth");
    const scenario = await scenarioOf(config.scenario.id);
    const { token } = await signUp(call);
    expect((await call("GET", "/api/players/me", { token })).status).toBe(200);
    const env = { DATABASE_URL: app.databaseUrl };
    const unknown = await runCli("kiosk-revoke.ts", ["--id", "nope"], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No kiosk with that id.");
    const revoked = await runCli("kiosk-revoke.ts", ["--id", config.id], env);
    expect(revoked.code, revoked.stderr).toBe(0);

    expect((await call("GET", "/api/kiosks/me")).status).toBe(401);
    expect((await call("GET", "/api/players/me", { token })).status).toBe(401);
    expect((await call("POST", "/api/runs", { token, body: { scenario: scenario.id, tier: "free" } })).status).toBe(401);
    expect((await call("POST", "/api/kiosks/me/players", { body: { handle: handle("rv") } })).status).toBe(401);
    expect(await withDb(app.databaseUrl, (db) => db.auditLog.count({ where: { action: "kiosk.revoked", targetId: config.id } }))).toBe(1);
  });
});

describe("late uploads", () => {
  it("lets in a kept run of a kiosk that was offline when it was due, once, with a review note; an online kiosk's late finish expires", async () => {
    const offline = await pairedKiosk("Offline booth");
    const online = await pairedKiosk("Online booth");
    const scenario = await scenarioOf(offline.config.scenario.id);
    const a = await signUp(offline.call);
    const b = await signUp(online.call);
    const kept = await playBoothRun(offline.call, a.token, scenario, "free", 3);
    const slowed = await playBoothRun(online.call, b.token, scenario, "free", 4);

    // The online kiosk keeps its heartbeat through the time its finish was due; the other is silent.
    while (Date.now() < slowed.expiresAt + 300) {
      expect((await online.call("GET", "/api/kiosks/me")).status).toBe(200);
      await new Promise((r) => setTimeout(r, 500));
    }
    await until(kept.expiresAt + 300);

    const late = await online.call("POST", `/api/kiosks/me/runs/${slowed.runId}/finish`, { body: slowed.body });
    expect(late).toMatchObject({ status: 410, body: { error: { code: "run_expired" } } });

    const body = { ...kept.body, idempotencyKey: `${kept.runId}-upload` };
    // Another kiosk cannot upload it.
    expect((await online.call("POST", `/api/kiosks/me/runs/${kept.runId}/finish`, { body })).status).toBe(404);
    const uploaded = await offline.call("POST", `/api/kiosks/me/runs/${kept.runId}/finish`, { body });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(200);
    expect(uploaded.body.run.verdict).toBe("verified");
    expect(uploaded.body.run.reasons).toEqual([expect.objectContaining({ code: "late_upload", severity: "review" })]);
    // Ranked on the day's board like any finish (the booth's earlier players of the day rank too).
    expect(uploaded.body.ranks.find((r: { period: string; tier: string }) => r.period === "day" && r.tier === "all").rank).toBeGreaterThanOrEqual(1);
    const repeated = await offline.call("POST", `/api/kiosks/me/runs/${kept.runId}/finish`, { body });
    expect(repeated).toEqual(uploaded);

    await withDb(app.databaseUrl, async (db) => {
      const run = await db.run.findUniqueOrThrow({ where: { id: kept.runId } });
      expect(run.lateUploadAt).not.toBeNull();
      expect(run.kioskOnlineAt).toBeNull();
      expect((run.findings as { code: string; evidence: { lateByMs: number } }[]).filter((f) => f.code === "late_upload")).toEqual([
        expect.objectContaining({ evidence: expect.objectContaining({ lateByMs: expect.any(Number) }) }),
      ]);
      expect(await db.boardEntry.count({ where: { runId: kept.runId } })).toBeGreaterThan(0);
      expect(await db.boardEntry.count({ where: { runId: kept.runId, periodKind: "day", tier: "all" } })).toBe(1);
      expect(await db.auditLog.count({ where: { action: "run.late_upload", targetId: kept.runId } })).toBe(1);
      const expired = await db.run.findUniqueOrThrow({ where: { id: slowed.runId } });
      expect(expired).toMatchObject({ verdict: "rejected", reasonCode: "run_expired", lateUploadAt: null });
      expect(expired.kioskOnlineAt).not.toBeNull();
    });
  });

  it("expires a kept run uploaded beyond KIOSK_UPLOAD_ALLOWANCE_HOURS", async () => {
    const kiosk = await pairedKiosk("Slow booth");
    const scenario = await scenarioOf(kiosk.config.scenario.id);
    const { token } = await signUp(kiosk.call);
    const run = await playBoothRun(kiosk.call, token, scenario, "free", 5);
    // As if the run had been due 25 hours ago (the default allowance is 24 h).
    await withDb(app.databaseUrl, (db) => db.run.update({ where: { id: run.runId }, data: { startedAt: new Date(Date.now() - 25 * 3600_000), expiresAt: new Date(Date.now() - 25 * 3600_000 + 9000) } }));
    const res = await kiosk.call("POST", `/api/kiosks/me/runs/${run.runId}/finish`, { body: run.body });
    expect(res).toMatchObject({ status: 410, body: { error: { code: "run_expired" } } });
  });
});

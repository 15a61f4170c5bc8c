/** Players over HTTP against the real server and SQLite. */
import { describe, expect, it } from "vitest";
import { useAppServer } from "../support/app";

const app = useAppServer();

describe("POST /api/players", () => {
  it("creates a player, returns a token and sets an httpOnly session cookie", async () => {
    const res = await fetch(`${app.server.url}/api/players`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ handle: "AimLab_01" }),
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toEqual({ player: { id: expect.any(String), handle: "AimLab_01" }, token: expect.stringMatching(/^fb_/) });
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toContain(`fb_session=${body.token}`);
    expect(cookie.toLowerCase()).toContain("httponly");

    // The cookie alone authenticates.
    const me = await fetch(`${app.server.url}/api/players/me`, { headers: { cookie: `fb_session=${body.token}` } });
    expect((await me.json()).player.handle).toBe("AimLab_01");
  });

  it("refuses a handle taken in another case with 409, and writes nothing", async () => {
    await app.api.post("/api/players", { handle: "CaseClash" });
    const res = await app.api.post("/api/players", { handle: "caseCLASH" });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: { code: "handle_taken", message: expect.any(String) } });
  });

  it.each([
    ["ab", "invalid_handle"],
    ["a".repeat(21), "invalid_handle"],
    ["has space", "invalid_handle"],
    ["N1gg3r_x", "handle_not_allowed"],
    ["xx.f.a.g.g.o.t", "handle_not_allowed"],
  ])("refuses %j with 422 %s", async (handle, code) => {
    const res = await app.api.post("/api/players", { handle });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe(code);
  });

  it("lets ordinary words that contain a blocked term through", async () => {
    expect((await app.api.post("/api/players", { handle: "SpicyNigeria" })).status).toBe(201);
  });

  it("answers malformed bodies with 400 / 422", async () => {
    expect((await app.api.call("POST", "/api/players", { raw: "{nope" })).body.error.code).toBe("invalid_json");
    const res = await app.api.post("/api/players", { handle: 42 });
    expect(res.status).toBe(422);
    expect(res.body.error).toEqual({ code: "validation_failed", message: expect.stringContaining("handle") });
  });
});

describe("/api/players/me", () => {
  it("401 without a session", async () => {
    const res = await app.api.get("/api/players/me");
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthenticated");
    expect((await app.api.get("/api/players/me", "fb_forged")).status).toBe(401);
  });

  it("reads and updates the handle and settings with a Bearer token", async () => {
    const p = await app.api.player("me");
    const patched = await app.api.call("PATCH", "/api/players/me", {
      token: p.token,
      body: { handle: `${p.handle}X`.slice(0, 20), settings: { cm360: 28.5, dpi: 1600, hfovDeg: 100 } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.player).toMatchObject({ handle: `${p.handle}X`.slice(0, 20), settings: { cm360: 28.5, dpi: 1600, hfovDeg: 100 } });
    // Settings merge: a later patch keeps the earlier fields.
    await app.api.call("PATCH", "/api/players/me", { token: p.token, body: { settings: { targetColour: "sky" } } });
    const me = await app.api.get("/api/players/me", p.token);
    expect(me.body.player.settings).toEqual({ cm360: 28.5, dpi: 1600, hfovDeg: 100, targetColour: "sky" });
  });

  it("refuses bad settings and taken handles without changing anything", async () => {
    const p = await app.api.player("bad");
    const other = await app.api.player("oth");
    const bad = await app.api.call("PATCH", "/api/players/me", { token: p.token, body: { settings: { dpi: 3 } } });
    expect(bad.status).toBe(422);
    const taken = await app.api.call("PATCH", "/api/players/me", { token: p.token, body: { handle: other.handle.toUpperCase() } });
    expect(taken.status).toBe(409);
    const me = await app.api.get("/api/players/me", p.token);
    expect(me.body.player).toMatchObject({ handle: p.handle, settings: {} });
  });
});

describe("/api/scenarios", () => {
  it("lists the playable scenarios and returns one with its definition", async () => {
    const list = await app.api.get("/api/scenarios");
    expect(list.status).toBe(200);
    expect(list.body.scenarios).toContainEqual({
      id: "gridshot",
      name: "Gridshot",
      kind: "clicking-static",
      version: expect.stringMatching(/^[0-9a-f]{64}$/),
      durationMs: 60000,
    });
    const one = await app.api.get("/api/scenarios/smooth-track");
    expect(one.body.scenario).toMatchObject({ id: "smooth-track", kind: "tracking", definition: { durationMs: expect.any(Number) } });
    const missing = await app.api.get("/api/scenarios/nope");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("scenario_not_found");
  });
});

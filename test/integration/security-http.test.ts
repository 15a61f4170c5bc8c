/**
 * Security findings F1, F2, F4 and F7 of the hardening issue, against the real server: each was
 * reproduced on the old code (a plain-text 500, a 500 with the query in the log, a cross-site write
 * with the victim's cookie, an empty 405 / an HTML 404) and is answered with a JSON error now.
 */
import http from "node:http";
import { describe, expect, it } from "vitest";
import { useAppServer } from "../support/app";

const app = useAppServer();

/** A request exactly as written (fetch would normalise some of these paths and headers). */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(`${app.server.url}${path}`, { method, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function expectJsonError(res: { status: number; headers: http.IncomingHttpHeaders; body: string }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/json/);
  expect(JSON.parse(res.body)).toEqual({ error: { code, message: expect.any(String) } });
}

describe("F1: paths that cannot be decoded", () => {
  it.each(["/api/scenarios/%ff%fe", "/api/runs/%E0%A4%A/finish", "/api/leaderboards/%/players/x", "/api/scenarios/a%00b"])(
    "%s answers 400 invalid_path as JSON",
    async (path) => {
      expectJsonError(await raw("GET", path), 400, "invalid_path");
    },
  );
});

describe("F2: forged leaderboard cursors", () => {
  // JSON text as a forger writes it: 1e400 is valid JSON that parses to Infinity.
  const cursor = (c: object) => Buffer.from(JSON.stringify(c).replace('"1e400"', "1e400")).toString("base64url");
  it.each([
    ["a huge score", { s: "1e400" }],
    ["a timestamp past year 275760", { a: 9e15 }],
    ["a fractional score", { s: 1.5 }],
    ["an odd run id", { r: "'; DROP TABLE" }],
    ["an extra field", { x: 1 }],
  ])("refuses %s with 400 invalid_cursor and logs no query", async (_name, change) => {
    const board = (await app.api.get("/api/leaderboards/gridshot?period=week")).body.board;
    const key = `gridshot|week|${board.key}|all`;
    const forged = { b: key, s: 100, a: Date.now(), r: "c123", ...change };
    const before = app.server.output().length;
    const res = await raw("GET", `/api/leaderboards/gridshot?period=week&cursor=${cursor(forged)}`);
    expectJsonError(res, 400, "invalid_cursor");
    expect(app.server.output().slice(before)).not.toMatch(/prisma|SELECT/i);
  });
});

describe("F4: writes from other origins", () => {
  async function signedIn() {
    const p = await app.api.player("csrf");
    return { ...p, cookie: `fb_session=${p.token}` };
  }
  const runBody = JSON.stringify({ scenario: "gridshot", tier: "free" });
  const own = () => app.server.url;

  it("refuses a text/plain body (what a no-cors fetch from another page sends) with 415", async () => {
    const p = await signedIn();
    const res = await raw("POST", "/api/runs", { cookie: p.cookie, "content-type": "text/plain", origin: own(), "sec-fetch-site": "same-origin" }, runBody);
    expectJsonError(res, 415, "unsupported_media_type");
  });

  it.each([
    ["another port (same-site)", { origin: "http://127.0.0.1:1", "sec-fetch-site": "same-site" }],
    ["another site", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
    ["an opaque origin", { origin: "null" }],
    ["no origin at all, with the cookie", {}],
  ])("refuses a cookie-authenticated write from %s with 403 cross_origin, writing nothing", async (_name, headers) => {
    const p = await signedIn();
    const res = await raw("POST", "/api/runs", { cookie: p.cookie, "content-type": "application/json", ...headers }, runBody);
    expectJsonError(res, 403, "cross_origin");
    const me = await app.api.get("/api/players/me", p.token);
    expect(me.status).toBe(200);
  });

  it("accepts the app's own pages with the cookie, and API clients with a Bearer token and no Origin", async () => {
    const p = await signedIn();
    const page = await raw("POST", "/api/runs", { cookie: p.cookie, "content-type": "application/json", origin: own(), "sec-fetch-site": "same-origin" }, runBody);
    expect(page.status).toBe(201);
    const api = await raw("POST", "/api/runs", { authorization: `Bearer ${p.token}`, "content-type": "application/json" }, runBody);
    expect(api.status).toBe(201);
    // A Bearer client that does show a foreign origin is still refused.
    const foreign = await raw("POST", "/api/runs", { authorization: `Bearer ${p.token}`, "content-type": "application/json", origin: "https://evil.example" }, runBody);
    expectJsonError(foreign, 403, "cross_origin");
  });
});

describe("F7: every API error is JSON", () => {
  it("answers a method a route does not take with a JSON 405 and Allow", async () => {
    const res = await raw("DELETE", "/api/scenarios");
    expectJsonError(res, 405, "method_not_allowed");
    expect(res.headers.allow).toBe("GET");
    const put = await raw("PUT", "/api/runs", { "content-type": "application/json" }, "{}");
    expectJsonError(put, 405, "method_not_allowed");
    expect(put.headers.allow).toBe("POST");
  });

  it("answers a body nested 5,000 deep with a JSON 422, not a 500 (the NUL check recursed past the stack)", async () => {
    const nested = "[".repeat(5000) + "]".repeat(5000);
    expectJsonError(await raw("POST", "/api/players", { "content-type": "application/json" }, nested), 422, "validation_failed");
  });

  it.each(["TRACE", "PROPFIND", "REPORT", "LINK"])("answers %s, a method Next.js routes nowhere, with a JSON 405 (it answered an empty 400, TRACE a 500)", async (method) => {
    for (const path of ["/api/scenarios", "/api/runs/x/finish", "/api/nope"]) {
      const res = await raw(method, path);
      expectJsonError(res, 405, "method_not_allowed");
      expect(res.headers.allow).toBe("GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE");
    }
  });

  it.each(["/api", "/api/nope", "/api/runs/x/y/z", "/api/players/me/nothing"])("answers an unknown API path %s with a JSON 404", async (path) => {
    for (const method of ["GET", "POST"]) expectJsonError(await raw(method, path), 404, "not_found");
  });
});

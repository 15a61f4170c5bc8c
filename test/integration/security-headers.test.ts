/**
 * Security headers from the real server: on every page (read from app/), every API route (answers
 * and errors alike), static files and 404s; a fresh CSP nonce per request that every script of the
 * page carries; HSTS only when the public URL is https or a trusted proxy says the client used https.
 */
import { describe, expect, it } from "vitest";
import { builtInScenarios, draftOf } from "../../game/core";
import { useAppServer } from "../support/app";
import { DEFAULT_CHALLENGE } from "../../server/challenge/defaults";
import { appRoutes, fillRoute } from "../support/routes";

const scenario = builtInScenarios[0]!.id;

function expectSecurityHeaders(res: Response, where: string): void {
  const csp = res.headers.get("content-security-policy") ?? "";
  expect(csp, where).toMatch(/(^|; )script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'(;|$)/);
  expect(csp, where).toContain("frame-ancestors 'none'");
  expect(csp, where).toContain("object-src 'none'");
  expect(csp, where).not.toContain("unsafe-");
  expect(res.headers.get("x-frame-options"), where).toBe("DENY");
  expect(res.headers.get("x-content-type-options"), where).toBe("nosniff");
  expect(res.headers.get("referrer-policy"), where).toBe("same-origin");
  expect(res.headers.get("permissions-policy"), where).toContain("fullscreen=(self)");
}

function nonceOf(res: Response): string {
  return /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")![1]!;
}

/** The opening tags of every <script> in the page. */
const scriptTags = (html: string) => html.match(/<script\b[^>]*>/g) ?? [];

describe("served over http", () => {
  const env = useAppServer();
  /** Real values for the dynamic segments of the app's routes. */
  const params = async () => {
    const player = await env.api.player("hdr");
    // A published player-made scenario: its share page (/s/[code]) and its API answers by code.
    const made = await env.api.post("/api/player-scenarios", { draft: draftOf(builtInScenarios[0]!) }, player.token);
    expect((await env.api.post(`/api/player-scenarios/${made.body.scenario.id}/publish`, {}, player.token)).status).toBe(200);
    const playlist = await env.api.post("/api/playlists", { name: "Headers", items: ["gridshot", "gridshot-sprint"] }, player.token);
    return {
      // A playlist of two built-ins (its page and its play-through, its API by code); a play no row has.
      playlistCode: playlist.body.playlist.code,
      playId: "no-such-play",
      scenario,
      playerId: player.id,
      // Their profile (a player without runs yet).
      handle: player.handle,
      // No run has this id: its routes answer an error, which must carry the headers as well.
      runId: "no-such-run",
      id: scenario,
      code: made.body.scenario.code as string,
      // The kiosk big screen of the seeded challenge; an award that does not exist (an error answer).
      challenge: DEFAULT_CHALLENGE.id,
      awardId: "no-such-award",
      // Ids no row has (error answers): a kiosk, a membership code, a passkey, a session.
      kioskId: "no-such-kiosk",
      codeId: "no-such-code",
      passkeyId: "no-such-passkey",
      sessionId: "no-such-session",
      reportId: "no-such-report",
      // An /api path no route claims: its JSON 404 must carry the headers too.
      path: "no-such-route",
    };
  };

  it("puts the headers and this request's nonce on every page, on every script of it", async () => {
    const pages = appRoutes("page.tsx");
    expect(pages).toContain("/play/[scenario]");
    const values = await params();
    for (const pattern of pages) {
      const path = fillRoute(pattern, values);
      const nonces = new Set<string>();
      for (let i = 0; i < 2; i++) {
        const res = await fetch(`${env.server.url}${path}`);
        expect(res.status, path).toBe(200);
        expectSecurityHeaders(res, path);
        expect(res.headers.get("strict-transport-security"), path).toBeNull();
        const nonce = nonceOf(res);
        nonces.add(nonce);
        const html = await res.text();
        const scripts = scriptTags(html);
        // Next's inline scripts (the RSC payload) are among them: without the nonce the page is dead.
        expect(scripts.filter((tag) => !tag.includes(" src=")).length, path).toBeGreaterThan(0);
        for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
        // The policy refuses style attributes and unnonced <style> elements: the markup has none.
        expect(html, path).not.toMatch(/<[^>]+\sstyle="/);
        expect(html, path).not.toMatch(/<style(?![^>]*nonce=)/);
      }
      expect(nonces.size, `${path}: a fresh nonce per request`).toBe(2);
    }
  });

  it("keeps cross-origin isolation on the game pages", async () => {
    const res = await fetch(`${env.server.url}/play/${scenario}`);
    expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(res.headers.get("cross-origin-embedder-policy")).toBe("require-corp");
  });

  it("does not take a client's own X-Forwarded-Proto for https", async () => {
    const res = await fetch(`${env.server.url}/api/health`, { headers: { "x-forwarded-proto": "https" } });
    expect(res.headers.get("strict-transport-security")).toBeNull();
    await res.arrayBuffer();
  });

  it("does not let the client choose the nonce through a request header", async () => {
    const res = await fetch(`${env.server.url}/`, { headers: { "content-security-policy": "script-src 'nonce-chosenbytheclient'" } });
    const html = await res.text();
    expect(html).not.toContain("chosenbytheclient");
    for (const tag of scriptTags(html)) expect(tag).toContain(`nonce="${nonceOf(res)}"`);
  });

  it("puts the headers on every API route's answers, errors included", async () => {
    const values = await params();
    const routes = appRoutes("route.ts");
    expect(routes.length).toBeGreaterThan(5);
    for (const pattern of routes) {
      const path = fillRoute(pattern, values);
      for (const method of ["GET", "POST"]) {
        const res = await fetch(`${env.server.url}${path}`, {
          method,
          headers: method === "POST" ? { "content-type": "application/json" } : {},
          body: method === "POST" ? "{}" : undefined,
        });
        expectSecurityHeaders(res, `${method} ${path} (${res.status})`);
        await res.arrayBuffer();
      }
    }
  });

  it("puts the headers on JSON errors, the 404 page and static files", async () => {
    const missing = await fetch(`${env.server.url}/api/scenarios/no-such-scenario`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await missing.json()).toHaveProperty("error");
    expectSecurityHeaders(missing, "404 JSON");

    const badJson = await fetch(`${env.server.url}/api/players`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(badJson.status).toBe(400);
    expectSecurityHeaders(badJson, "400 JSON");

    const page404 = await fetch(`${env.server.url}/no/such/page`);
    expect(page404.status).toBe(404);
    expectSecurityHeaders(page404, "404 page");
    const html = await page404.text();
    expect(html).toContain("Page not found");
    for (const tag of scriptTags(html)) expect(tag).toContain(`nonce="${nonceOf(page404)}"`);

    const icon = await fetch(`${env.server.url}/icon.svg`);
    expect(icon.status).toBe(200);
    expectSecurityHeaders(icon, "icon.svg");
    const script = /<script src="([^"]+)"/.exec(await (await fetch(env.server.url)).text())![1]!;
    const chunk = await fetch(`${env.server.url}${script}`);
    expect(chunk.status).toBe(200);
    expectSecurityHeaders(chunk, script);
  });
});

describe("behind a trusted proxy", () => {
  const env = useAppServer({ TRUST_PROXY: "1" });

  it("adds HSTS when the proxy says the client used https, not when the client says so itself", async () => {
    // The proxy sends the client's address and the scheme it used.
    const viaHttps = await fetch(`${env.server.url}/api/health`, { headers: { "x-forwarded-for": "198.51.100.4", "x-forwarded-proto": "https" } });
    expect(viaHttps.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    const viaHttp = await fetch(`${env.server.url}/api/health`, { headers: { "x-forwarded-for": "198.51.100.5", "x-forwarded-proto": "http" } });
    expect(viaHttp.headers.get("strict-transport-security")).toBeNull();
    await Promise.all([viaHttps.arrayBuffer(), viaHttp.arrayBuffer()]);
  });
});

describe("with an https public URL", () => {
  const env = useAppServer({ PUBLIC_URL: "https://flickboard.example" });

  it("adds HSTS and upgrade-insecure-requests to pages and API answers", async () => {
    for (const path of ["/", `/play/${scenario}`, "/api/health", "/api/scenarios/no-such-scenario"]) {
      const res = await fetch(`${env.server.url}${path}`);
      expectSecurityHeaders(res, path);
      expect(res.headers.get("strict-transport-security"), path).toBe("max-age=31536000; includeSubDomains");
      expect(res.headers.get("content-security-policy"), path).toContain("upgrade-insecure-requests");
      await res.arrayBuffer();
    }
  });
});

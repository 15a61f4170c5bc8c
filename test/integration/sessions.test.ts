/**
 * Finding F8: sessions expire (sliding), rotate at sign-in, end at sign-out, and the cookie's Secure
 * flag follows the configured public URL or a trusted proxy, never a client-sent header.
 */
import { describe, expect, it } from "vitest";
import { createDb } from "../../server/db/client";
import { hashToken } from "../../server/players/session";
import { useAppServer } from "../support/app";

const signUp = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/players`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ handle: `s${Math.random().toString(36).slice(2, 12)}` }),
  });

describe("sessions", () => {
  const app = useAppServer({ SESSION_TTL_DAYS: "7" });
  const me = (token: string, via: "bearer" | "cookie" = "bearer") =>
    fetch(`${app.server.url}/api/players/me`, { headers: via === "bearer" ? { authorization: `Bearer ${token}` } : { cookie: `fb_session=${token}` } });

  it("keeps the sign-up answer's token for API clients, and sets a week-long httpOnly cookie", async () => {
    const res = await signUp(app.server.url);
    const body = await res.json();
    expect(body.token).toMatch(/^fb_/);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(Number(/Max-Age=(\d+)/.exec(cookie)![1])).toBeGreaterThan(7 * 86400 - 60);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it("refuses an expired session, and slides the expiry of a used one", async () => {
    const db = createDb(app.databaseUrl);
    try {
      const a = await (await signUp(app.server.url)).json();
      const b = await (await signUp(app.server.url)).json();
      await db.playerSession.update({ where: { tokenHash: hashToken(a.token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
      const expired = await me(a.token);
      expect(expired.status).toBe(401);
      expect((await expired.json()).error.code).toBe("unauthenticated");

      // Last used two hours ago, ending in an hour: this use moves the end a week out and renews the cookie.
      const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
      await db.playerSession.update({ where: { tokenHash: hashToken(b.token) }, data: { lastSeenAt: twoHoursAgo, expiresAt: new Date(Date.now() + 3600_000) } });
      const used = await me(b.token, "cookie");
      expect(used.status).toBe(200);
      expect(Number(/Max-Age=(\d+)/.exec(used.headers.get("set-cookie") ?? "")?.[1])).toBeGreaterThan(7 * 86400 - 60);
      const row = await db.playerSession.findUniqueOrThrow({ where: { tokenHash: hashToken(b.token) } });
      expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6.9 * 86400_000);
    } finally {
      await db.$disconnect();
    }
  });

  it("rotates at sign-in: the device's previous token stops working", async () => {
    const first = await (await signUp(app.server.url)).json();
    const second = await signUp(app.server.url, { cookie: `fb_session=${first.token}`, origin: app.server.url });
    expect(second.status).toBe(201);
    expect((await me(first.token)).status).toBe(401);
    expect((await me((await second.json()).token)).status).toBe(200);
  });

  it("signs out: the session ends and the cookie is cleared", async () => {
    const { token } = await (await signUp(app.server.url)).json();
    const out = await fetch(`${app.server.url}/api/players/me/logout`, {
      method: "POST",
      headers: { cookie: `fb_session=${token}`, origin: app.server.url, "sec-fetch-site": "same-origin" },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/fb_session=;.*Max-Age=0/);
    expect((await me(token)).status).toBe(401);
    expect((await me(token, "cookie")).status).toBe(401);
    // Signing out twice is refused like any dead session.
    expect((await fetch(`${app.server.url}/api/players/me/logout`, { method: "POST", headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
  });

  it("does not mark the cookie Secure because a client says X-Forwarded-Proto: https", async () => {
    const res = await signUp(app.server.url, { "x-forwarded-proto": "https" });
    expect(res.headers.get("set-cookie")).not.toMatch(/Secure/i);
  });
});

describe("the Secure flag behind HTTPS", () => {
  const publicUrl = useAppServer({ PUBLIC_URL: "https://flick.example" });
  const proxied = useAppServer({ TRUST_PROXY: "1" });

  it("is set when PUBLIC_URL is https", async () => {
    const res = await signUp(publicUrl.server.url);
    expect(res.headers.get("set-cookie")).toMatch(/;\s*Secure/i);
  });

  it("is set when a trusted proxy says the client used https, and only then", async () => {
    expect((await signUp(proxied.server.url, { "x-forwarded-proto": "https", "x-forwarded-for": "198.51.100.4" })).headers.get("set-cookie")).toMatch(/;\s*Secure/i);
    expect((await signUp(proxied.server.url, { "x-forwarded-proto": "http", "x-forwarded-for": "198.51.100.5" })).headers.get("set-cookie")).not.toMatch(/Secure/i);
  });
});

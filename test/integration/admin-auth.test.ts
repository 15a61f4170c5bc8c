/**
 * Admin accounts against the real server: every /admin page and /api/admin route, read from the
 * app's files, refuses an anonymous request, a player's token or cookie, a forged admin cookie and a
 * cross-origin write; roles; the session cookie; lock-out and the per-account limit; TOTP; expiry
 * and sign-out. A route or page added later is covered without editing this file.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCKOUT } from "../../server/admin/lockout";
import { LOGIN_RATE } from "../../server/admin/login";
import { hashToken } from "../../server/players/session";
import { authModeOf, HTTP_METHODS, type RouteHandler } from "../../server/api/endpoint";
import { createDb } from "../../server/db/client";
import { addAdmin, addTotp, adminCookie, adminLogin, adminSession } from "../support/admin";
import { useAppServer } from "../support/app";
import { apiRouteFiles, pageFiles, ROOT, urlPathOf } from "../support/routes";

const MUTATIONS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const FORGED = "fba_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
const LOGIN_PAGE = "/admin/login";

/** Each /api/admin route's URL with the methods it serves, and the role it needs. */
async function adminRoutes() {
  const routes: { file: string; url: string; method: string; role: string }[] = [];
  for (const file of apiRouteFiles().filter((f) => f.startsWith("app/api/admin/") && f !== "app/api/admin/login/route.ts")) {
    const mod: Record<string, RouteHandler> = await import(path.join(ROOT, file));
    for (const method of HTTP_METHODS) {
      const role = authModeOf(mod[method]!);
      if (role) routes.push({ file, url: urlPathOf(file), method, role });
    }
  }
  return routes;
}
const pages = pageFiles("admin").map(urlPathOf).filter((p) => p !== LOGIN_PAGE);

async function send(base: string, route: { url: string; method: string }, headers: Record<string, string>) {
  const res = await fetch(`${base}${route.url}`, {
    method: route.method,
    headers: { ...(MUTATIONS.has(route.method) ? { "content-type": "application/json" } : {}), ...headers },
    body: MUTATIONS.has(route.method) ? "{}" : undefined,
    redirect: "manual",
  });
  const text = await res.text();
  return { status: res.status, code: text.startsWith("{") ? (JSON.parse(text).error?.code as string | undefined) : undefined, headers: res.headers, text };
}

describe("admin guard", () => {
  const app = useAppServer({ ADMIN_LOGIN_RATE_PER_IP: "1000" });
  /** A player, and a signed-in staff and admin account. */
  async function everyone() {
    const player = await app.api.player("adm");
    const admin = await addAdmin(app.databaseUrl, { role: "admin" });
    const staffToken = await adminSession(app.server.url, await addAdmin(app.databaseUrl, { role: "staff" }));
    return { player, admin, staffToken, adminToken: await adminSession(app.server.url, admin) };
  }

  it("finds the admin routes and pages", async () => {
    expect((await adminRoutes()).map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining(["GET /api/admin/me", "POST /api/admin/logout", "GET /api/admin/accounts"]));
    expect(pages).toEqual(expect.arrayContaining(["/admin", "/admin/accounts"]));
  });

  it("every /api/admin route refuses anyone but a signed-in admin of its role, and cross-origin writes", async () => {
    const base = app.server.url;
    const { player, admin, staffToken, adminToken } = await everyone();
    const sameSite = { origin: base, "sec-fetch-site": "same-origin" };

    for (const route of await adminRoutes()) {
      const name = `${route.method} ${route.url}`;
      expect(await send(base, route, {}), `${name} anonymous`).toMatchObject({ status: 401, code: "unauthenticated" });
      expect(await send(base, route, { authorization: `Bearer ${player.token}` }), `${name} player token`).toMatchObject({ status: 403, code: "not_an_admin" });
      expect(await send(base, route, { cookie: `fb_session=${player.token}`, ...sameSite }), `${name} player cookie`).toMatchObject({ status: 403, code: "not_an_admin" });
      expect(await send(base, route, { authorization: `Bearer ${adminToken}` }), `${name} admin token as Bearer`).toMatchObject({ status: 403, code: "not_an_admin" });
      expect(await send(base, route, { cookie: `fb_admin=${FORGED}`, ...sameSite }), `${name} forged cookie`).toMatchObject({ status: 401, code: "unauthenticated" });
      expect(await send(base, route, { cookie: `fb_admin=${player.token}`, ...sameSite }), `${name} player token in the admin cookie`).toMatchObject({ status: 401 });
      if (route.role === "admin") {
        expect(await send(base, route, adminCookie(staffToken, base)), `${name} staff`).toMatchObject({ status: 403, code: "admin_role_required" });
      }
      if (MUTATIONS.has(route.method)) {
        const { origin: _o, "sec-fetch-site": _s, ...cookieOnly } = adminCookie(adminToken, base);
        expect(await send(base, route, { ...cookieOnly, origin: "https://evil.example" }), `${name} from another site`).toMatchObject({ status: 403, code: "cross_origin" });
        expect(await send(base, route, { ...cookieOnly, "sec-fetch-site": "cross-site" }), `${name} cross-site`).toMatchObject({ status: 403, code: "cross_origin" });
        expect(await send(base, route, cookieOnly), `${name} cookie without origin`).toMatchObject({ status: 403, code: "cross_origin" });
      }
    }
  });

  it("every /admin page sends anyone without an admin session to the sign-in page, and answers 403 to a role it does not serve", async () => {
    const base = app.server.url;
    const { player, admin, staffToken, adminToken } = await everyone();

    for (const page of pages) {
      for (const [who, headers] of [
        ["anonymous", {}],
        ["player cookie", { cookie: `fb_session=${player.token}` }],
        ["forged cookie", { cookie: `fb_admin=${FORGED}` }],
      ] as const) {
        const res = await send(base, { url: page, method: "GET" }, headers);
        expect(res.status, `${page} ${who}`).toBe(307);
        expect(new URL(res.headers.get("location")!, base).pathname, `${page} ${who}`).toBe(LOGIN_PAGE);
        expect(res.text, `${page} ${who}`).not.toContain("admin-email");
      }
      const asAdmin = await send(base, { url: page, method: "GET" }, { cookie: `fb_admin=${adminToken}` });
      expect(asAdmin.status, `${page} admin`).toBe(200);
      expect(asAdmin.text).toContain(admin.email);
    }
    expect((await send(base, { url: "/admin", method: "GET" }, { cookie: `fb_admin=${staffToken}` })).status).toBe(200);
    const staffOnAccounts = await send(base, { url: "/admin/accounts", method: "GET" }, { cookie: `fb_admin=${staffToken}` });
    expect(staffOnAccounts.status).toBe(403);
    expect(staffOnAccounts.text).not.toContain(admin.email);
    // The sign-in page is open, and sends a signed-in admin on to the dashboard.
    expect((await send(base, { url: LOGIN_PAGE, method: "GET" }, {})).status).toBe(200);
    expect((await send(base, { url: LOGIN_PAGE, method: "GET" }, { cookie: `fb_admin=${adminToken}` })).status).toBe(307);
  });
});

describe("admin sign-in, sessions and sign-out", () => {
  const app = useAppServer({ ADMIN_SESSION_HOURS: "8", ADMIN_LOGIN_RATE_PER_IP: "1000" });
  const me = (token: string) => fetch(`${app.server.url}/api/admin/me`, { headers: { cookie: `fb_admin=${token}` } });

  it("sets an httpOnly, SameSite=Strict session cookie that ends with the session, and audits the sign-in", async () => {
    const admin = await addAdmin(app.databaseUrl, { role: "staff" });
    const res = await adminLogin(app.server.url, { email: ` ${admin.email.toUpperCase()} `, password: admin.password });
    expect(res.status).toBe(200);
    expect(res.body.admin).toEqual({ id: admin.id, email: admin.email, role: "staff", totp: false });
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^fb_admin=fba_[\w-]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=(\d+)$/);
    expect(Number(/Max-Age=(\d+)/.exec(cookie)![1])).toBeGreaterThan(8 * 3600 - 60);
    expect(Date.parse(res.body.expiresAt) - Date.now()).toBeGreaterThan(8 * 3600_000 - 60_000);
    expect((await (await me(res.token!)).json()).admin.email).toBe(admin.email);

    const db = createDb(app.databaseUrl);
    try {
      const entry = await db.auditLog.findFirstOrThrow({ where: { action: "admin.login", actorId: admin.id } });
      expect(entry.details).toMatchObject({ ip: "127.0.0.1", totp: false });
    } finally {
      await db.$disconnect();
    }
  });

  it("refuses a sign-in from another site's page, and a malformed body, changing nothing", async () => {
    const admin = await addAdmin(app.databaseUrl);
    const foreign = await adminLogin(app.server.url, { email: admin.email, password: admin.password }, { origin: "https://evil.example" });
    expect(foreign).toMatchObject({ status: 403, token: null, body: { error: { code: "cross_origin" } } });
    const extra = await fetch(`${app.server.url}/api/admin/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: admin.email, password: admin.password, role: "admin" }),
    });
    expect(extra.status).toBe(422);
    expect(extra.headers.get("set-cookie")).toBeNull();
  });

  it(`locks an email after ${LOCKOUT.failures} failures (audited), then limits attempts per account`, async () => {
    const admin = await addAdmin(app.databaseUrl);
    const statuses: string[] = [];
    for (let i = 0; i < LOGIN_RATE.perAccount + 1; i++) {
      const password = i < LOCKOUT.failures ? "wrong-password-here" : admin.password;
      const res = await adminLogin(app.server.url, { email: admin.email, password });
      statuses.push(`${res.status} ${res.body.error?.code}`);
      if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([
      ...Array(LOCKOUT.failures).fill("401 invalid_credentials"),
      ...Array(LOGIN_RATE.perAccount - LOCKOUT.failures).fill("429 login_locked"),
      "429 rate_limited",
    ]);
    const db = createDb(app.databaseUrl);
    try {
      const actions = (await db.auditLog.findMany({ where: { targetId: admin.id }, orderBy: { id: "asc" } })).map((e) => e.action);
      expect(actions).toEqual(["admin.created", ...Array(LOCKOUT.failures).fill("admin.login_failed"), "admin.login_locked"]);
    } finally {
      await db.$disconnect();
    }
  });

  it("asks for the TOTP code of an enrolled account and takes each code once", async () => {
    const admin = await addAdmin(app.databaseUrl);
    const code = (await addTotp(app.databaseUrl, admin.email))();
    const account = { email: admin.email, password: admin.password };
    expect(await adminLogin(app.server.url, account)).toMatchObject({ status: 401, token: null, body: { error: { code: "totp_required" } } });
    expect(await adminLogin(app.server.url, { ...account, totp: "12345" })).toMatchObject({ status: 422, token: null });
    const signedIn = await adminLogin(app.server.url, { ...account, totp: code });
    expect(signedIn).toMatchObject({ status: 200, body: { admin: { totp: true } } });
    expect(await adminLogin(app.server.url, { ...account, totp: code })).toMatchObject({ status: 401, token: null, body: { error: { code: "totp_reused" } } });
  });

  it("ends a session at its expiry, and at sign-out (audited, cookie cleared)", async () => {
    const base = app.server.url;
    const admin = await addAdmin(app.databaseUrl);
    const expiring = await adminSession(base, admin);
    const db = createDb(app.databaseUrl);
    try {
      await db.adminSession.update({ where: { tokenHash: hashToken(expiring) }, data: { expiresAt: new Date(Date.now() - 1000) } });
      expect((await me(expiring)).status).toBe(401);
      expect((await send(base, { url: "/admin", method: "GET" }, { cookie: `fb_admin=${expiring}` })).status).toBe(307);

      const token = await adminSession(base, admin);
      expect((await me(token)).status).toBe(200);
      const out = await fetch(`${base}/api/admin/logout`, { method: "POST", headers: adminCookie(token, base) });
      expect(out.status).toBe(204);
      expect(out.headers.get("set-cookie")).toMatch(/^fb_admin=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0$/);
      expect((await me(token)).status).toBe(401);
      expect((await fetch(`${base}/api/admin/logout`, { method: "POST", headers: adminCookie(token, base) })).status).toBe(401);
      const logout = await db.auditLog.findFirstOrThrow({ where: { action: "admin.logout", actorId: admin.id } });
      expect(logout.targetId).toBe(admin.id);
    } finally {
      await db.$disconnect();
    }
  });
});

describe("with ADMIN_REQUIRE_TOTP and a per-address limit", () => {
  const PER_IP = 6;
  const app = useAppServer({ ADMIN_REQUIRE_TOTP: "true", ADMIN_LOGIN_RATE_PER_IP: String(PER_IP) });

  it("refuses an account without a second factor, takes one with it, then limits sign-ins per address", async () => {
    const without = await addAdmin(app.databaseUrl);
    const withTotp = await addAdmin(app.databaseUrl);
    const totpNow = await addTotp(app.databaseUrl, withTotp.email);
    const refused = await adminLogin(app.server.url, { email: without.email, password: without.password });
    expect(refused).toMatchObject({ status: 403, token: null, body: { error: { code: "totp_enrolment_required" } } });
    expect(refused.body.error.message).toContain("npm run admin:totp");
    expect(await adminLogin(app.server.url, { email: withTotp.email, password: withTotp.password, totp: totpNow() })).toMatchObject({ status: 200 });

    // Two attempts so far from this address; different emails each time, so only the address limit applies.
    const codes: number[] = [];
    for (let i = 2; i < PER_IP + 1; i++) codes.push((await adminLogin(app.server.url, { email: `nobody${i}@flick.test`, password: "whatever-it-is" })).status);
    expect(codes).toEqual([...Array(PER_IP - 2).fill(401), 429]);
  });
});

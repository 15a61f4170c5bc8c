/**
 * Ultimate as an entitlement: a ranked Ultimate start needs a live membership, granted by an
 * operator (CLI), a redeemed code, or a token signed by the operator's identity service. Codes and
 * tokens are refused with a clear error when used up, expired, reused or signed by another key.
 * Also: the cap on open runs, and abandoning a run.
 */
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { createMembershipCode } from "../../server/memberships/create-code";
import { grantMembership } from "../../server/memberships/grant-membership";
import { useAppServer } from "../support/app";
import { runCli } from "../support/cli";
import { withDb } from "../support/db";

const ISSUER = "https://accounts.operator.example";
const keys = await generateKeyPair("ES256", { extractable: true });
const otherKeys = await generateKeyPair("ES256", { extractable: true });
const publicPem = await exportSPKI(keys.publicKey);

/** The operator's published keys (JWKS), served on a port of its own. */
const jwk = { ...(await exportJWK(keys.publicKey)), kid: "k1", alg: "ES256", use: "sig" };
const jwks = http.createServer((_req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ keys: [jwk] }));
});
await new Promise<void>((r) => jwks.listen(0, "127.0.0.1", r));
const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
afterAll(() => new Promise<void>((r) => jwks.close(() => r())));

function token(key: CryptoKey, claims: Record<string, unknown>, options: { expiresIn?: string | number; jti?: string } = {}) {
  return new SignJWT({ tier: "ultimate", membership_until: Math.floor(Date.now() / 1000) + 30 * 86400, ...claims })
    .setProtectedHeader({ alg: "ES256", kid: "k1" })
    .setIssuer(ISSUER)
    .setAudience("flickboard")
    .setSubject("acct-42")
    .setJti(options.jti ?? crypto.randomUUID())
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "10m")
    .sign(key);
}

const startUltimate = (app: ReturnType<typeof useAppServer>, t: string) => app.api.post("/api/runs", { scenario: "gridshot", tier: "ultimate" }, t);
const redeem = (app: ReturnType<typeof useAppServer>, t: string, body: object) => app.api.post("/api/players/me/membership", body, t);

describe("with a public key", () => {
  const app = useAppServer({ MEMBERSHIP_JWT_ISSUER: ISSUER, MEMBERSHIP_JWT_PUBLIC_KEY: publicPem, MAX_OPEN_RUNS: "2" });
  const cli = (script: string, args: string[]) => runCli(script, args, { DATABASE_URL: app.databaseUrl });
  const admin = { actorType: "admin" as const, actorId: "test" };

  it("refuses a ranked Ultimate start without the entitlement with 403 tier_not_entitled; free is open to all", async () => {
    const p = await app.api.player("nm");
    const res = await startUltimate(app, p.token);
    expect([res.status, res.body.error.code]).toEqual([403, "tier_not_entitled"]);
    expect((await app.api.post("/api/runs", { scenario: "gridshot", tier: "free" }, p.token)).status).toBe(201);
    expect((await app.api.get("/api/players/me", p.token)).body.player.membership).toEqual({ tier: "free", source: null, expiresAt: null });
  });

  it("lets an operator grant Ultimate from the command line", async () => {
    const p = await app.api.player("gr");
    const granted = await cli("players-grant.ts", ["--handle", p.handle, "--tier", "ultimate", "--days", "30"]);
    expect(granted.code).toBe(0);
    expect(granted.stdout).toContain(`${p.handle}: ultimate until`);
    expect((await startUltimate(app, p.token)).status).toBe(201);
    const me = (await app.api.get("/api/players/me", p.token)).body.player.membership;
    expect(me).toMatchObject({ tier: "ultimate", source: "admin" });
    expect(Date.parse(me.expiresAt) - Date.now()).toBeGreaterThan(29.9 * 86400_000);
    const bad = await cli("players-grant.ts", ["--handle", p.handle, "--tier", "ultimate", "--days", "0"]);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining("--days must be a whole number")]);
  });

  it("redeems a code until its use limit, once per player, and refuses it once expired", async () => {
    const created = await cli("membership-code.ts", ["--label", "Booth trial", "--days", "7", "--uses", "2", "--expires", new Date(Date.now() + 86400_000).toISOString()]);
    expect(created.code).toBe(0);
    const code = created.stdout.split("\n")[0]!;
    expect(code).toMatch(/^FB-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const [a, b, c] = await Promise.all([app.api.player("ca"), app.api.player("cb"), app.api.player("cc")]);

    // Typed loosely: lower case, spaces instead of dashes.
    const first = await redeem(app, a.token, { code: code.toLowerCase().replaceAll("-", " ") });
    expect(first.status).toBe(200);
    expect(first.body.membership).toMatchObject({ tier: "ultimate", source: "code" });
    expect((await startUltimate(app, a.token)).status).toBe(201);
    const again = await redeem(app, a.token, { code });
    expect([again.status, again.body.error.code]).toEqual([409, "code_already_redeemed"]);
    expect((await redeem(app, b.token, { code })).status).toBe(200);
    const over = await redeem(app, c.token, { code });
    expect([over.status, over.body.error.code]).toEqual([409, "code_exhausted"]);
    expect((await startUltimate(app, c.token)).body.error.code).toBe("tier_not_entitled");

    const unknown = await redeem(app, c.token, { code: "FB-0000-0000-0000" });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "code_not_found"]);

    const expiring = await withDb(app.databaseUrl, (db) => createMembershipCode(db, { label: "Expiring", days: 7, maxUses: 5, expiresAt: new Date(Date.now() + 60_000) }, admin));
    await withDb(app.databaseUrl, (db) => db.membershipCode.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } }));
    const expired = await redeem(app, c.token, { code: expiring.code });
    expect([expired.status, expired.body.error.code]).toEqual([410, "code_expired"]);
  });

  it("stacks a code after a membership instead of overlapping it", async () => {
    const p = await app.api.player("st");
    await withDb(app.databaseUrl, (db) => db.$transaction((tx) => grantMembership(tx, { playerId: p.id, length: { days: 10 }, source: "admin", actor: admin })));
    const created = await withDb(app.databaseUrl, (db) => createMembershipCode(db, { label: "Stack", days: 5, maxUses: 5, expiresAt: new Date(Date.now() + 60_000) }, admin));
    const after = await redeem(app, p.token, { code: created.code });
    expect((Date.parse(after.body.membership.expiresAt) - Date.now()) / 86400_000).toBeCloseTo(15, 1);
  });

  it("redeems a token from the operator's identity service once, and refuses expired, foreign-key and other players' tokens", async () => {
    const p = await app.api.player("tk");
    const q = await app.api.player("tq");
    const good = await token(keys.privateKey, { fb_player: p.id });
    const ok = await redeem(app, p.token, { token: good });
    expect(ok.status).toBe(200);
    expect(ok.body.membership).toMatchObject({ tier: "ultimate", source: "token" });
    expect((await startUltimate(app, p.token)).status).toBe(201);

    const reused = await redeem(app, p.token, { token: good });
    expect([reused.status, reused.body.error.code]).toEqual([409, "token_already_used"]);
    const expired = await redeem(app, q.token, { token: await token(keys.privateKey, {}, { expiresIn: Math.floor(Date.now() / 1000) - 60 }) });
    expect([expired.status, expired.body.error.code]).toEqual([422, "token_expired"]);
    const foreign = await redeem(app, q.token, { token: await token(otherKeys.privateKey, {}) });
    expect([foreign.status, foreign.body.error.code]).toEqual([422, "token_invalid"]);
    const someoneElses = await redeem(app, q.token, { token: await token(keys.privateKey, { fb_player: p.id }) });
    expect([someoneElses.status, someoneElses.body.error.code]).toEqual([422, "token_invalid"]);
    const notUltimate = await redeem(app, q.token, { token: await token(keys.privateKey, { tier: "gold" }) });
    expect(notUltimate.body.error.code).toBe("token_invalid");
    expect((await startUltimate(app, q.token)).body.error.code).toBe("tier_not_entitled");
  });

  it("caps the runs a player holds open, and abandoning one frees its place", async () => {
    const p = await app.api.player("op");
    const free = () => app.api.post("/api/runs", { scenario: "gridshot", tier: "free" }, p.token);
    const first = await free();
    expect((await free()).status).toBe(201);
    const third = await free();
    expect([third.status, third.body.error.code]).toEqual([429, "too_many_open_runs"]);
    expect((await app.api.post(`/api/runs/${first.body.runId}/abandon`, undefined, p.token)).status).toBe(204);
    expect((await free()).status).toBe(201);
    // An abandoned run cannot be finished or abandoned again.
    const twice = await app.api.post(`/api/runs/${first.body.runId}/abandon`, undefined, p.token);
    expect([twice.status, twice.body.error.code]).toEqual([409, "run_already_finished"]);
    const other = await app.api.player("oq");
    expect((await app.api.post(`/api/runs/${first.body.runId}/abandon`, undefined, other.token)).body.error.code).toBe("run_not_yours");
  });
});

describe("with a JWKS URL", () => {
  const app = useAppServer({ MEMBERSHIP_JWT_ISSUER: ISSUER, MEMBERSHIP_JWKS_URL: jwksUrl });

  it("verifies tokens against the operator's published keys", async () => {
    const p = await app.api.player("jw");
    expect((await redeem(app, p.token, { token: await token(keys.privateKey, {}) })).status).toBe(200);
    expect((await redeem(app, p.token, { token: await token(otherKeys.privateKey, {}) })).body.error.code).toBe("token_invalid");
  });
});

describe("without a configured key", () => {
  const app = useAppServer();
  it("says tokens are not accepted (503), while codes still work", async () => {
    const p = await app.api.player("nk");
    const res = await redeem(app, p.token, { token: await token(keys.privateKey, {}) });
    expect([res.status, res.body.error.code]).toEqual([503, "memberships_unconfigured"]);
  });
});

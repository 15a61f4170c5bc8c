/**
 * Admin sign-in as a use case (server/admin/login.ts) on a real, migrated SQLite database: lock-out
 * after repeated failures and its end, the TOTP second factor (once per code, required by policy),
 * sessions that end at their fixed expiry or at sign-out, and the audit entry of each.
 */
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdmin } from "../../../server/admin/create-admin";
import { enrolTotp } from "../../../server/admin/enrol-totp";
import { LOCKOUT } from "../../../server/admin/lockout";
import { logOut } from "../../../server/admin/log-out";
import { logIn, type SignInPolicy } from "../../../server/admin/login";
import { authenticateAdmin } from "../../../server/admin/sessions";
import { ADMIN_TOTP } from "../../../server/admin/totp";
import { createDb, type Db } from "../../../server/db/client";
import { migrate } from "../../../server/db/migrate";
import { tempSqliteUrl } from "../../support/server";

const PASSWORD = "tangerine-lamp-forty-two";
const POLICY: SignInPolicy = { sessionHours: 12, requireTotp: false };
const T0 = new Date("2026-11-27T10:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const actor = { actorType: "admin", actorId: "test" } as const;
// Each sign-in costs a scrypt hash (about 0.1-0.5 s on a busy machine): the tests get time for a dozen.

let db: Db;
let n = 0;
beforeAll(async () => {
  const url = tempSqliteUrl();
  await migrate(url);
  db = createDb(url);
});
afterAll(() => db?.$disconnect());

async function newAdmin(role: "admin" | "staff" = "admin") {
  const email = `ops${++n}@flick.test`;
  const { admin } = await createAdmin(db, { email, password: PASSWORD, role, reset: false, actor });
  return admin;
}

/** The code or error code a sign-in ends with. */
async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "signed_in";
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}

const attempt = (email: string, password: string, extra: { totp?: string } = {}) => ({ email, password, ip: "203.0.113.9", userAgent: "test", ...extra });
const actions = async (targetId: string) => (await db.auditLog.findMany({ where: { targetId }, orderBy: { id: "asc" } })).map((e) => e.action);

describe("admin sign-in", { timeout: 30_000 }, () => {
  it("signs in with the email in any case, and audits it", async () => {
    const admin = await newAdmin();
    const signedIn = await logIn(db, attempt(admin.email.toUpperCase(), PASSWORD), POLICY, T0);
    expect(signedIn.token).toMatch(/^fba_/);
    expect(signedIn.expiresAt).toEqual(at(12 * 3600_000));
    expect(signedIn.admin).toEqual({ id: admin.id, email: admin.email, role: "admin", totp: false });
    expect(await actions(admin.id)).toEqual(["admin.created", "admin.login"]);
  });

  it(`locks an email after ${LOCKOUT.failures} failures, even against the right password, until the lock ends`, async () => {
    const admin = await newAdmin();
    for (let i = 0; i < LOCKOUT.failures; i++) {
      expect(await outcome(logIn(db, attempt(admin.email, "not-the-password"), POLICY, at(i * 1000)))).toBe("invalid_credentials");
    }
    const locked = logIn(db, attempt(admin.email, PASSWORD), POLICY, at(60_000));
    await expect(locked).rejects.toMatchObject({ code: "login_locked", retryAfterSec: (LOCKOUT.lockMs - 56_000) / 1000 });
    expect(await actions(admin.id)).toEqual(["admin.created", ...Array(LOCKOUT.failures).fill("admin.login_failed"), "admin.login_locked"]);
    const failure = await db.auditLog.findFirstOrThrow({ where: { targetId: admin.id, action: "admin.login_failed" } });
    expect(failure.details).toEqual({ email: admin.email, ip: "203.0.113.9", reason: "password" });

    // The lock ends lockMs after the failure that started it; a sign-in then clears the count.
    expect(await outcome(logIn(db, attempt(admin.email, PASSWORD), POLICY, at(4000 + LOCKOUT.lockMs - 1)))).toBe("login_locked");
    expect(await outcome(logIn(db, attempt(admin.email, PASSWORD), POLICY, at(4000 + LOCKOUT.lockMs)))).toBe("signed_in");
    expect(await db.adminLoginFailure.count({ where: { emailKey: admin.email } })).toBe(0);
  });

  it("does not lock for failures spread wider than the window", async () => {
    const admin = await newAdmin();
    const gap = LOCKOUT.windowMs / (LOCKOUT.failures - 1) + 1000;
    for (let i = 0; i < LOCKOUT.failures; i++) await logIn(db, attempt(admin.email, "not-the-password"), POLICY, at(i * gap)).catch(() => {});
    expect(await outcome(logIn(db, attempt(admin.email, PASSWORD), POLICY, at(LOCKOUT.failures * gap)))).toBe("signed_in");
  });

  it("answers an unknown email like a wrong password, and locks it the same way", async () => {
    const email = `nobody${++n}@flick.test`;
    for (let i = 0; i < LOCKOUT.failures; i++) expect(await outcome(logIn(db, attempt(email, PASSWORD), POLICY, T0))).toBe("invalid_credentials");
    expect(await outcome(logIn(db, attempt(email, PASSWORD), POLICY, T0))).toBe("login_locked");
    const audited = await db.auditLog.findMany({ where: { action: { in: ["admin.login_failed", "admin.login_locked"] }, targetId: null } });
    expect(audited.filter((e) => (e.details as { email: string }).email === email).map((e) => e.action)).toEqual([
      ...Array(LOCKOUT.failures).fill("admin.login_failed"),
      "admin.login_locked",
    ]);
  });

  it("asks for the TOTP code after the right password, takes each code once, and audits the enrolment", async () => {
    const admin = await newAdmin();
    const { secret, uri } = await enrolTotp(db, { email: admin.email, replace: false, actor });
    expect(uri).toContain(`secret=${secret}`);
    await expect(enrolTotp(db, { email: admin.email, replace: false, actor })).rejects.toMatchObject({ code: "totp_already_enrolled" });
    const code = (when: Date) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: when.getTime(), ...ADMIN_TOTP });

    expect(await outcome(logIn(db, attempt(admin.email, PASSWORD), POLICY, T0))).toBe("totp_required");
    expect(await outcome(logIn(db, attempt(admin.email, "not-the-password", { totp: code(T0) }), POLICY, T0))).toBe("invalid_credentials");
    const wrong = code(T0) === "000000" ? "111111" : "000000";
    expect(await outcome(logIn(db, attempt(admin.email, PASSWORD, { totp: wrong }), POLICY, T0))).toBe("invalid_credentials");
    const signedIn = await logIn(db, attempt(admin.email, PASSWORD, { totp: code(T0) }), POLICY, T0);
    expect(signedIn.admin.totp).toBe(true);
    // The same code again, even within its step, is refused; the next step's code is taken.
    expect(await outcome(logIn(db, attempt(admin.email, PASSWORD, { totp: code(T0) }), POLICY, at(5000)))).toBe("totp_reused");
    expect(await outcome(logIn(db, attempt(admin.email, PASSWORD, { totp: code(at(30_000)) }), POLICY, at(30_000)))).toBe("signed_in");

    const reasons = (await db.auditLog.findMany({ where: { targetId: admin.id, action: "admin.login_failed" }, orderBy: { id: "asc" } })).map((e) => (e.details as { reason: string }).reason);
    expect(reasons).toEqual(["password", "totp", "totp_reused"]);
    expect(await actions(admin.id)).toContain("admin.totp_enrolled");
  });

  it("refuses an account without a second factor when every admin must have one", async () => {
    const admin = await newAdmin();
    expect(await outcome(logIn(db, attempt(admin.email, PASSWORD), { ...POLICY, requireTotp: true }, T0))).toBe("totp_enrolment_required");
    await enrolTotp(db, { email: admin.email, replace: false, actor });
    expect(await outcome(logIn(db, attempt(admin.email, PASSWORD), { ...POLICY, requireTotp: true }, T0))).toBe("totp_required");
  });
});

describe("admin sessions", { timeout: 30_000 }, () => {
  it("end at their fixed expiry however much they are used", async () => {
    const admin = await newAdmin("staff");
    const { token, expiresAt } = await logIn(db, attempt(admin.email, PASSWORD), POLICY, T0);
    const found = await authenticateAdmin(db, token, at(11 * 3600_000));
    expect(found?.admin).toEqual({ id: admin.id, email: admin.email, role: "staff", totp: false });
    expect(found?.session.expiresAt).toEqual(expiresAt);
    expect(await authenticateAdmin(db, token, expiresAt)).toBeNull();
    expect(await authenticateAdmin(db, token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"), T0)).toBeNull();
  });

  it("end at sign-out (audited), and a new sign-in replaces the browser's old one", async () => {
    const admin = await newAdmin();
    const first = await logIn(db, attempt(admin.email, PASSWORD), POLICY, T0);
    const second = await logIn(db, { ...attempt(admin.email, PASSWORD), replacing: first.token }, POLICY, T0);
    expect(await authenticateAdmin(db, first.token, T0)).toBeNull();
    const live = await authenticateAdmin(db, second.token, T0);
    await logOut(db, live!, T0);
    expect(await authenticateAdmin(db, second.token, T0)).toBeNull();
    expect(await actions(admin.id)).toEqual(["admin.created", "admin.login", "admin.login", "admin.logout"]);
  });

  it("end everywhere when the password is reset, which also lifts a lock-out", async () => {
    const admin = await newAdmin();
    const { token } = await logIn(db, attempt(admin.email, PASSWORD), POLICY, T0);
    for (let i = 0; i < LOCKOUT.failures; i++) await logIn(db, attempt(admin.email, "not-the-password"), POLICY, T0).catch(() => {});
    const reset = await createAdmin(db, { email: admin.email, password: "a-brand-new-passphrase", reset: true, actor, now: T0 });
    expect(reset).toMatchObject({ created: false, sessionsRevoked: 1, admin: { role: "admin" } });
    expect(await authenticateAdmin(db, token, T0)).toBeNull();
    expect(await outcome(logIn(db, attempt(admin.email, "a-brand-new-passphrase"), POLICY, T0))).toBe("signed_in");
  });
});

/**
 * Admin sign-in: email and password, then the TOTP code when the account has a second factor (or
 * a refusal when ADMIN_REQUIRE_TOTP is on and it has none). On success a session opens, the email's
 * failures are forgotten and the sign-in is audited.
 *
 * What the answer gives away: an unknown email and a wrong password answer the same, after the
 * same work (one scrypt hash); a lock-out applies to any email typed. Only after the right password
 * does the answer say a code is needed. Every failure is audited (`admin.login_failed`), and so is the
 * lock-out it starts (`admin.login_locked`).
 */
import type { AdminIdentity, AdminRole } from "../../lib/contracts/admin";
import { audit } from "../audit";
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import { Forbidden, RateLimited, Unauthenticated } from "../errors";
import { emailKey } from "./accounts";
import { clearFailures, lockedUntil, recordFailure } from "./lockout";
import { NO_ACCOUNT_HASH, verifyPassword } from "./passwords";
import { openAdminSession } from "./sessions";
import { totpStep } from "./totp";

/** Sign-in attempts (right or wrong) allowed per window for one email, on one instance. */
export const LOGIN_RATE = { windowMs: 15 * 60_000, perAccount: 10 } as const;

export interface SignIn {
  email: string;
  password: string;
  totp?: string;
  ip: string | null;
  userAgent: string | null;
  /** The admin token the browser already had (revoked: sign-in rotates the session). */
  replacing?: string | null;
}

export interface SignInPolicy {
  sessionHours: number;
  requireTotp: boolean;
}

export interface SignedIn {
  token: string;
  expiresAt: Date;
  admin: AdminIdentity & { totp: boolean };
}

export async function logIn(db: Db, attempt: SignIn, policy: SignInPolicy, now = new Date()): Promise<SignedIn> {
  const key = emailKey(attempt.email);
  const locked = await lockedUntil(db, key, now);
  if (locked) throw lockedOut(locked, now);

  const admin = await db.adminUser.findUnique({ where: { email: key } });
  const fail = (reason: Failure["reason"], error: Unauthenticated) => failed(db, { key, adminId: admin?.id ?? null, ip: attempt.ip, now, reason }, error);
  const passwordMatches = await verifyPassword(attempt.password, admin?.passwordHash ?? NO_ACCOUNT_HASH);
  if (!admin || !passwordMatches) return fail(admin ? "password" : "no_account", new Unauthenticated("invalid_credentials", "Wrong email or password."));

  if (admin.totpSecret) {
    if (!attempt.totp) throw new Unauthenticated("totp_required", "Enter the 6-digit code from your authenticator app.");
    const step = totpStep(admin.totpSecret, attempt.totp, now);
    if (step === null) return fail("totp", new Unauthenticated("invalid_credentials", "Wrong authentication code."));
    // Each time step's code signs in once: claim the step, unless this or a later one was used.
    const claimed = await db.adminUser.updateMany({
      where: { id: admin.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    if (claimed.count === 0) return fail("totp_reused", new Unauthenticated("totp_reused", "That code was already used: wait for the next one."));
  } else if (policy.requireTotp) {
    throw new Forbidden(
      "totp_enrolment_required",
      `Two-factor sign-in is required and this account has none yet: an operator enrols it with \`npm run admin:totp -- --email ${admin.email}\`.`,
    );
  }

  return transact(db, async (tx) => {
    await clearFailures(tx, key);
    const session = await openAdminSession(tx, admin.id, {
      lifetimeMs: policy.sessionHours * 3600_000,
      now,
      ip: attempt.ip,
      userAgent: attempt.userAgent,
      replacing: attempt.replacing,
    });
    await audit(tx, {
      actorType: "admin",
      actorId: admin.id,
      action: "admin.login",
      targetType: "admin",
      targetId: admin.id,
      details: { ip: attempt.ip, userAgent: attempt.userAgent, expiresAt: session.expiresAt, totp: admin.totpSecret !== null },
    });
    return { ...session, admin: { id: admin.id, email: admin.email, role: admin.role as AdminRole, totp: admin.totpSecret !== null } };
  });
}

interface Failure {
  key: string;
  /** The account the email belongs to; null when none has it. */
  adminId: string | null;
  ip: string | null;
  now: Date;
  reason: "no_account" | "password" | "totp" | "totp_reused";
}

/**
 * Records and audits the failure (the email as typed, and on a real account its id), and the lock it
 * starts, in one transaction; then throws `error`.
 */
async function failed(db: Db, f: Failure, error: Unauthenticated): Promise<never> {
  await transact(db, async (tx) => {
    const lockEnds = await recordFailure(tx, f.key, f.ip, f.now);
    const target = f.adminId ? { targetType: "admin", targetId: f.adminId } : {};
    await audit(tx, { actorType: "system", action: "admin.login_failed", ...target, details: { email: f.key, ip: f.ip, reason: f.reason } });
    if (lockEnds) await audit(tx, { actorType: "system", action: "admin.login_locked", ...target, details: { email: f.key, ip: f.ip, until: lockEnds } });
  });
  throw error;
}

function lockedOut(until: Date, now: Date): RateLimited {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new RateLimited(`Too many failed sign-ins for this email: try again in ${Math.ceil(seconds / 60)} min.`, seconds, "login_locked");
}

/**
 * Admin sessions: a random token (given once, in the `fb_admin` cookie; stored only as its SHA-256)
 * for a server-side session row.
 *
 * - Absolute expiry: a session ends ADMIN_SESSION_HOURS after sign-in, however much it is used.
 *   Admin powers pay prizes, so a stolen cookie must stop working on its own; a sliding expiry would
 *   let one that is used regularly live for ever. A shift fits in one session.
 * - Sign-in rotates: the session the browser had is revoked. Sign-out revokes; a password reset
 *   revokes every session of the account.
 * - A revoked or expired token, or one of another kind (a player's), is refused like an unknown one.
 */
import crypto from "node:crypto";
import type { AdminIdentity, AdminRole } from "../../lib/contracts/admin";
import type { Db } from "../db/client";
import { hashToken } from "../players/session";

/** The admin cookie: not the player's `fb_session`, so neither can stand in for the other. */
export const ADMIN_COOKIE = "fb_admin";
const TOKEN_PREFIX = "fba_";
/** How stale lastSeenAt may get before a use records the time (so most reads stay reads). */
const TOUCH_INTERVAL_MS = 60_000;

type Tx = Pick<Db, "adminSession">;

export interface AuthenticatedAdmin {
  /** Who: id, email, role, and whether the account signs in with a TOTP code. */
  admin: AdminIdentity & { totp: boolean };
  session: { id: string; expiresAt: Date };
}

export interface OpenAdminSession {
  lifetimeMs: number;
  now: Date;
  ip: string | null;
  userAgent: string | null;
  /** The admin token the browser presented, revoked by this sign-in. */
  replacing?: string | null;
}

export async function openAdminSession(tx: Tx, adminId: string, options: OpenAdminSession): Promise<{ token: string; expiresAt: Date }> {
  const { now } = options;
  if (options.replacing) {
    await tx.adminSession.updateMany({ where: { tokenHash: hashToken(options.replacing), revokedAt: null }, data: { revokedAt: now } });
  }
  const token = `${TOKEN_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
  const expiresAt = new Date(now.getTime() + options.lifetimeMs);
  await tx.adminSession.create({
    data: {
      adminId,
      tokenHash: hashToken(token),
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: options.ip,
      userAgent: options.userAgent?.slice(0, 300) ?? null,
    },
  });
  return { token, expiresAt };
}

/** The live session a token belongs to, with its admin, or null (unknown, revoked or expired). */
export async function authenticateAdmin(db: Db, token: string, now = new Date()): Promise<AuthenticatedAdmin | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
  const session = await db.adminSession.findUnique({ where: { tokenHash: hashToken(token) }, include: { admin: true } });
  if (!session || session.revokedAt || session.expiresAt <= now) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db.adminSession.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { admin } = session;
  return {
    admin: { id: admin.id, email: admin.email, role: admin.role as AdminRole, totp: admin.totpSecret !== null },
    session: { id: session.id, expiresAt: session.expiresAt },
  };
}

/** Ends one session (sign-out). */
export async function revokeAdminSession(tx: Tx, sessionId: string, now: Date): Promise<void> {
  await tx.adminSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** Ends every session of an account (its password was replaced); says how many were live. */
export async function revokeAdminSessions(tx: Tx, adminId: string, now: Date): Promise<number> {
  const { count } = await tx.adminSession.updateMany({ where: { adminId, revokedAt: null, expiresAt: { gt: now } }, data: { revokedAt: now } });
  return count;
}

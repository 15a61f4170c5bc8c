/**
 * Player sessions: a random token (given once, stored only as its SHA-256) that a browser keeps in an
 * httpOnly cookie and an API client sends as `Authorization: Bearer <token>`.
 *
 * - Sliding expiry: a session unused for SESSION_TTL_DAYS ends; each use moves its end forward (at
 *   most one write per TOUCH_INTERVAL_MS, so reads stay reads).
 * - Rotation: signing in replaces the session the device had with a new token.
 * - Sign-out revokes the session; a revoked or expired token is refused like an unknown one.
 * - A player sees their live sessions (device, when) and may end any of them.
 */
import crypto from "node:crypto";
import type { SessionInfo } from "../../lib/contracts/accounts";
import type { Db } from "../db/client";
import { NotFound } from "../errors";
import { deviceLabel } from "./devices";
import { sessionByToken } from "./session-store";

export const SESSION_COOKIE = "fb_session";
const TOKEN_PREFIX = "fb_";
/** How stale lastSeenAt may get before a use writes the new expiry. */
export const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

type Tx = Pick<Db, "playerSession">;

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

function newToken(): string {
  return `${TOKEN_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
}

/** The token a request presents, and how: a Bearer header wins over the cookie. */
export function presentedToken(headers: { get(name: string): string | null }, cookie: string | undefined): { token: string; via: "bearer" | "cookie" } | null {
  const auth = headers.get("authorization");
  if (auth && /^Bearer\s/i.test(auth)) return { token: auth.slice(7).trim(), via: "bearer" };
  return cookie ? { token: cookie, via: "cookie" } : null;
}

export interface SessionOptions {
  ttlMs: number;
  now?: Date;
  userAgent?: string | null;
  ip?: string | null;
}

/**
 * Opens a session for the player; revokes `replacing` (the device's previous token) if given. A
 * `kioskId` makes it a booth session (server/kiosks/booth-session.ts).
 */
export async function openSession(
  tx: Tx,
  playerId: string,
  options: SessionOptions & { replacing?: string | null; kioskId?: string },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const now = options.now ?? new Date();
  if (options.replacing) {
    await tx.playerSession.updateMany({ where: { tokenHash: hashToken(options.replacing), revokedAt: null }, data: { revokedAt: now } });
  }
  const token = newToken();
  const expiresAt = new Date(now.getTime() + options.ttlMs);
  const session = await tx.playerSession.create({
    data: {
      playerId,
      tokenHash: hashToken(token),
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      userAgent: options.userAgent?.slice(0, 300) ?? null,
      ip: options.ip ?? null,
      kioskId: options.kioskId ?? null,
    },
  });
  return { id: session.id, token, expiresAt };
}

/**
 * The live session a token belongs to, with its player, or null (unknown, revoked or expired).
 * `renewed` is set when this use moved the expiry forward (the cookie should be renewed too).
 */
export async function authenticate(db: Db, token: string, options: SessionOptions) {
  const now = options.now ?? new Date();
  const session = await liveSession(db, token, now);
  if (!session) return null;
  let renewed = false;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    const expiresAt = new Date(now.getTime() + options.ttlMs);
    await db.playerSession.update({ where: { id: session.id }, data: { lastSeenAt: now, expiresAt } });
    session.expiresAt = expiresAt;
    renewed = true;
  }
  const { player, ...rest } = session;
  return { session: rest, player, renewed };
}

/**
 * The live session of a token, with its player, or null; only reads (a page's header asks this
 * without moving the expiry, which only an API answer can renew together with the cookie).
 */
export async function liveSession(db: Db, token: string, now = new Date()) {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
  const session = await sessionByToken(db, hashToken(token));
  // A deleted account's sessions were revoked with it; its row is refused here as well.
  return !session || session.revokedAt || session.expiresAt <= now || session.player.deletedAt ? null : session;
}

export type AuthenticatedPlayer = NonNullable<Awaited<ReturnType<typeof authenticate>>>;
export type PlayerRow = AuthenticatedPlayer["player"];

/** Ends a session (sign-out). */
export async function revokeSession(db: Db, sessionId: string, now = new Date()): Promise<void> {
  await db.playerSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** The player's live sessions, most recently used first. */
export async function listSessions(db: Db, playerId: string, currentSessionId: string, now = new Date()): Promise<SessionInfo[]> {
  const rows = await db.playerSession.findMany({
    where: { playerId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
  });
  return rows.map((s) => ({
    id: s.id,
    device: deviceLabel(s.userAgent),
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    current: s.id === currentSessionId,
  }));
}

/** Ends one of the player's own sessions (another device, or this one). */
export async function revokePlayerSession(db: Db, playerId: string, sessionId: string, now = new Date()): Promise<void> {
  const ended = await db.playerSession.updateMany({ where: { id: sessionId, playerId, revokedAt: null }, data: { revokedAt: now } });
  if (ended.count === 0) throw new NotFound("session_not_found", "You have no live session with that id.");
}

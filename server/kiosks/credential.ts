/**
 * The kiosk credential: a random token a paired booth machine keeps in an httpOnly cookie (only its
 * SHA-256 is stored on the Kiosk). It identifies the device, never a player. The player at the
 * booth acts through a booth session (server/kiosks/booth-session.ts) that is accepted only
 * together with the credential of the kiosk that opened it, so a booth token is worthless away from
 * its machine, and a revoked kiosk's credential and booth sessions are refused at once.
 *
 * Every request a kiosk authenticates is a sign of life: it is recorded (lastSeenAt), and marks the
 * kiosk's unfinished runs whose finish was due by now (see markOnline and docs/kiosk.md, "Late
 * uploads").
 */
import crypto from "node:crypto";
import type { Db } from "../db/client";

export const KIOSK_COOKIE = "fb_kiosk";
const TOKEN_PREFIX = "fbk_";
/** The cookie outlives any event; revoking the kiosk is what ends it. */
const COOKIE_MAX_AGE_SEC = 400 * 24 * 3600;

export function kioskTokenHash(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export function newKioskToken(): string {
  return `${TOKEN_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
}

export interface KioskContact {
  /** RUN_FINISH_ALLOWANCE_SEC in ms: the window after a run's duration in which its finish is due. */
  finishAllowanceMs: number;
  now?: Date;
}

/**
 * The live (paired, unrevoked) kiosk a credential belongs to, or null. Records the contact.
 */
export async function authenticateKiosk(db: Db, token: string, contact: KioskContact) {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
  const kiosk = await db.kiosk.findUnique({ where: { tokenHash: kioskTokenHash(token) } });
  if (!kiosk || kiosk.revokedAt) return null;
  await markOnline(db, kiosk.id, contact);
  return kiosk;
}

export type AuthenticatedKiosk = NonNullable<Awaited<ReturnType<typeof authenticateKiosk>>>;

/**
 * The kiosk was heard from now: its unfinished runs that are in the last half of their finish
 * allowance (an honest kiosk that is online has sent their finish by then) are marked as "online
 * when the finish was due". Such a run's late finish is not the network's fault: it stays
 * run_expired, as anywhere.
 */
export async function markOnline(db: Db, kioskId: string, contact: KioskContact): Promise<void> {
  const now = contact.now ?? new Date();
  await db.kiosk.update({ where: { id: kioskId }, data: { lastSeenAt: now } });
  await db.run.updateMany({
    where: { kioskId, finishedAt: null, kioskOnlineAt: null, expiresAt: { gt: now, lte: new Date(now.getTime() + contact.finishAllowanceMs / 2) } },
    data: { kioskOnlineAt: now },
  });
}

/**
 * Whether a session may be used with the kiosk credential presented (null: none): an ordinary
 * session anywhere, a booth session only with the credential of its own, live kiosk.
 */
export function sessionAllowedWith(session: { kioskId: string | null }, kiosk: { id: string } | null): boolean {
  return session.kioskId === null || session.kioskId === kiosk?.id;
}

/** Sets (or, with null, clears) the kiosk cookie: httpOnly, so the page's scripts never see it. */
export function setKioskCookie(res: Response, token: string | null, secure: boolean): void {
  const parts = [`${KIOSK_COOKIE}=${token ?? ""}`, "Path=/", "HttpOnly", "SameSite=Strict", `Max-Age=${token ? COOKIE_MAX_AGE_SEC : 0}`];
  if (secure) parts.push("Secure");
  res.headers.append("set-cookie", parts.join("; "));
}

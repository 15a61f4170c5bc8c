/**
 * Booth sessions: how the player at a kiosk acts. Signing up at the booth, or finding oneself as a
 * returning player (handle plus the e-mail given before), opens a booth session and a booth visit:
 * - the session's token is answered in the body only (no cookie); the kiosk page keeps it in memory
 *   and never stores it;
 * - it is accepted only together with the credential of the kiosk that opened it
 *   (server/kiosks/credential.ts), and lasts BOOTH_SESSION_TTL_MS at most;
 * - one player at a booth at a time: opening a booth session ends every other one of that kiosk,
 *   and the kiosk ends its booth sessions when the player leaves the result screen (leaveBooth).
 * So the next player cannot act as the previous one, even with the previous token in hand.
 *
 * The visit (BoothVisit) records the pair of runs played in it (booth-run.ts).
 */
import type { BoothReturn, BoothSignUp } from "../../lib/contracts/kiosks";
import type { Db } from "../db/client";
import { transact, type Tx } from "../db/transact";
import { InvalidInput, NotFound } from "../errors";
import { handleKey, validateHandle } from "../players/handles";
import { handleTaken, isUniqueViolation } from "../players/players";
import { openSession } from "../players/session";

/** A booth turn takes a few minutes; a session left behind ends on its own after this. */
export const BOOTH_SESSION_TTL_MS = 20 * 60 * 1000;

interface BoothKiosk {
  id: string;
  scenarioId: string;
}
interface Client {
  userAgent?: string | null;
  ip?: string | null;
  now?: Date;
}

async function openBoothVisit(tx: Tx, kiosk: BoothKiosk, player: { id: string; handle: string }, client: Client) {
  const now = client.now ?? new Date();
  await tx.playerSession.updateMany({ where: { kioskId: kiosk.id, revokedAt: null }, data: { revokedAt: now } });
  const session = await openSession(tx, player.id, { ttlMs: BOOTH_SESSION_TTL_MS, now, userAgent: client.userAgent, ip: client.ip, kioskId: kiosk.id });
  await tx.boothVisit.create({ data: { kioskId: kiosk.id, playerId: player.id, sessionId: session.id, scenarioId: kiosk.scenarioId, startedAt: now } });
  return { player: { id: player.id, handle: player.handle }, token: session.token, expiresAt: session.expiresAt.toISOString() };
}

/** A new player signs up at the booth: a handle by the site's rules, an e-mail only with consent. */
export async function signUpAtBooth(db: Db, kiosk: BoothKiosk, input: BoothSignUp, client: Client = {}) {
  const handle = validateHandle(input.handle);
  if (input.email && !input.consent) {
    throw new InvalidInput("consent_required", "Tick the box to agree to be contacted about prizes, or leave the e-mail empty.");
  }
  const now = client.now ?? new Date();
  const contact = input.email ? { contactEmail: input.email.trim().toLowerCase(), contactConsentAt: now } : {};
  try {
    return await transact(db, async (tx) => {
      const player = await tx.player.create({ data: { handle, handleKey: handleKey(handle), kioskId: kiosk.id, createdAt: now, ...contact } });
      return openBoothVisit(tx, kiosk, player, { ...client, now });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw handleTaken();
    throw err;
  }
}

/** A returning player finds themselves by handle plus the e-mail they left for prize contact. */
export async function returnToBooth(db: Db, kiosk: BoothKiosk, input: BoothReturn, client: Client = {}) {
  return transact(db, async (tx) => {
    const player = await tx.player.findUnique({ where: { handleKey: handleKey(input.handle.trim()) } });
    const matches = player?.contactEmail && player.contactConsentAt && player.contactEmail.toLowerCase() === input.email.trim().toLowerCase();
    if (!player || !matches) {
      throw new NotFound("player_not_found", "No player has that handle and e-mail. Check both, or sign up with a new handle.");
    }
    return openBoothVisit(tx, kiosk, player, client);
  });
}

/** The player left the result screen (or walked away): every booth session of the kiosk ends. */
export async function leaveBooth(db: Db, kioskId: string, now = new Date()): Promise<void> {
  await db.playerSession.updateMany({ where: { kioskId, revokedAt: null }, data: { revokedAt: now } });
}

/** Whether a handle could be signed up now, in the site's words when not. */
export async function checkHandle(db: Db, typed: string): Promise<{ handle: string; available: boolean; message: string | null }> {
  try {
    const handle = validateHandle(typed);
    const taken = await db.player.findUnique({ where: { handleKey: handleKey(handle) }, select: { id: true } });
    return { handle, available: !taken, message: taken ? handleTaken().message : null };
  } catch (err) {
    if (err instanceof InvalidInput) return { handle: typed.trim(), available: false, message: err.message };
    throw err;
  }
}

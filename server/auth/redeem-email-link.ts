/** Following an e-mailed link: a sign-in, or the verification of a prize-contact address (docs/accounts.md). */
import type { EmailLinkOutcome } from "../../lib/contracts/accounts";
import { audit } from "../audit";
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import { Conflict, InvalidInput } from "../errors";
import { hashToken, openSession, type SessionOptions } from "../players/session";

/**
 * Follows a link: uses the token up (once, even when two requests race) and does what it was for.
 * A sign-in opens a session (replacing the device's previous one) and answers its token.
 */
export async function redeemEmailLink(
  db: Db,
  input: { token: string; session: SessionOptions & { replacing?: string | null } },
): Promise<{ outcome: EmailLinkOutcome; session: { token: string; expiresAt: Date } | null }> {
  const now = input.session.now ?? new Date();
  const row = await db.emailToken.findUnique({ where: { tokenHash: hashToken(input.token) }, include: { player: true } });
  if (!row) throw new InvalidInput("token_invalid", "That link is not valid. Ask for a new one.");
  if (row.usedAt) throw new Conflict("token_already_used", "That link was already used. Ask for a new one.");
  if (row.expiresAt <= now) throw new InvalidInput("token_expired", "That link has expired. Ask for a new one.");
  return transact(db, async (tx) => {
    const taken = await tx.emailToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (taken.count === 0) throw new Conflict("token_already_used", "That link was already used. Ask for a new one.");
    const actor = { actorType: "player" as const, actorId: row.playerId, targetType: "player", targetId: row.playerId };
    if (row.purpose === "sign_in") {
      const session = await openSession(tx, row.playerId, input.session);
      await audit(tx, { ...actor, action: "player.signed_in", details: { method: "email" } });
      return { outcome: { purpose: "sign_in" as const, player: { id: row.player.id, handle: row.player.handle } }, session };
    }
    const other = await tx.player.findFirst({ where: { contactEmail: row.email, contactVerifiedAt: { not: null }, id: { not: row.playerId } } });
    if (other) throw new Conflict("email_in_use", "That address is already another player's contact. Use another one.");
    await tx.player.update({
      where: { id: row.playerId },
      data: { contactEmail: row.email, contactVerifiedAt: now, contactConsentAt: row.createdAt, contactConsentText: row.consentText },
    });
    await audit(tx, { ...actor, action: "player.contact_verified", details: { email: row.email, consentAt: row.createdAt.toISOString() } });
    return { outcome: { purpose: "verify_contact" as const, email: row.email }, session: null };
  });
}


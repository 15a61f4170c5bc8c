/**
 * A new one-time pairing code for a registered kiosk (the first one expired, or the booth machine
 * is replaced). The code replaces any earlier unused one; the device paired so far keeps working
 * until another device pairs with the new code. Audited.
 */
import { audit, type AuditEntry } from "../audit";
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import { Conflict, NotFound } from "../errors";
import { newPairingCode, PAIRING_CODE_TTL_MS, pairingCodeHash } from "./secrets";

export async function issuePairingCode(db: Db, kioskId: string, actor: Pick<AuditEntry, "actorType" | "actorId">, now = new Date()) {
  const pairingCode = newPairingCode();
  return transact(db, async (tx) => {
    const kiosk = await tx.kiosk.findUnique({ where: { id: kioskId } });
    if (!kiosk) throw new NotFound("kiosk_not_found", "No kiosk with that id.");
    if (kiosk.revokedAt) throw new Conflict("kiosk_revoked", "That kiosk was revoked; register a new one.");
    const pairingExpiresAt = new Date(now.getTime() + PAIRING_CODE_TTL_MS);
    await tx.kiosk.update({ where: { id: kiosk.id }, data: { pairingCodeHash: pairingCodeHash(pairingCode), pairingExpiresAt } });
    await audit(tx, { ...actor, action: "kiosk.pairing_code", targetType: "kiosk", targetId: kiosk.id });
    return { pairingCode, pairingExpiresAt };
  });
}

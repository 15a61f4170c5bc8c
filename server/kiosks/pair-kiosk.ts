/**
 * A booth machine pairs with a one-time code (`POST /api/kiosks/pair`): the code is used up, and the
 * device gets the kiosk's credential (answered once, kept in an httpOnly cookie). A device paired
 * earlier stops working: one kiosk, one device. Audited as the kiosk's own action.
 */
import { audit } from "../audit";
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import { Conflict, Expired, NotFound } from "../errors";
import { kioskTokenHash, newKioskToken } from "./credential";
import { pairingCodeHash } from "./secrets";

export async function pairKiosk(db: Db, typedCode: string, now = new Date()) {
  const token = newKioskToken();
  return transact(db, async (tx) => {
    const kiosk = await tx.kiosk.findUnique({ where: { pairingCodeHash: pairingCodeHash(typedCode) } });
    if (!kiosk) throw new NotFound("pairing_code_not_found", "That pairing code does not exist or was used already. Ask for a new one.");
    if (kiosk.revokedAt) throw new Conflict("kiosk_revoked", "That kiosk was revoked.");
    if (kiosk.pairingExpiresAt && kiosk.pairingExpiresAt <= now) throw new Expired("pairing_code_expired", "That pairing code has expired. Ask for a new one.");
    // Used up by this update: a second device racing with the same code finds no kiosk for it.
    const paired = await tx.kiosk.updateMany({
      where: { id: kiosk.id, pairingCodeHash: kiosk.pairingCodeHash },
      data: { pairingCodeHash: null, pairingExpiresAt: null, tokenHash: kioskTokenHash(token), pairedAt: now, lastSeenAt: now },
    });
    if (paired.count === 0) throw new NotFound("pairing_code_not_found", "That pairing code does not exist or was used already. Ask for a new one.");
    await audit(tx, { actorType: "kiosk", actorId: kiosk.id, action: "kiosk.paired", targetType: "kiosk", targetId: kiosk.id, details: { replacedDevice: kiosk.tokenHash !== null } });
    return { kioskId: kiosk.id, token };
  });
}

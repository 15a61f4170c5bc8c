/**
 * Revoking a kiosk (from the dashboard, or a lost booth machine): its credential is refused from
 * the next request on, its open booth sessions end, and an unused pairing code dies with it. Its
 * players, runs and pairs stay. A revoked kiosk is not paired again: register a new one. Audited.
 */
import { audit, type AuditEntry } from "../audit";
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import { NotFound } from "../errors";

export async function revokeKiosk(db: Db, kioskId: string, actor: Pick<AuditEntry, "actorType" | "actorId">, now = new Date()): Promise<void> {
  await transact(db, async (tx) => {
    const kiosk = await tx.kiosk.findUnique({ where: { id: kioskId } });
    if (!kiosk) throw new NotFound("kiosk_not_found", "No kiosk with that id.");
    if (kiosk.revokedAt) return;
    await tx.kiosk.update({ where: { id: kiosk.id }, data: { revokedAt: now, pairingCodeHash: null, pairingExpiresAt: null } });
    const ended = await tx.playerSession.updateMany({ where: { kioskId: kiosk.id, revokedAt: null }, data: { revokedAt: now } });
    await audit(tx, { ...actor, action: "kiosk.revoked", targetType: "kiosk", targetId: kiosk.id, details: { boothSessionsEnded: ended.count } });
  });
}

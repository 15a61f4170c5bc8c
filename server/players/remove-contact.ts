/** A player withdraws their prize contact: the address and the consent given for it are removed. */
import { audit } from "../audit";
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import type { PlayerRow } from "./session";

/** Removes the prize contact and the consent (the player withdraws it). */
export async function removeContact(db: Db, player: PlayerRow): Promise<void> {
  await transact(db, async (tx) => {
    await tx.player.update({
      where: { id: player.id },
      data: { contactEmail: null, contactVerifiedAt: null, contactConsentAt: null, contactConsentText: null },
    });
    await audit(tx, { actorType: "player", actorId: player.id, action: "player.contact_removed", targetType: "player", targetId: player.id });
  });
}

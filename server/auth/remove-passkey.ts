/** Removing one of the player's passkeys: it no longer signs anyone in. */
import { audit } from "../audit";
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import { NotFound } from "../errors";

export async function removePasskey(db: Db, playerId: string, passkeyId: string): Promise<void> {
  await transact(db, async (tx) => {
    const removed = await tx.passkey.deleteMany({ where: { id: passkeyId, playerId } });
    if (removed.count === 0) throw new NotFound("passkey_not_found", "You have no passkey with that id.");
    await audit(tx, { actorType: "player", actorId: playerId, action: "player.passkey_removed", targetType: "passkey", targetId: passkeyId });
  });
}

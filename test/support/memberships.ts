/** Test players with Ultimate: granted straight in the database, as an operator's grant would be. */
import { createDb } from "../../server/db/client";
import { grantMembership } from "../../server/memberships/grant-membership";

export async function grantUltimate(databaseUrl: string, playerId: string, days = 30): Promise<void> {
  const db = createDb(databaseUrl);
  try {
    await db.$transaction((tx) => grantMembership(tx, { playerId, length: { days }, source: "admin", actor: { actorType: "admin", actorId: "test" } }));
  } finally {
    await db.$disconnect();
  }
}

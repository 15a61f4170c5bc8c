/** Test players with Ultimate: granted straight in the database, as an operator's grant would be. */
import { createDb, type Db } from "../../server/db/client";
import { grantMembership } from "../../server/memberships/grant-membership";

/** Grants Ultimate for `days` through an open database client. */
export async function grantUltimateIn(db: Db, playerId: string, days = 30): Promise<void> {
  await db.$transaction((tx) => grantMembership(tx, { playerId, length: { days }, source: "admin", actor: { actorType: "admin", actorId: "test" } }));
}

export async function grantUltimate(databaseUrl: string, playerId: string, days = 30): Promise<void> {
  const db = createDb(databaseUrl);
  try {
    await grantUltimateIn(db, playerId, days);
  } finally {
    await db.$disconnect();
  }
}

/** Test players with Ultimate: granted straight in the database, as an operator's grant would be, or by a code they redeem. */
import { createDb, type Db } from "../../server/db/client";
import { createMembershipCode } from "../../server/memberships/create-code";
import { grantMembership } from "../../server/memberships/grant-membership";
import type { ApiClient } from "./api";

export async function grantUltimate(databaseUrl: string, playerId: string, days = 30): Promise<void> {
  const db = createDb(databaseUrl);
  try {
    await db.$transaction((tx) => grantMembership(tx, { playerId, length: { days }, source: "admin", actor: { actorType: "admin", actorId: "test" } }));
  } finally {
    await db.$disconnect();
  }
}

/** A membership code (7 days of Ultimate, plenty of uses) that test players redeem through the API. */
export async function createTestCode(db: Db, label: string): Promise<string> {
  const expiresAt = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  return (await createMembershipCode(db, { label, days: 7, maxUses: 10_000, expiresAt }, { actorType: "admin", actorId: "test" })).code;
}

/** Redeems `code` as the player with `token`, as the play page does; throws unless it gave Ultimate. */
export async function redeemCode(api: ApiClient, token: string, code: string, headers?: Record<string, string>): Promise<void> {
  const res = await api.call("POST", "/api/players/me/membership", { body: { code }, token, headers });
  if (res.status !== 200 || res.body.membership?.tier !== "ultimate") throw new Error(`redeeming a code failed: ${res.status} ${JSON.stringify(res.body)}`);
}

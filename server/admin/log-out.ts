/** Admin sign-out: ends the session that asked, audited. */
import { audit } from "../audit";
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import { revokeAdminSession, type AuthenticatedAdmin } from "./sessions";

export async function logOut(db: Db, auth: AuthenticatedAdmin, now = new Date()): Promise<void> {
  await transact(db, async (tx) => {
    await revokeAdminSession(tx, auth.session.id, now);
    await audit(tx, { actorType: "admin", actorId: auth.admin.id, action: "admin.logout", targetType: "admin", targetId: auth.admin.id, details: { sessionId: auth.session.id } });
  });
}

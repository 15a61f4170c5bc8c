/**
 * Creates an admin account (`npm run admin:create`), or with `reset` replaces an existing one's
 * password (and role, when given), signing it out everywhere and lifting a sign-in lock-out.
 * The password must pass password-policy.ts. Audited.
 */
import type { AdminIdentity, AdminRole } from "../../lib/contracts/admin";
import { audit, type AuditEntry } from "../audit";
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import { Conflict, NotFound } from "../errors";
import { emailKey } from "./accounts";
import { clearFailures } from "./lockout";
import { checkNewPassword } from "./password-policy";
import { hashPassword } from "./passwords";
import { revokeAdminSessions } from "./sessions";

export interface AdminAccountChange {
  email: string;
  password: string;
  /** For a new account: admin when not given. For a reset: unchanged when not given. */
  role?: AdminRole;
  reset: boolean;
  actor: Pick<AuditEntry, "actorType" | "actorId">;
  now?: Date;
}

export async function createAdmin(db: Db, change: AdminAccountChange): Promise<{ admin: AdminIdentity; created: boolean; sessionsRevoked: number }> {
  const email = emailKey(change.email);
  const now = change.now ?? new Date();
  checkNewPassword(change.password, email);
  const passwordHash = await hashPassword(change.password);

  return transact(db, async (tx) => {
    const existing = await tx.adminUser.findUnique({ where: { email } });
    if (existing && !change.reset) {
      throw new Conflict("admin_exists", `An admin with the email ${email} exists: pass --reset to replace its password (which signs it out everywhere).`);
    }
    if (!existing && change.reset) throw new NotFound("admin_not_found", `No admin has the email ${email}: leave out --reset to create one.`);

    if (!existing) {
      const admin = await tx.adminUser.create({ data: { email, passwordHash, role: change.role ?? "admin", createdAt: now } });
      await audit(tx, { ...change.actor, action: "admin.created", targetType: "admin", targetId: admin.id, details: { email, role: admin.role } });
      return { admin: { id: admin.id, email, role: admin.role as AdminRole }, created: true, sessionsRevoked: 0 };
    }
    const admin = await tx.adminUser.update({ where: { id: existing.id }, data: { passwordHash, role: change.role ?? existing.role } });
    const sessionsRevoked = await revokeAdminSessions(tx, admin.id, now);
    await clearFailures(tx, email);
    await audit(tx, {
      ...change.actor,
      action: "admin.password_reset",
      targetType: "admin",
      targetId: admin.id,
      details: { email, role: admin.role, previousRole: existing.role, sessionsRevoked },
    });
    return { admin: { id: admin.id, email, role: admin.role as AdminRole }, created: false, sessionsRevoked };
  });
}

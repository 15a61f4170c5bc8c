/** Admin accounts: how an email is compared, and the list of accounts an admin sees. */
import type { AdminAccountRow, AdminRole } from "../../lib/contracts/admin";
import type { Db } from "../db/client";

/** Emails are stored and compared trimmed and lower-cased. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Every account, oldest first, with whether it has a second factor and when it was last used. */
export async function listAdminAccounts(db: Db): Promise<AdminAccountRow[]> {
  const admins = await db.adminUser.findMany({ orderBy: { createdAt: "asc" } });
  const lastSeen = await db.adminSession.groupBy({ by: ["adminId"], _max: { lastSeenAt: true } });
  const lastSeenOf = new Map(lastSeen.map((row) => [row.adminId, row._max.lastSeenAt]));
  return admins.map((a) => ({
    id: a.id,
    email: a.email,
    role: a.role as AdminRole,
    totp: a.totpSecret !== null,
    createdAt: a.createdAt.toISOString(),
    lastSeenAt: lastSeenOf.get(a.id)?.toISOString() ?? null,
  }));
}

/** The audit log: append-only, written in the same transaction as the change it records. */
import type { Db } from "./db/client";

type Tx = Pick<Db, "auditLog">;

export interface AuditEntry {
  actorType: "admin" | "system" | "player" | "kiosk";
  actorId?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: object;
}

/** Who acted, as an audit entry records it. */
export type Actor = Pick<AuditEntry, "actorType" | "actorId">;

export async function audit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: entry });
}

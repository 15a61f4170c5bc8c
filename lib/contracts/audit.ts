/** The audit log as the admin API reads it: GET /api/admin/audit (docs/admin.md, "Audit log"). */
import { z } from "zod";

/** A UTC date (YYYY-MM-DD) or an ISO 8601 date-time with its offset. */
const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const auditQuerySchema = z.strictObject({
  /** An admin's email, an actor type (system, admin, player, kiosk), or an actor id ("cli"). */
  actor: z.string().trim().min(1).max(320).optional(),
  /** An action ("award.approved"), or every action of a family when it ends with a dot ("award."). */
  action: z.string().trim().min(1).max(100).optional(),
  /** From this instant (a date: its start, UTC). */
  from: instant.optional(),
  /** Up to this instant (a date: to its end, UTC). */
  to: instant.optional(),
  cursor: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface AuditRow {
  id: number;
  at: string;
  actorType: string;
  actorId: string | null;
  /** The admin's email when an admin acted, else the actor id or type. */
  actor: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
}

/** Newest first; `nextCursor` continues with older entries. */
export type AuditPage = { entries: AuditRow[]; nextCursor: string | null };

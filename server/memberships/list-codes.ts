/** The membership codes as the dashboard lists them, newest first (never the codes: only their last characters). */
import type { MembershipCodeRow } from "../../lib/contracts/admin-codes";
import type { Db } from "../db/client";

type CodeRecord = { id: string; hint: string; label: string; days: number; maxUses: number; uses: number; expiresAt: Date; revokedAt: Date | null; createdAt: Date };

export function codeRow(c: CodeRecord): MembershipCodeRow {
  return { id: c.id, hint: c.hint, label: c.label, days: c.days, maxUses: c.maxUses, uses: c.uses, expiresAt: c.expiresAt.toISOString(), revokedAt: c.revokedAt?.toISOString() ?? null, createdAt: c.createdAt.toISOString() };
}

export async function listMembershipCodes(db: Db): Promise<MembershipCodeRow[]> {
  return (await db.membershipCode.findMany({ orderBy: [{ createdAt: "desc" }, { id: "asc" }] })).map(codeRow);
}

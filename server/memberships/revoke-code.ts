/**
 * An admin revokes a membership code: it is refused from then on (`code_not_found`, as for a code
 * that never existed). Memberships already granted with it stay. Revoking it again changes nothing.
 * Audited.
 */
import { audit } from "../audit";
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import { NotFound } from "../errors";

export async function revokeMembershipCode(db: Db, codeId: string, adminId: string, now = new Date()): Promise<void> {
  await transact(db, async (tx) => {
    const code = await tx.membershipCode.findUnique({ where: { id: codeId } });
    if (!code) throw new NotFound("code_not_found", "No membership code with that id.");
    if (code.revokedAt) return;
    await tx.membershipCode.update({ where: { id: code.id }, data: { revokedAt: now } });
    await audit(tx, { actorType: "admin", actorId: adminId, action: "membership_code.revoked", targetType: "membership_code", targetId: code.id, details: { label: code.label, hint: code.hint, uses: code.uses } });
  });
}

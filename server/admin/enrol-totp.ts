/**
 * Enrols a TOTP second factor for an admin (`npm run admin:totp`): a new secret, whose otpauth://
 * URI is shown once to be scanned into an authenticator app. An account that has one keeps it
 * unless `replace` is given (a lost phone). Audited; the secret is not.
 */
import { audit, type AuditEntry } from "../audit";
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import { Conflict, NotFound } from "../errors";
import { emailKey } from "./accounts";
import { newTotpSecret, totpUri } from "./totp";

export async function enrolTotp(
  db: Db,
  input: { email: string; replace: boolean; actor: Pick<AuditEntry, "actorType" | "actorId"> },
): Promise<{ secret: string; uri: string }> {
  const email = emailKey(input.email);
  return transact(db, async (tx) => {
    const admin = await tx.adminUser.findUnique({ where: { email } });
    if (!admin) throw new NotFound("admin_not_found", `No admin has the email ${email}: create it with npm run admin:create first.`);
    if (admin.totpSecret && !input.replace) {
      throw new Conflict("totp_already_enrolled", `${email} already has a second factor: pass --replace to enrol a new one (the old codes stop working).`);
    }
    const secret = newTotpSecret();
    await tx.adminUser.update({ where: { id: admin.id }, data: { totpSecret: secret, totpLastStep: null } });
    await audit(tx, { ...input.actor, action: "admin.totp_enrolled", targetType: "admin", targetId: admin.id, details: { email, replaced: admin.totpSecret !== null } });
    return { secret, uri: totpUri(email, secret) };
  });
}

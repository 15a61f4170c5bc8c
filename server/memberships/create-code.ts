/** An operator creates a membership code (e.g. an event's trial): answered once, stored hashed, audited. */
import { z } from "zod";
import { audit, type AuditEntry } from "../audit";
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import { InvalidInput } from "../errors";
import { codeHash, newCode } from "./codes";

export const newCodeSchema = z.strictObject({
  label: z.string().trim().min(1).max(100),
  days: z.number().int().min(1).max(366),
  maxUses: z.number().int().min(1).max(100_000),
  expiresAt: z.coerce.date(),
});

export async function createMembershipCode(db: Db, input: z.infer<typeof newCodeSchema>, actor: Pick<AuditEntry, "actorType" | "actorId">, now = new Date()) {
  const spec = newCodeSchema.parse(input);
  if (spec.expiresAt <= now) throw new InvalidInput("validation_failed", "expiresAt: must be in the future");
  const code = newCode();
  return transact(db, async (tx) => {
    const row = await tx.membershipCode.create({
      data: { codeHash: codeHash(code), hint: code.slice(-4), label: spec.label, tier: "ultimate", days: spec.days, maxUses: spec.maxUses, expiresAt: spec.expiresAt, createdBy: actor.actorId ?? null },
    });
    await audit(tx, { ...actor, action: "membership_code.created", targetType: "membership_code", targetId: row.id, details: { ...spec, hint: row.hint } });
    return { code, id: row.id, label: row.label, days: row.days, maxUses: row.maxUses, expiresAt: row.expiresAt };
  });
}

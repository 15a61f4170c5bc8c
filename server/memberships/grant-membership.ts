/**
 * Grants a player Ultimate (an operator, a redeemed code or a token), audited. A grant of days stacks
 * after the player's current Ultimate; a grant until a date (a token's claim) runs from now to then.
 */
import { audit, type AuditEntry } from "../audit";
import type { Db } from "../db/client";
import type { MembershipSource } from "../../lib/contracts/players";
import { nextGrantWindow } from "./membership";

type Tx = Pick<Db, "membership" | "auditLog">;

export interface Grant {
  playerId: string;
  length: { days: number } | { until: Date };
  source: MembershipSource;
  sourceRef?: string | null;
  /** Who granted it, for the audit log. */
  actor: Pick<AuditEntry, "actorType" | "actorId">;
  now?: Date;
}

export async function grantMembership(tx: Tx, grant: Grant) {
  const now = grant.now ?? new Date();
  const window = "days" in grant.length ? await nextGrantWindow(tx, grant.playerId, grant.length.days, now) : { startsAt: now, expiresAt: grant.length.until };
  const membership = await tx.membership.create({
    data: { playerId: grant.playerId, tier: "ultimate", source: grant.source, sourceRef: grant.sourceRef ?? null, ...window },
  });
  await audit(tx, {
    ...grant.actor,
    action: "membership.granted",
    targetType: "player",
    targetId: grant.playerId,
    details: { membershipId: membership.id, source: grant.source, startsAt: window.startsAt, expiresAt: window.expiresAt },
  });
  return membership;
}

/**
 * A player redeems a membership code: once per player, at most maxUses players, before it expires.
 * The use count is taken with a conditional update, so two players racing for the last use cannot
 * both get it.
 */
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import { Conflict, Expired, NotFound } from "../errors";
import { codeHash } from "./codes";
import { grantMembership } from "./grant-membership";
import { membershipStatus } from "./membership";

export async function redeemMembershipCode(db: Db, playerId: string, typed: string, now = new Date()) {
  await transact(db, async (tx) => {
    const code = await tx.membershipCode.findUnique({ where: { codeHash: codeHash(typed) } });
    if (!code || code.revokedAt) throw new NotFound("code_not_found", "That code does not exist. Check it and try again.");
    if (code.expiresAt <= now) throw new Expired("code_expired", "That code has expired.");
    if (await tx.membershipCodeRedemption.findUnique({ where: { codeId_playerId: { codeId: code.id, playerId } } })) {
      throw new Conflict("code_already_redeemed", "You have already redeemed that code.");
    }
    const taken = await tx.membershipCode.updateMany({ where: { id: code.id, uses: { lt: code.maxUses } }, data: { uses: { increment: 1 } } });
    if (taken.count === 0) throw new Conflict("code_exhausted", "That code has been used as many times as it allows.");
    const membership = await grantMembership(tx, { playerId, length: { days: code.days }, source: "code", sourceRef: `${code.id}|${playerId}`, actor: { actorType: "player", actorId: playerId }, now });
    await tx.membershipCodeRedemption.create({ data: { codeId: code.id, playerId, membershipId: membership.id, redeemedAt: now } });
  });
  return membershipStatus(db, playerId, now);
}

/**
 * Disqualifies an award in review, for its run or for its player, and offers the place to the next
 * eligible player of the frozen standings (offer-place.ts). Scope "run" marks the run disqualified
 * (it takes no prize again); scope "player" marks the player disqualified (Player.disqualifiedAt: no
 * close or offer gives them a prize from now on). The award row is kept as `disqualified`. All of it,
 * with its audit entries, in one transaction.
 */
import type { DisqualifyAnswer, DisqualifyAwardBody } from "../../lib/contracts/awards";
import { audit } from "../audit";
import type { Db } from "../db/client";
import { offerPlace } from "./offer-place";
import { decideReview } from "./review";

export async function disqualifyAward(db: Db, input: DisqualifyAwardBody & { awardId: string; adminId: string; now?: Date }): Promise<DisqualifyAnswer> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const award = await decideReview(tx, input.awardId, { status: "disqualified", adminId: input.adminId, note: input.note, now });
    const actor = { actorType: "admin", actorId: input.adminId } as const;
    if (input.scope === "run") {
      await tx.run.updateMany({ where: { id: award.runId, disqualifiedAt: null }, data: { disqualifiedAt: now, disqualifyNote: input.note } });
    } else {
      const { count } = await tx.player.updateMany({ where: { id: award.playerId, disqualifiedAt: null }, data: { disqualifiedAt: now, disqualifyNote: input.note } });
      if (count > 0) await audit(tx, { ...actor, action: "player.disqualified", targetType: "player", targetId: award.playerId, details: { note: input.note, awardId: award.id } });
    }
    await audit(tx, {
      ...actor,
      action: "award.disqualified",
      targetType: "prizeAward",
      targetId: award.id,
      details: { scope: input.scope, note: input.note, closeId: award.closeId, place: award.place, offer: award.offer, playerId: award.playerId, runId: award.runId, score: award.score },
    });
    return { offered: await offerPlace(tx, award, input.adminId) };
  });
}

/** Approves an award in review: it becomes `pending` (payable). Audited as `award.approved`. */
import { audit } from "../audit";
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import { decideReview } from "./review";

export async function approveAward(db: Db, input: { awardId: string; adminId: string; note?: string; now?: Date }): Promise<void> {
  await transact(db, async (tx) => {
    const award = await decideReview(tx, input.awardId, { status: "pending", adminId: input.adminId, note: input.note ?? null, now: input.now ?? new Date() });
    await audit(tx, {
      actorType: "admin",
      actorId: input.adminId,
      action: "award.approved",
      targetType: "prizeAward",
      targetId: award.id,
      details: { closeId: award.closeId, place: award.place, offer: award.offer, playerId: award.playerId, runId: award.runId, score: award.score, note: input.note ?? null },
    });
  });
}

/**
 * Moves an approved award through fulfilment (docs/awards.md): pending → contacted → claimed →
 * fulfilled, or forfeited from any of the first three, after which the place is offered to the next
 * eligible player of the frozen standings (offer-place.ts). Any other move is refused with
 * `award_transition_not_allowed`. Each change is audited as `award.<status>` (who, when, the note) in
 * its transaction: the audit log is the award's history (award-history.ts).
 */
import { FULFILMENT_STEPS, type AwardStatus, type AwardStatusAnswer } from "../../lib/contracts/awards";
import { audit } from "../audit";
import type { Db } from "../db/client";
import { RetryTransaction, transact } from "../db/transact";
import { Conflict, NotFound } from "../errors";
import { offerPlace } from "./offer-place";

export async function changeAwardStatus(
  db: Db,
  input: { awardId: string; status: AwardStatus; note?: string; adminId: string; now?: Date },
): Promise<AwardStatusAnswer> {
  const now = input.now ?? new Date();
  const note = input.note || null;
  return transact(db, async (tx) => {
    const award = await tx.prizeAward.findUnique({ where: { id: input.awardId } });
    if (!award) throw new NotFound("award_not_found", `No award has the id ${input.awardId}.`);
    const from = award.status as AwardStatus;
    const allowed = FULFILMENT_STEPS[from] ?? [];
    if (!allowed.includes(input.status)) {
      const next = allowed.length ? `it can become ${allowed.join(" or ")}` : "it takes no further change here";
      throw new Conflict("award_transition_not_allowed", `This award is ${from}: ${next}, not ${input.status}.`);
    }
    // The status in the WHERE: of two changes at once, the second runs again and sees the first.
    const { count } = await tx.prizeAward.updateMany({
      where: { id: award.id, status: from },
      data: { status: input.status, ...(input.status === "fulfilled" ? { fulfilledAt: now } : {}) },
    });
    if (count === 0) throw new RetryTransaction("the award changed under this change");
    await audit(tx, {
      actorType: "admin",
      actorId: input.adminId,
      action: `award.${input.status}`,
      targetType: "prizeAward",
      targetId: award.id,
      details: { from, to: input.status, note, closeId: award.closeId, place: award.place, offer: award.offer, playerId: award.playerId, prize: award.prize },
    });
    const offered = input.status === "forfeited" ? await offerPlace(tx, award, { actorType: "admin", actorId: input.adminId }) : null;
    return { status: input.status, offered };
  });
}

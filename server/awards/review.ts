/** What the review of an award shares: finding it, and claiming it (only an award in review can be decided, once). */
import type { Db } from "../db/client";
import { Conflict, NotFound } from "../errors";

type Tx = Pick<Db, "prizeAward">;

/** Moves the award out of review to `status`, recording who and when; refuses one not in review. */
export async function decideReview(tx: Tx, awardId: string, decision: { status: "pending" | "disqualified"; adminId: string; note: string | null; now: Date }) {
  const award = await tx.prizeAward.findUnique({ where: { id: awardId } });
  if (!award) throw new NotFound("award_not_found", `No award has the id ${awardId}.`);
  // The status in the WHERE makes two decisions at once end with one of them refused.
  const { count } = await tx.prizeAward.updateMany({
    where: { id: awardId, status: "review" },
    data: { status: decision.status, reviewedAt: decision.now, reviewedBy: decision.adminId, note: decision.note },
  });
  if (count === 0) throw new Conflict("award_not_in_review", `This award is ${award.status}, not in review: it was decided already.`);
  return award;
}

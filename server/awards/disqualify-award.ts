/**
 * Disqualifies an award in review, for its run or for its player, and offers the place to the next
 * eligible player of the frozen standings (offer-place.ts). Scope "run" marks the run disqualified
 * (it takes no prize again); scope "player" disqualifies the player as players/disqualify-player.ts
 * does (players/disqualification.ts: no close or offer gives them a prize from now on, they leave the
 * open boards, their other unpaid prizes are forfeited and offered down). The award row is kept as
 * `disqualified`. All of it, with its audit entries, in one transaction; after the commit the rank
 * store and live boards drop the player.
 */
import type { DisqualifyAnswer, DisqualifyAwardBody } from "../../lib/contracts/awards";
import { audit } from "../audit";
import type { BoardId } from "../boards/board";
import { publishRemovals, type BoardServices } from "../boards/publish";
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import { disqualifyInTransaction } from "../players/disqualification";
import { offerPlace } from "./offer-place";
import { decideReview } from "./review";

export async function disqualifyAward(
  db: Db,
  services: BoardServices,
  input: DisqualifyAwardBody & { awardId: string; adminId: string; now?: Date },
): Promise<DisqualifyAnswer> {
  const now = input.now ?? new Date();
  const done = await transact(db, async (tx) => {
    const award = await decideReview(tx, input.awardId, { status: "disqualified", adminId: input.adminId, note: input.note, now });
    const actor = { actorType: "admin", actorId: input.adminId } as const;
    let boards: BoardId[] = [];
    if (input.scope === "run") {
      await tx.run.updateMany({ where: { id: award.runId, disqualifiedAt: null }, data: { disqualifiedAt: now, disqualifyNote: input.note } });
    } else {
      // Null when the player was disqualified already: nothing more to take off.
      const disqualified = await disqualifyInTransaction(tx, { playerId: award.playerId, adminId: input.adminId, note: input.note, now, awardId: award.id });
      boards = disqualified?.boards ?? [];
    }
    await audit(tx, {
      ...actor,
      action: "award.disqualified",
      targetType: "prizeAward",
      targetId: award.id,
      details: { scope: input.scope, note: input.note, closeId: award.closeId, place: award.place, offer: award.offer, playerId: award.playerId, runId: award.runId, score: award.score },
    });
    return { offered: await offerPlace(tx, award, actor), playerId: award.playerId, boards };
  });
  await publishRemovals(services, done.boards, done.playerId);
  return { offered: done.offered };
}

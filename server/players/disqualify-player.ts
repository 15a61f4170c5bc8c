/**
 * An admin disqualifies a player (POST /api/admin/players/:playerId/disqualify): from now on they are
 * on no open board and win no prize. In one transaction with its audit entry (`player.disqualified`):
 * the flag and note, their entries off every open board, their unpaid prizes forfeited and offered
 * down (disqualification.ts). After the commit the rank store drops them from those boards and live
 * subscribers get each board without them. A player disqualified already is a 409, changing nothing.
 */
import type { DisqualifyPlayerAnswer } from "../../lib/contracts/admin-players";
import { publishRemovals, type BoardServices } from "../boards/publish";
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import { Conflict, NotFound } from "../errors";
import { disqualifyInTransaction } from "./disqualification";

export async function disqualifyPlayer(
  db: Db,
  services: BoardServices,
  input: { playerId: string; adminId: string; note: string; now?: Date },
): Promise<DisqualifyPlayerAnswer> {
  const now = input.now ?? new Date();
  const done = await transact(db, async (tx) => {
    const player = await tx.player.findUnique({ where: { id: input.playerId }, select: { disqualifiedAt: true } });
    if (!player) throw new NotFound("player_not_found", `No player has the id ${input.playerId}.`);
    const disqualified = await disqualifyInTransaction(tx, { ...input, now });
    if (!disqualified) throw new Conflict("player_already_disqualified", `This player was disqualified already, on ${player.disqualifiedAt?.toISOString()}.`);
    return disqualified;
  });
  await publishRemovals(services, done.boards, input.playerId);
  return { boards: done.boards.length, forfeited: done.forfeited };
}

/**
 * An admin reinstates a disqualified player (POST /api/admin/players/:playerId/reinstate): the flag is
 * cleared and their entries on the open boards are recomputed from their verified runs (including
 * runs finished while disqualified), in one transaction with its audit entry (`player.reinstated`).
 * After the commit the rank store takes the entries and live subscribers get the boards with them.
 * Prizes forfeited by the disqualification stay forfeited (their places were offered to others).
 * A player who is not disqualified is a 409, changing nothing.
 */
import type { ReinstatePlayerAnswer } from "../../lib/contracts/admin-players";
import { audit } from "../audit";
import { publishEntries, type BoardServices } from "../boards/publish";
import { currentChallenge } from "../challenge/challenge";
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import { Conflict, NotFound } from "../errors";
import { returnToOpenBoards } from "./disqualification";

export async function reinstatePlayer(
  db: Db,
  services: BoardServices,
  input: { playerId: string; adminId: string; note?: string },
): Promise<ReinstatePlayerAnswer> {
  const challenge = await currentChallenge(db);
  const done = await transact(db, async (tx) => {
    const player = await tx.player.findUnique({ where: { id: input.playerId }, select: { handle: true, disqualifiedAt: true, disqualifyNote: true } });
    if (!player) throw new NotFound("player_not_found", `No player has the id ${input.playerId}.`);
    // The row first: a finish writing this player's boards (PostgreSQL) is waited for, and its run counted below.
    const { count } = await tx.player.updateMany({ where: { id: input.playerId, disqualifiedAt: { not: null } }, data: { disqualifiedAt: null, disqualifyNote: null } });
    if (count === 0) throw new Conflict("player_not_disqualified", "This player is not disqualified.");
    const entries = await returnToOpenBoards(tx, challenge, input.playerId);
    await audit(tx, {
      actorType: "admin",
      actorId: input.adminId,
      action: "player.reinstated",
      targetType: "player",
      targetId: input.playerId,
      details: { note: input.note ?? null, disqualifiedAt: player.disqualifiedAt?.toISOString() ?? null, disqualifyNote: player.disqualifyNote, boards: entries.length },
    });
    return { entries, handle: player.handle };
  });
  await publishEntries(services, done.entries, done.handle);
  return { boards: done.entries.length };
}

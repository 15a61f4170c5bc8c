/**
 * A player deletes their account (DELETE /api/players/me). In one transaction, with its audit entry
 * (`player.deleted`, no handle or address in it):
 * - the player's row becomes a placeholder: a generated handle ("deleted-" and six letters or digits,
 *   a prefix nobody may choose), no prize contact or consent, no settings, `deletedAt` set; the
 *   handle they had is free for anyone to take;
 * - their entries leave every open board, and their unpaid prizes are forfeited and offered down
 *   (disqualification.ts, as for a disqualified player);
 * - closed periods' frozen standings keep their place and score under the placeholder name (the
 *   standings' other rows, ranks and prizes stay as they were decided);
 * - every way in ends: sessions revoked, passkeys and e-mailed links deleted, a run still open
 *   abandoned; the address a run was played from is dropped from their runs.
 * Their runs stay, anonymous, behind closed standings, paid prizes and the tier statistics.
 * The player confirms by typing their handle; anything else is refused and changes nothing.
 */
import { Prisma } from "../db/generated/sqlite/client";
import type { AccountDeleted } from "../../lib/contracts/players";
import { audit } from "../audit";
import { boardKey } from "../boards/board";
import { publishRemovals, type BoardServices } from "../boards/publish";
import type { Standing } from "../closes/standings";
import type { Db } from "../db/client";
import { transact, type Tx } from "../db/transact";
import { InvalidInput } from "../errors";
import { boardOf, closedBoards, forfeitUnpaidAwards, leaveOpenBoards } from "./disqualification";
import { DELETED_PREFIX, handleKey } from "./handles";
import { generatedHandle } from "./players";

export async function deleteAccount(
  db: Db,
  services: BoardServices,
  input: { player: { id: string; handle: string }; confirmHandle: string; now?: Date },
): Promise<AccountDeleted> {
  const { player } = input;
  if (handleKey(input.confirmHandle.trim()) !== handleKey(player.handle)) {
    throw new InvalidInput("confirmation_mismatch", `Type your handle, ${player.handle}, to confirm that the account should be deleted.`);
  }
  const now = input.now ?? new Date();
  const placeholder = generatedHandle(DELETED_PREFIX);
  const done = await transact(db, async (tx) => {
    await tx.player.update({
      where: { id: player.id },
      data: {
        handle: placeholder,
        handleKey: handleKey(placeholder),
        guest: false,
        settings: NO_JSON,
        contactEmail: null,
        contactVerifiedAt: null,
        contactConsentAt: null,
        contactConsentText: null,
        deletedAt: now,
      },
    });
    const boards = await leaveOpenBoards(tx, player.id);
    const forfeited = await forfeitUnpaidAwards(tx, { playerId: player.id, actor: { actorType: "player", actorId: player.id }, reason: "account_deleted" });
    const standings = await renameInClosedStandings(tx, player.id, placeholder);
    await tx.playerSession.updateMany({ where: { playerId: player.id, revokedAt: null }, data: { revokedAt: now } });
    await tx.passkey.deleteMany({ where: { playerId: player.id } });
    await tx.emailToken.deleteMany({ where: { playerId: player.id } });
    await tx.authChallenge.deleteMany({ where: { playerId: player.id } });
    await tx.run.updateMany({ where: { playerId: player.id, finishedAt: null }, data: { finishedAt: now, verdict: "abandoned" } });
    await tx.run.updateMany({ where: { playerId: player.id }, data: { clientIp: null } });
    await audit(tx, {
      actorType: "player",
      actorId: player.id,
      action: "player.deleted",
      targetType: "player",
      targetId: player.id,
      details: { boards: boards.length, closedStandings: standings, forfeited },
    });
    return { boards, forfeited, standings };
  });
  await publishRemovals(services, done.boards, player.id);
  // Entries on closed boards stay: their reads show the placeholder too.
  await services.ranks.rename(player.id, placeholder);
  return { boards: done.boards.length, closedStandings: done.standings, forfeited: done.forfeited.length };
}

/** SQL NULL for a nullable Json column (the runtime both generated clients share defines it). */
const NO_JSON = Prisma.DbNull;

/**
 * Writes the placeholder name into the frozen standings of every closed board the player was on
 * (found through their entries on those boards, which a close keeps); answers how many.
 */
async function renameInClosedStandings(tx: Tx, playerId: string, placeholder: string): Promise<number> {
  const entries = await tx.boardEntry.findMany({ where: { playerId }, select: { scenarioId: true, periodKind: true, periodKey: true, tier: true } });
  const closed = await closedBoards(tx, entries.map(boardOf));
  const boards = entries.map(boardOf).filter((b) => closed.has(boardKey(b)));
  let renamed = 0;
  for (const board of boards) {
    const closes = await tx.periodClose.findMany({ where: board, select: { id: true, standings: true } });
    for (const close of closes) {
      const standings = close.standings as unknown as Standing[];
      if (!standings.some((s) => s.playerId === playerId)) continue;
      const rewritten = standings.map((s) => (s.playerId === playerId ? { ...s, handle: placeholder } : s));
      await tx.periodClose.update({ where: { id: close.id }, data: { standings: rewritten as unknown as object[] } });
      renamed++;
    }
  }
  return renamed;
}

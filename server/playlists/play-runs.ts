/**
 * The runs of a playlist play: its own play (by the player who started it), and the latest run of
 * each position, which is the one that counts for the play (an earlier run of the item is replaced
 * by playing it again).
 */
import type { Tx } from "../db/transact";
import { NotFound } from "../errors";
import { ITEMS_INCLUDE } from "./playable";

/** The player's play `playId` with its playlist's items in order; NotFound for anyone else's. */
export async function ownPlay(tx: Pick<Tx, "playlistPlay">, playId: string, playerId: string) {
  const play = await tx.playlistPlay.findUnique({
    where: { id: playId },
    include: { playlist: { include: { items: ITEMS_INCLUDE } } },
  });
  if (!play || play.playerId !== playerId) throw new NotFound("playlist_play_not_found", "No playlist play of yours with that id.");
  return play;
}

/** The latest run of each position of a play (by start time): the one that counts. */
export async function latestRunsOf(tx: Pick<Tx, "run">, playId: string) {
  const runs = await tx.run.findMany({ where: { playlistPlayId: playId }, orderBy: [{ startedAt: "desc" }, { id: "desc" }] });
  const latest = new Map<number, (typeof runs)[number]>();
  for (const run of runs) if (run.playlistPosition !== null && !latest.has(run.playlistPosition)) latest.set(run.playlistPosition, run);
  return latest;
}

/**
 * The check a run started as a playlist item passes (server/runs/start.ts): the play is the
 * player's own and not yet finished, and the run is that position's scenario, at the pinned version,
 * on the play's tier. Anything else is a 409 playlist_item_mismatch that says which part differs.
 */
import type { PlaylistRunFields } from "../../lib/contracts/playlists";
import type { Db } from "../db/client";
import { Conflict } from "../errors";

export async function checkPlaylistSlot(
  db: Db,
  input: { playerId: string; scenarioId: string; version: string; tier: string; slot: PlaylistRunFields },
): Promise<void> {
  const { playId, position } = input.slot;
  const play = await db.playlistPlay.findUnique({ where: { id: playId }, include: { playlist: { include: { items: { where: { position } } } } } });
  const mismatch = (message: string) => new Conflict("playlist_item_mismatch", message);
  if (!play || play.playerId !== input.playerId) throw mismatch("That playlist play is not one of yours: start a play of the playlist first.");
  if (play.finishedAt) throw mismatch("That playlist play is finished: start a new play to play the playlist again.");
  const item = play.playlist.items[0];
  if (!item) throw mismatch(`The playlist has no item ${position + 1}.`);
  if (item.scenarioId !== input.scenarioId) throw mismatch(`Item ${position + 1} of the playlist is "${item.scenarioId}", not "${input.scenarioId}".`);
  if (item.scenarioVersion !== input.version) throw mismatch(`The playlist pins another version of "${item.scenarioId}" than the one playable now.`);
  if (play.tier !== input.tier) throw mismatch(`This play is on the ${play.tier} tier: every run of it is.`);
}

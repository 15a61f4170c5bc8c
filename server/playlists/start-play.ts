/**
 * A player starts a play of a playlist on a tier: the play its runs are started under, one per item
 * (POST /api/runs with `playlist: {playId, position}`). The tier rules are a run's: a ranked
 * Ultimate play needs a live membership. Every item must still be playable.
 */
import { getTier, type TierName } from "../../game/core";
import type { PlaylistPlayView } from "../../lib/contracts/playlists";
import type { Db } from "../db/client";
import { Conflict, Forbidden, NotFound } from "../errors";
import { isEntitled } from "../memberships/membership";
import { ITEMS_INCLUDE, playableAt } from "./playable";

export async function startPlay(db: Db, input: { playerId: string; playlistId: string; tier: TierName; now?: Date }): Promise<PlaylistPlayView> {
  const now = input.now ?? new Date();
  const playlist = await db.playlist.findUnique({
    where: { id: input.playlistId },
    include: { items: ITEMS_INCLUDE },
  });
  if (!playlist || playlist.hiddenAt) throw new NotFound("playlist_not_found", "No playlist with that id.");
  const gone = playlist.items.find((item) => !playableAt(item.scenario.scenario, item.scenarioVersion));
  if (gone) {
    throw new Conflict("scenario_unplayable", `Item ${gone.position + 1} (${gone.scenario.scenario.name}) can no longer be played at the version this playlist pins.`);
  }
  const tier = getTier(input.tier)!;
  if (tier.name === "ultimate" && !(await isEntitled(db, input.playerId, now))) {
    throw new Forbidden("tier_not_entitled", "Ranked Ultimate plays are for Ultimate members. Play it on Free, or redeem a code.");
  }
  const play = await db.playlistPlay.create({ data: { playlistId: playlist.id, playerId: input.playerId, tier: tier.name, startedAt: now } });
  return { id: play.id, playlistId: play.playlistId, tier: tier.name, startedAt: play.startedAt.toISOString() };
}

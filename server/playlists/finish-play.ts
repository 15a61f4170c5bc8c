/**
 * A player finishes a playlist play once every item's latest run is verified: the total is the sum
 * of those runs' server-verified scores (never a client's number), stored on the play, and the
 * player's best total on the playlist's boards ("all" and the play's tier) is raised when this one
 * beats it. Finishing again changes nothing and answers the same summary.
 */
import type { PlaySummary } from "../../lib/contracts/playlists";
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import { Conflict } from "../errors";
import { latestRunsOf, ownPlay } from "./play-runs";
import { readPlaySummary } from "./summary";

export async function finishPlay(db: Db, input: { playerId: string; playId: string; now?: Date }): Promise<PlaySummary> {
  const now = input.now ?? new Date();
  await transact(db, async (tx) => {
    const play = await ownPlay(tx, input.playId, input.playerId);
    if (play.finishedAt) return;
    const latest = await latestRunsOf(tx, play.id);
    const missing = play.playlist.items.filter((item) => latest.get(item.position)?.verdict !== "verified");
    if (missing.length > 0) {
      const names = missing.map((item) => `${item.position + 1} (${item.scenario.scenario.name})`).join(", ");
      throw new Conflict("playlist_incomplete", `Not every scenario has a verified run yet: play item ${names} first.`);
    }
    const total = play.playlist.items.reduce((sum, item) => sum + latest.get(item.position)!.score!, 0);
    // Only the first finish sums the play (a concurrent one finds it finished and changes nothing).
    const { count } = await tx.playlistPlay.updateMany({ where: { id: play.id, finishedAt: null }, data: { finishedAt: now, total } });
    if (count === 0) return;
    for (const tier of ["all", play.tier]) {
      const key = { playlistId_tier_playerId: { playlistId: play.playlistId, tier, playerId: play.playerId } };
      const best = await tx.playlistBoardEntry.findUnique({ where: key });
      if (best && best.total >= total) continue;
      const entry = { total, playId: play.id, achievedAt: now };
      await tx.playlistBoardEntry.upsert({ where: key, update: entry, create: { playlistId: play.playlistId, tier, playerId: play.playerId, ...entry } });
    }
  });
  return readPlaySummary(db, input);
}

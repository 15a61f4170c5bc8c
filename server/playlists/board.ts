/**
 * A playlist's board (PlaylistBoardEntry): each player's best total, per tier filter ("all", "free",
 * "ultimate"), best first, an earlier total ahead on a tie. Disqualified players are left off, as on
 * the scenario boards.
 */
import type { PlaylistBoard } from "../../lib/contracts/playlists";
import type { TierFilter } from "../../lib/contracts/boards";
import type { Db } from "../db/client";
import { NotFound } from "../errors";

type Reader = Pick<Db, "playlistBoardEntry">;

const ON_BOARD = { player: { disqualifiedAt: null } } as const;

/** How many players are on the board. */
export function boardSize(db: Reader, playlistId: string, tier: TierFilter): Promise<number> {
  return db.playlistBoardEntry.count({ where: { playlistId, tier, ...ON_BOARD } });
}

/** The player's rank on the board, or null when they are not on it. */
export async function rankOn(db: Reader, playlistId: string, tier: TierFilter, playerId: string): Promise<{ rank: number; total: number; playId: string } | null> {
  const mine = await db.playlistBoardEntry.findFirst({ where: { playlistId, tier, playerId, ...ON_BOARD } });
  if (!mine) return null;
  const ahead = await db.playlistBoardEntry.count({
    where: {
      playlistId,
      tier,
      ...ON_BOARD,
      OR: [
        { total: { gt: mine.total } },
        { total: mine.total, achievedAt: { lt: mine.achievedAt } },
        { total: mine.total, achievedAt: mine.achievedAt, playerId: { lt: playerId } },
      ],
    },
  });
  return { rank: ahead + 1, total: mine.total, playId: mine.playId };
}

export async function readPlaylistBoard(db: Db, input: { playlistId: string; tier: TierFilter; limit: number; viewerId: string | null }): Promise<PlaylistBoard> {
  const playlist = await db.playlist.findUnique({ where: { id: input.playlistId } });
  if (!playlist || (playlist.hiddenAt && playlist.authorId !== input.viewerId)) throw new NotFound("playlist_not_found", "No playlist with that id.");
  const rows = await db.playlistBoardEntry.findMany({
    where: { playlistId: playlist.id, tier: input.tier, ...ON_BOARD },
    orderBy: [{ total: "desc" }, { achievedAt: "asc" }, { playerId: "asc" }],
    take: input.limit,
    include: { player: { select: { handle: true } } },
  });
  const me = input.viewerId ? await rankOn(db, playlist.id, input.tier, input.viewerId) : null;
  return {
    playlist: { id: playlist.id, code: playlist.code, name: playlist.name },
    tier: input.tier,
    size: await boardSize(db, playlist.id, input.tier),
    entries: rows.map((row, i) => ({
      rank: i + 1,
      player: { id: row.playerId, handle: row.player.handle },
      total: row.total,
      achievedAt: row.achievedAt.toISOString(),
      playId: row.playId,
    })),
    me: me && { rank: me.rank, total: me.total },
  };
}

import { playlistBoardQuerySchema } from "@/lib/contracts/playlists";
import { endpoint, methods } from "@/server/api/endpoint";
import { readPlaylistBoard } from "@/server/playlists/board";

/** The playlist's board of best totals: the top `limit` on a tier filter, and the signed-in player's rank. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "optional-player", query: playlistBoardQuerySchema }, async ({ rt, auth, params, query }) => ({
    board: await readPlaylistBoard(rt.db, { playlistId: params.id!, tier: query.tier, limit: query.limit, viewerId: auth?.player.id ?? null }),
  })),
});

import { normalizeShareCode } from "@/lib/contracts/player-scenarios";
import { endpoint, methods } from "@/server/api/endpoint";
import { NotFound } from "@/server/errors";
import { readPlaylist } from "@/server/playlists/read-playlist";

/** A shared playlist by its code (any case): its items in order, each with its pinned version. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "optional-player" }, async ({ rt, auth, params }) => {
    const code = normalizeShareCode(params.code!);
    if (!code) throw new NotFound("playlist_not_found", "No playlist has that code.");
    return { playlist: await readPlaylist(rt.db, { code }, auth?.player.id ?? null) };
  }),
});

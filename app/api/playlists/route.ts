import { NextResponse } from "next/server";
import { createPlaylistBodySchema } from "@/lib/contracts/playlists";
import { endpoint, methods } from "@/server/api/endpoint";
import { createPlaylist } from "@/server/playlists/create-playlist";

/** A named player makes a playlist of 2 to 10 scenario versions (docs/playlists.md). */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "player", body: createPlaylistBodySchema }, async ({ rt, auth, body }) =>
    NextResponse.json({ playlist: await createPlaylist(rt.db, { author: auth.player, ...body }) }, { status: 201 }),
  ),
});

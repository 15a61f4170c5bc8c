import { NextResponse } from "next/server";
import { startPlayBodySchema } from "@/lib/contracts/playlists";
import { endpoint, methods } from "@/server/api/endpoint";
import { startPlay } from "@/server/playlists/start-play";

/** Starts a play of the playlist on a tier; each item's run is then started with `playlist: {playId, position}`. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "player", body: startPlayBodySchema }, async ({ rt, auth, params, body }) =>
    NextResponse.json({ play: await startPlay(rt.db, { playerId: auth.player.id, playlistId: params.id!, tier: body.tier }) }, { status: 201 }),
  ),
});

import { endpoint, methods } from "@/server/api/endpoint";
import { finishPlay } from "@/server/playlists/finish-play";

/** Sums the play once every item has a verified run and puts the total on the playlist's boards (again: no change). */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "player" }, async ({ rt, auth, params }) => ({
    summary: await finishPlay(rt.db, { playerId: auth.player.id, playId: params.playId! }),
  })),
});

import { endpoint, methods } from "@/server/api/endpoint";
import { readPlaySummary } from "@/server/playlists/summary";

/** The player's own play: per item the latest run, score and personal-best change; the total once finished. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "player" }, async ({ rt, auth, params }) => ({
    summary: await readPlaySummary(rt.db, { playerId: auth.player.id, playId: params.playId! }),
  })),
});

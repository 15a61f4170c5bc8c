import { disqualifyPlayerBodySchema } from "@/lib/contracts/admin-players";
import { endpoint, methods } from "@/server/api/endpoint";
import { disqualifyPlayer } from "@/server/players/disqualify-player";

/** Disqualifies a player: off every open board at once (database, rank store, live), unpaid prizes forfeited and offered down. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "admin", body: disqualifyPlayerBodySchema }, async ({ rt, auth, params, body }) => {
    return { ...(await disqualifyPlayer(rt.db, rt, { playerId: params.playerId!, adminId: auth.admin.id, note: body.note })) };
  }),
});

import { reinstatePlayerBodySchema } from "@/lib/contracts/admin-players";
import { endpoint, methods } from "@/server/api/endpoint";
import { reinstatePlayer } from "@/server/players/reinstate-player";

/** Reinstates a disqualified player: back on the open boards from their verified runs; forfeited prizes stay forfeited. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "admin", body: reinstatePlayerBodySchema }, async ({ rt, auth, params, body }) => {
    return { ...(await reinstatePlayer(rt.db, rt, { playerId: params.playerId!, adminId: auth.admin.id, note: body.note })) };
  }),
});

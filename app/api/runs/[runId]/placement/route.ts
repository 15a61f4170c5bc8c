import { endpoint, methods } from "@/server/api/endpoint";
import { runPlacement } from "@/server/runs/placement";

/** Where the player's verified run placed: rank, board size and top % per board, personal-best change. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "player" }, async ({ rt, auth, params }) => ({
    placement: await runPlacement(rt.db, rt.ranks, { runId: params.runId!, playerId: auth.player.id }),
  })),
});

import { endpoint, methods } from "@/server/api/endpoint";
import { runHistory } from "@/server/runs/history";

/** The signed-in player's latest finished runs (verified, flagged, rejected), newest first. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "player" }, async ({ rt, auth }) => ({ runs: await runHistory(rt.db, auth.player.id) })),
});

import { endpoint, methods } from "@/server/api/endpoint";
import { abandonRun } from "@/server/runs/abandon";

/** Gives up a started run: it is closed as abandoned and no longer counts among the open runs. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "player" }, async ({ rt, auth, params }) => {
    await abandonRun(rt.db, { runId: params.runId!, playerId: auth.player.id });
    return new Response(null, { status: 204 });
  }),
});

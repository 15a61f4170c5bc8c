import { endpoint, methods } from "@/server/api/endpoint";
import { unpublishScenario } from "@/server/scenarios/player/unpublish-scenario";

/** The author unpublishes a scenario: no new runs, its runs and boards kept; publishing again restores it. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "player" }, async ({ rt, auth, params }) => ({
    scenario: await unpublishScenario(rt.db, { authorId: auth.player.id, id: params.id! }),
  })),
});

import { endpoint, methods } from "@/server/api/endpoint";
import { saveDraftBodySchema } from "@/lib/contracts/player-scenarios";
import { createPlayerScenario } from "@/server/scenarios/player/create-player-scenario";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "player", body: saveDraftBodySchema }, async ({ rt, auth, body }) => ({
    scenario: await createPlayerScenario(rt.db, { author: auth.player, draft: body.draft }),
  })),
});

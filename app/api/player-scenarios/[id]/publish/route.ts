import { endpoint, methods } from "@/server/api/endpoint";
import { publishPlayerScenario } from "@/server/scenarios/player/publish-player-scenario";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "player" }, async ({ rt, auth, params }) => ({
    scenario: await publishPlayerScenario(rt.db, { authorId: auth.player.id, id: params.id! }),
  })),
});

import { endpoint, methods } from "@/server/api/endpoint";
import { saveDraftBodySchema } from "@/lib/contracts/player-scenarios";
import { saveDraft } from "@/server/scenarios/player/save-draft";
import { readPlayerScenario } from "@/server/scenarios/player/view";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "optional-player" }, async ({ rt, auth, params }) => ({
    scenario: await readPlayerScenario(rt.db, { id: params.id! }, auth?.player.id ?? null),
  })),
  PUT: endpoint({ auth: "player", body: saveDraftBodySchema }, async ({ rt, auth, params, body }) => ({
    scenario: await saveDraft(rt.db, { authorId: auth.player.id, id: params.id!, draft: body.draft }),
  })),
});

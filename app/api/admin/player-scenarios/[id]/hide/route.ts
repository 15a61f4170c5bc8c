import { hideScenarioBodySchema } from "@/lib/contracts/scenario-moderation";
import { endpoint, methods } from "@/server/api/endpoint";
import { hideScenario } from "@/server/scenarios/player/hide-scenario";

/** Hides a player-made scenario (admins): not listed, not playable, its open reports resolved; its boards stay readable. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "admin", body: hideScenarioBodySchema }, async ({ rt, auth, params, body }) => ({
    ...(await hideScenario(rt.db, { adminId: auth.admin.id, id: params.id!, reason: body.reason })),
  })),
});

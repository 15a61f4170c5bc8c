import { moderationNoteBodySchema } from "@/lib/contracts/scenario-moderation";
import { endpoint, methods } from "@/server/api/endpoint";
import { unhideScenario } from "@/server/scenarios/player/unhide-scenario";

/** Lifts a hide (admins): listed again, and playable again unless its author unpublished it. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "admin", body: moderationNoteBodySchema }, async ({ rt, auth, params, body }) => ({
    ...(await unhideScenario(rt.db, { adminId: auth.admin.id, id: params.id!, note: body.note })),
  })),
});

import { awardStatusBodySchema } from "@/lib/contracts/awards";
import { endpoint, methods } from "@/server/api/endpoint";
import { changeAwardStatus } from "@/server/awards/change-award-status";

/** Moves an approved award through fulfilment (contacted, claimed, fulfilled) or forfeits it (the place is offered down). */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "admin", body: awardStatusBodySchema }, async ({ rt, auth, params, body }) => {
    return changeAwardStatus(rt.db, { ...body, awardId: params.awardId!, adminId: auth.admin.id });
  }),
});

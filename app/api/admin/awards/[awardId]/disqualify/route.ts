import { disqualifyAwardBodySchema } from "@/lib/contracts/awards";
import { endpoint, methods } from "@/server/api/endpoint";
import { disqualifyAward } from "@/server/awards/disqualify-award";

/** Disqualifies a winner in review (its run or its player); the place is offered to the next eligible player. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "admin", body: disqualifyAwardBodySchema }, async ({ rt, auth, params, body }) => {
    return disqualifyAward(rt.db, rt, { ...body, awardId: params.awardId!, adminId: auth.admin.id });
  }),
});

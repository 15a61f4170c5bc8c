import { approveAwardBodySchema } from "@/lib/contracts/awards";
import { endpoint, methods } from "@/server/api/endpoint";
import { approveAward } from "@/server/awards/approve-award";

/** Approves a winner in review: the award becomes pending (payable). */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "admin", body: approveAwardBodySchema }, async ({ rt, auth, params, body }) => {
    await approveAward(rt.db, { awardId: params.awardId!, adminId: auth.admin.id, note: body.note });
    return new Response(null, { status: 204 });
  }),
});

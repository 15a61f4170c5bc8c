import { rejectRunBodySchema } from "@/lib/contracts/review";
import { endpoint, methods } from "@/server/api/endpoint";
import { rejectRun } from "@/server/review/reject-run";

/** Rejects a flagged run: it never counts. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "staff", body: rejectRunBodySchema }, async ({ rt, auth, params, body }) => {
    await rejectRun(rt.db, { runId: params.runId!, adminId: auth.admin.id, note: body.note });
    return new Response(null, { status: 204 });
  }),
});

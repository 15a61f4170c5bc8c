import { clearRunBodySchema } from "@/lib/contracts/review";
import { endpoint, methods } from "@/server/api/endpoint";
import { clearRun } from "@/server/review/clear-run";

/** Clears a flagged run: verified, on its boards at the time it was achieved, with ranks and live updates. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "staff", body: clearRunBodySchema }, async ({ rt, auth, params, body }) => {
    return { ...(await clearRun(rt.db, rt, { runId: params.runId!, adminId: auth.admin.id, note: body.note })) };
  }),
});

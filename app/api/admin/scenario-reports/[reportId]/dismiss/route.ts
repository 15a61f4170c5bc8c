import { moderationNoteBodySchema } from "@/lib/contracts/scenario-moderation";
import { endpoint, methods } from "@/server/api/endpoint";
import { dismissReport } from "@/server/scenarios/player/dismiss-report";

/** Dismisses a report (admins): it leaves the queue; the scenario is untouched. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "admin", body: moderationNoteBodySchema }, async ({ rt, auth, params, body }) => ({
    ...(await dismissReport(rt.db, { adminId: auth.admin.id, reportId: params.reportId!, note: body.note })),
  })),
});

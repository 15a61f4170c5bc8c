import { adminOverview } from "@/server/admin/overview";
import { endpoint, methods } from "@/server/api/endpoint";
import { currentChallenge } from "@/server/challenge/challenge";

/** The dashboard's overview figures (staff): runs and players per period and tier, awards by status, the review queue, runs per hour. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "staff" }, async ({ rt }) => ({ overview: await adminOverview(rt.db, await currentChallenge(rt.db)) })),
});

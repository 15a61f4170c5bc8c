import { endpoint, methods } from "@/server/api/endpoint";
import { listReviewQueue } from "@/server/review/list-review";

/** The review queue: flagged runs, oldest first, with their stats, findings and the player's history (staff and admins). */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "staff" }, async ({ rt }) => ({ runs: await listReviewQueue(rt.db) })),
});

import { moderationQueueQuerySchema } from "@/lib/contracts/scenario-moderation";
import { endpoint, methods } from "@/server/api/endpoint";
import { moderationQueue } from "@/server/scenarios/player/moderation-queue";

/** The moderation queue (admins): ?reported=1 scenarios with open reports, ?hidden=1 hidden ones; neither: both. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "admin", query: moderationQueueQuerySchema }, async ({ rt, query }) => {
    const neither = query.reported === undefined && query.hidden === undefined;
    return { scenarios: await moderationQueue(rt.db, { reported: neither || query.reported === "1", hidden: neither || query.hidden === "1" }) };
  }),
});

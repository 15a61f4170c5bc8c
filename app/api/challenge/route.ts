/** GET /api/challenge: the challenge as the home page shows it (server/challenge/showcase.ts), with an ETag. */
import { conditionalJson } from "@/server/api/conditional";
import { endpoint, methods } from "@/server/api/endpoint";
import { challengeShowcase } from "@/server/challenge/showcase";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "none" }, async ({ req, rt }) => {
    const showcase = await challengeShowcase(rt.db);
    return conditionalJson(req, [showcase], async () => showcase);
  }),
});

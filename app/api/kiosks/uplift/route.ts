import { z } from "zod";
import { endpoint, methods } from "@/server/api/endpoint";
import { boothUplift } from "@/server/kiosks/uplift";

export const dynamic = "force-dynamic";

/** Free vs Ultimate among today's booth players on a scenario (aggregates only). */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ query: z.strictObject({ scenario: z.string().min(1).max(64) }) }, async ({ rt, query }) => ({ uplift: await boothUplift(rt.db, query.scenario) })),
});

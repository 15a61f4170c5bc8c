import { awardsQuerySchema } from "@/lib/contracts/awards";
import { endpoint, methods } from "@/server/api/endpoint";
import { listAwards } from "@/server/awards/list-awards";

/** Awards, optionally of one status (`?status=review` is the winners waiting for review), with what reviewing them needs. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "admin", query: awardsQuerySchema }, async ({ rt, query }) => ({ awards: await listAwards(rt.db, query) })),
});

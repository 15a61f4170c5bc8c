import { winnersExportQuerySchema } from "@/lib/contracts/exports";
import { endpoint, methods } from "@/server/api/endpoint";
import { csvResponse, csvStream } from "@/server/exports/csv";
import { WINNERS_HEADER, winnerRows } from "@/server/exports/winners";

export const dynamic = "force-dynamic";

/** Every prize award as CSV (optionally of one status), streamed as it is read. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "admin", query: winnersExportQuerySchema }, async ({ rt, query }) => {
    return csvResponse(`winners${query.status ? `-${query.status}` : ""}.csv`, csvStream(WINNERS_HEADER, winnerRows(rt.db, query)));
  }),
});

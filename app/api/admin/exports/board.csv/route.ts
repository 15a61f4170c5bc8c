import { boardExportQuerySchema } from "@/lib/contracts/exports";
import { endpoint, methods } from "@/server/api/endpoint";
import { currentChallenge } from "@/server/challenge/challenge";
import { boardExport, BOARD_HEADER } from "@/server/exports/board";
import { csvResponse, csvStream } from "@/server/exports/csv";

export const dynamic = "force-dynamic";

/** A board's standings as CSV: a closed period's frozen standings, or the board as it stands, streamed in keyset pages. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "admin", query: boardExportQuerySchema }, async ({ rt, query }) => {
    const exported = await boardExport(rt.db, rt.ranks, await currentChallenge(rt.db), query, new Date());
    return csvResponse(exported.filename, csvStream(BOARD_HEADER, exported.rows));
  }),
});

import { dataExportQuerySchema } from "@/lib/contracts/players";
import { endpoint, methods } from "@/server/api/endpoint";
import { csvResponse, csvStream } from "@/server/exports/csv";
import { playerDataExport, runCsvRows, RUNS_CSV_HEADER } from "@/server/players/export-data";

export const dynamic = "force-dynamic";

/** The signed-in player's data, to download: everything as JSON, or their runs as CSV. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "player", query: dataExportQuerySchema }, async ({ rt, auth, query }) => {
    const filename = `flickboard-${auth.player.handle}`;
    if (query.format === "csv") return csvResponse(`${filename}-runs.csv`, csvStream(RUNS_CSV_HEADER, runCsvRows(rt.db, auth.player.id)));
    return new Response(JSON.stringify(await playerDataExport(rt.db, auth.player), null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]+/g, "-")}.json"`,
        "cache-control": "private, no-store",
      },
    });
  }),
});

import { NextResponse } from "next/server";
import { endpoint, methods } from "@/server/api/endpoint";
import { replayData } from "@/server/runs/replay-data";

export const dynamic = "force-dynamic";

/** What the replay viewer plays, for admins and staff: any finished run (flagged, rejected, a winner under review). */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "staff" }, async ({ rt, params }) => {
    const replay = await replayData(rt.db, params.runId!, { admin: true });
    return NextResponse.json({ replay }, { headers: { "cache-control": "private, no-store" } });
  }),
});

import { NextResponse } from "next/server";
import { endpoint, methods } from "@/server/api/endpoint";
import { replayData } from "@/server/runs/replay-data";

export const dynamic = "force-dynamic";

/** Any finished run's replay, flagged and rejected ones included, for staff and admins reviewing it. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "staff" }, async ({ rt, params }) => {
    const replay = await replayData(rt.db, params.runId!, { admin: true });
    return NextResponse.json({ replay }, { headers: { "cache-control": "private, no-store" } });
  }),
});

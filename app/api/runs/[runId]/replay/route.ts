import { NextResponse } from "next/server";
import { endpoint, methods } from "@/server/api/endpoint";
import { replayData } from "@/server/runs/replay-data";

export const dynamic = "force-dynamic";

/** What the replay viewer plays: a verified run for anyone, any other finished run for its own player. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "optional-player" }, async ({ rt, auth, params }) => {
    const replay = await replayData(rt.db, params.runId!, { playerId: auth?.player.id ?? null });
    // Not cached: a review can change the verdict, and with it who may watch.
    return NextResponse.json({ replay }, { headers: { "cache-control": "private, no-store" } });
  }),
});

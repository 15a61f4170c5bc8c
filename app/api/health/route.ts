import { NextResponse } from "next/server";
import { endpoint, methods } from "@/server/api/endpoint";
import { pingDb } from "@/server/db/client";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the operator. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({}, async ({ rt }) => {
    const db = await pingDb(rt.db);
    if (!db.ok) {
      // The reason names hosts and ports: for the operator's log, not for whoever asks.
      console.error(`health: database unreachable: ${db.reason}`);
      return NextResponse.json({ ok: false, db: "unreachable" }, { status: 503 });
    }
    return { ok: true, db: "ok" };
  }),
});

import { NextResponse } from "next/server";
import { pingDb } from "@/server/db/client";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the operator. */
export async function GET() {
  const db = await pingDb(runtime().db);
  if (!db.ok) return NextResponse.json({ ok: false, db: "unreachable", reason: db.reason }, { status: 503 });
  return NextResponse.json({ ok: true, db: "ok" });
}

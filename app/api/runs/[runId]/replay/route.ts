import { NextResponse } from "next/server";
import { route } from "@/server/api/handler";
import { currentPlayer } from "@/server/players/session";
import { replayData } from "@/server/runs/replay-data";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** What the replay viewer plays: a verified run for anyone, any other finished run for its own player. */
export const GET = route<{ runId: string }>(async (req, { runId }) => {
  const { db } = runtime();
  const viewer = await currentPlayer(db, req);
  const replay = await replayData(db, runId, viewer?.id ?? null);
  // Not cached: a review can change the verdict, and with it who may watch.
  return NextResponse.json({ replay }, { headers: { "cache-control": "private, no-store" } });
});

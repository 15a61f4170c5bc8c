import { NextResponse } from "next/server";
import { clientIp, readJson, route } from "@/server/api/handler";
import { requirePlayer } from "@/server/players/session";
import { finishBodySchema, finishRun, MAX_FINISH_BODY_BYTES } from "@/server/runs/finish";
import { enforceRunRate } from "@/server/runs/limits";
import { runtime } from "@/server/runtime";

/** Finishes a run: the server replays the log and answers with its own result and verdict. */
export const POST = route<{ runId: string }>(async (req, { runId }) => {
  const rt = runtime();
  const player = await requirePlayer(rt.db, req);
  enforceRunRate(rt, "finish", player.id, clientIp(req));
  const body = await readJson(req, finishBodySchema, MAX_FINISH_BODY_BYTES);
  const answer = await finishRun(rt.db, rt, { runId, playerId: player.id, body });
  return NextResponse.json(answer.body, { status: answer.status });
});

/**
 * The finish as an endpoint (POST /api/runs/:runId/finish): the route file
 * app/api/runs/[runId]/finish/route.ts exports it, and server/http.ts answers the same requests with
 * it in front of Next's router (server/api/in-front.ts), since every played run ends with one.
 * The server replays the log and answers with its own result and verdict; a rejected run answers
 * 422 (410 when it expired) with the error and the stored run.
 */
import { finishBodySchema, MAX_FINISH_BODY_BYTES } from "../../lib/contracts/runs";
import { endpoint } from "../api/endpoint";
import { finishRun } from "./finish";
import { finishAnswer } from "./finish-answer";
import { enforceRunRate } from "./limits";

export const finishEndpoint = endpoint(
  { auth: "player", body: finishBodySchema, maxBodyBytes: MAX_FINISH_BODY_BYTES },
  async ({ rt, auth, params, body, ip }) => {
    await enforceRunRate(rt, "finish", auth.player.id, ip);
    const outcome = await finishRun(rt.db, rt, { runId: params.runId!, playerId: auth.player.id, body });
    return finishAnswer(outcome);
  },
);

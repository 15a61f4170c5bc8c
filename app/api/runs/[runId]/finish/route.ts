import { endpoint, methods } from "@/server/api/endpoint";
import { finishBodySchema, MAX_FINISH_BODY_BYTES } from "@/lib/contracts/runs";
import { finishRun } from "@/server/runs/finish";
import { finishAnswer } from "@/server/runs/finish-answer";
import { enforceRunRate } from "@/server/runs/limits";

/**
 * Finishes a run: the server replays the log and answers with its own result and verdict. A
 * rejected run answers 422 (410 when it expired) with the error and the stored run.
 */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint(
    { auth: "player", body: finishBodySchema, maxBodyBytes: MAX_FINISH_BODY_BYTES },
    async ({ rt, auth, params, body, ip }) => {
      await enforceRunRate(rt, "finish", auth.player.id, ip);
      const outcome = await finishRun(rt.db, rt, { runId: params.runId!, playerId: auth.player.id, body });
      return finishAnswer(outcome);
    },
  ),
});

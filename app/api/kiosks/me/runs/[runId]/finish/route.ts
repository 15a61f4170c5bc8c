import { endpoint, methods } from "@/server/api/endpoint";
import { finishBodySchema, MAX_FINISH_BODY_BYTES } from "@/lib/contracts/runs";
import { uploadKioskRun, uploadPolicy } from "@/server/kiosks/upload-run";
import { finishAnswer } from "@/server/runs/finish-answer";

const MINUTE = 60_000;

/**
 * The kiosk uploads a run it played, kept on the device while the network was down: the kiosk's
 * credential is enough (the player may have left). Answers as a finish does.
 */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint(
    { auth: "kiosk", body: finishBodySchema, maxBodyBytes: MAX_FINISH_BODY_BYTES },
    async ({ rt, kiosk, params, body }) => {
      await rt.limiter.enforce(`upload:kiosk:${kiosk.id}`, rt.config.RUN_RATE_PER_IP, MINUTE, "kiosk uploads");
      return finishAnswer(await uploadKioskRun(rt.db, rt, uploadPolicy(rt.config), { kioskId: kiosk.id, runId: params.runId!, body }));
    },
  ),
});

/**
 * The HTTP answer to a finish, shared by the finish route and the kiosk's upload route: 200 with the
 * outcome for verified and flagged runs; a rejected run answers 422 (410 when it expired) with the
 * first rejection as `error` and the stored run. Serialized once, as JsonText: the finish in front of
 * Next's router (server/api/in-front.ts) writes it to the socket as it is.
 */
import type { FinishOutcome } from "../../lib/contracts/runs";
import { JsonText } from "../api/endpoint";

export function finishAnswer(outcome: FinishOutcome): JsonText {
  const { run } = outcome;
  if (run.verdict !== "rejected") return new JsonText(JSON.stringify(outcome), {});
  const first = run.reasons.find((r) => r.severity === "reject")!;
  const body = { error: { code: first.code, message: first.message }, run };
  return new JsonText(JSON.stringify(body), {}, run.reasonCode === "run_expired" ? 410 : 422);
}

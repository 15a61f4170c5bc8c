/**
 * The HTTP answer to a finish, shared by the finish route and the kiosk's upload route: 200 with the
 * outcome for verified and flagged runs; a rejected run answers 422 (410 when it expired) with the
 * first rejection as `error` and the stored run.
 */
import { NextResponse } from "next/server";
import type { FinishOutcome } from "../../lib/contracts/runs";

export function finishAnswer(outcome: FinishOutcome): NextResponse {
  const { run } = outcome;
  if (run.verdict !== "rejected") return NextResponse.json(outcome);
  const first = run.reasons.find((r) => r.severity === "reject")!;
  return NextResponse.json({ error: { code: first.code, message: first.message }, run }, { status: run.reasonCode === "run_expired" ? 410 : 422 });
}

import { NextResponse } from "next/server";
import { reportScenarioBodySchema } from "@/lib/contracts/scenario-moderation";
import { endpoint, methods } from "@/server/api/endpoint";
import { reportScenario } from "@/server/scenarios/player/report-scenario";

/** A named player reports a published scenario to the admins, once (docs/moderation.md). */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "player", body: reportScenarioBodySchema }, async ({ rt, auth, params, body }) =>
    NextResponse.json({ report: await reportScenario(rt.db, { reporter: auth.player, id: params.id!, reason: body.reason }) }, { status: 201 }),
  ),
});

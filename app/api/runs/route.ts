import { NextResponse } from "next/server";
import { startRunBodySchema } from "@/lib/contracts/runs";
import { endpoint, methods } from "@/server/api/endpoint";
import { enforceRunRate } from "@/server/runs/limits";
import { startPolicy, startRun } from "@/server/runs/start";

/** Starts a run: the server chooses the seed and keeps the start time. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "player", body: startRunBodySchema }, async ({ rt, auth, body, ip }) => {
    await enforceRunRate(rt, "start", auth.player.id, ip);
    const run = await startRun(rt.db, startPolicy(rt.config), { playerId: auth.player.id, scenarioId: body.scenario, tier: body.tier, clientIp: ip });
    return NextResponse.json(run, { status: 201 });
  }),
});

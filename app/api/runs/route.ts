import { NextResponse } from "next/server";
import { startRunBodySchema } from "@/lib/contracts/runs";
import { endpoint, methods } from "@/server/api/endpoint";
import { startBoothRun } from "@/server/kiosks/booth-run";
import { enforceRunRate } from "@/server/runs/limits";
import { startPolicy, startRun } from "@/server/runs/start";

/**
 * Starts a run: the server chooses the seed and keeps the start time. With a booth session (the
 * player at a kiosk) it is a kiosk run: the kiosk's scenario, free then Ultimate, no membership.
 */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "player", body: startRunBodySchema }, async ({ rt, auth, body, ip }) => {
    await enforceRunRate(rt, "start", auth.player.id, ip);
    const input = { playerId: auth.player.id, scenarioId: body.scenario, tier: body.tier, clientIp: ip };
    const run = auth.session.kioskId
      ? await startBoothRun(rt.db, startPolicy(rt.config), { ...input, sessionId: auth.session.id })
      : await startRun(rt.db, startPolicy(rt.config), input);
    return NextResponse.json(run, { status: 201 });
  }),
});

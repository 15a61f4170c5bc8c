import { NextResponse } from "next/server";
import { startRunBodySchema } from "@/lib/contracts/runs";
import { endpoint, methods } from "@/server/api/endpoint";
import { Conflict } from "@/server/errors";
import { startBoothRun } from "@/server/kiosks/booth-run";
import { enforceRunRate } from "@/server/runs/limits";
import { startPolicy, startRun } from "@/server/runs/start";

/**
 * Starts a run: the server chooses the seed and keeps the start time. With a booth session (the
 * player at a kiosk) it is a kiosk run: the kiosk's scenario, free then Ultimate, no membership.
 * With `playlist: {playId, position}` the run is that item of the player's playlist play.
 */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "player", body: startRunBodySchema }, async ({ rt, auth, body, ip }) => {
    await enforceRunRate(rt, "start", auth.player.id, ip);
    const input = { playerId: auth.player.id, scenarioId: body.scenario, tier: body.tier, clientIp: ip };
    if (auth.session.kioskId && body.playlist) throw new Conflict("playlist_item_mismatch", "Playlists are not played at a kiosk.");
    const run = auth.session.kioskId
      ? await startBoothRun(rt.db, startPolicy(rt.config), { ...input, sessionId: auth.session.id })
      : await startRun(rt.db, startPolicy(rt.config), { ...input, playlist: body.playlist });
    return NextResponse.json(run, { status: 201 });
  }),
});

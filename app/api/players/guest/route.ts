import { NextResponse } from "next/server";
import { endpoint, methods } from "@/server/api/endpoint";
import { newSession, signedIn } from "@/server/api/signed-in";
import { createGuest } from "@/server/players/players";
const HOUR = 3600_000;

/**
 * A guest player for a visitor's first run. A device that is already signed in (guest or not) keeps
 * its player: the answer is that player, and nothing is made. New guests count against the same
 * per-address sign-up limit as sign-ups, so clearing cookies cannot mint a guest per run.
 */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "optional-player" }, async ({ rt, req, auth, ip, https, presentedToken }) => {
    if (auth) return NextResponse.json({ player: { id: auth.player.id, handle: auth.player.handle } });
    await rt.limiter.enforce(`signup:ip:${ip}`, rt.config.SIGNUP_RATE_PER_IP, HOUR, "sign-ups from this address");
    return signedIn(rt, https, await createGuest(rt.db, { session: newSession(rt, req, ip, presentedToken) }), 201);
  }),
});

import { endpoint, methods } from "@/server/api/endpoint";
import { newSession, signedIn } from "@/server/api/signed-in";
import { signUpBodySchema } from "@/lib/contracts/players";
import { createPlayer } from "@/server/players/players";
const HOUR = 3600_000;

/**
 * Sign-up: a handle in, the player and a session token out (also set as an httpOnly cookie). A
 * session the device already had is replaced (revoked), so a token never outlives a sign-in.
 */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ body: signUpBodySchema }, async ({ rt, req, body, ip, https, presentedToken }) => {
    await rt.limiter.enforce(`signup:ip:${ip}`, rt.config.SIGNUP_RATE_PER_IP, HOUR, "sign-ups from this address");
    const created = await createPlayer(rt.db, { handle: body.handle, session: newSession(rt, req, ip, presentedToken) });
    return signedIn(rt, https, created, 201);
  }),
});

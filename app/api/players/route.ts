import { NextResponse } from "next/server";
import { endpoint, methods, sessionCookieSecure, setSessionCookie } from "@/server/api/endpoint";
import { signUpBodySchema } from "@/lib/contracts/players";
import { createPlayer } from "@/server/players/players";
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * Sign-up: a handle in, the player and a session token out (also set as an httpOnly cookie). A
 * session the device already had is replaced (revoked), so a token never outlives a sign-in.
 */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ body: signUpBodySchema }, async ({ rt, req, body, ip, https, presentedToken }) => {
    await rt.limiter.enforce(`signup:ip:${ip}`, rt.config.SIGNUP_RATE_PER_IP, HOUR, "sign-ups from this address");
    const created = await createPlayer(rt.db, {
      handle: body.handle,
      session: { ttlMs: rt.config.SESSION_TTL_DAYS * DAY, replacing: presentedToken, userAgent: req.headers.get("user-agent"), ip },
    });
    const res = NextResponse.json({ player: created.player, token: created.token }, { status: 201 });
    setSessionCookie(res, created.token, { secure: sessionCookieSecure(rt, https), expiresAt: created.expiresAt });
    return res;
  }),
});

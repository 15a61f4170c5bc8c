import { NextResponse } from "next/server";
import { emailLinkBodySchema } from "@/lib/contracts/accounts";
import { endpoint, methods, sessionCookieSecure, setSessionCookie } from "@/server/api/endpoint";
import { newSession } from "@/server/api/signed-in";
import { redeemEmailLink } from "@/server/auth/redeem-email-link";

/**
 * Follows an e-mailed link (the page /email posts its token here): signs in (a new session, the
 * device's previous one replaced) or verifies the prize-contact address. Each link works once.
 */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ body: emailLinkBodySchema }, async ({ rt, req, body, https, ip, presentedToken }) => {
    await rt.limiter.enforce(`email-link:ip:${ip}`, 30, 3600_000, "link attempts from this address");
    const { outcome, session } = await redeemEmailLink(rt.db, { token: body.token, session: newSession(rt, req, ip, presentedToken) });
    const res = NextResponse.json(outcome);
    if (session) setSessionCookie(res, session.token, { secure: sessionCookieSecure(rt, https), expiresAt: session.expiresAt });
    return res;
  }),
});

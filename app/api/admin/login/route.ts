import { NextResponse } from "next/server";
import { adminLoginBodySchema, type AdminSessionAnswer } from "@/lib/contracts/admin";
import { emailKey } from "@/server/admin/accounts";
import { LOGIN_RATE, logIn } from "@/server/admin/login";
import { ADMIN_COOKIE } from "@/server/admin/sessions";
import { ADMIN_SESSION_COOKIE, endpoint, methods, sessionCookieSecure, setSessionCookie } from "@/server/api/endpoint";

/**
 * Admin sign-in: email, password and (when the account has one) a TOTP code in; the admin session
 * cookie out. The one /api/admin route without a session (docs/admin.md).
 */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ body: adminLoginBodySchema }, async ({ rt, req, body, ip, https }) => {
    await rt.limiter.enforce(`admin-login:ip:${ip}`, rt.config.ADMIN_LOGIN_RATE_PER_IP, LOGIN_RATE.windowMs, "sign-in attempts from this address");
    await rt.limiter.enforce(`admin-login:email:${emailKey(body.email)}`, LOGIN_RATE.perAccount, LOGIN_RATE.windowMs, "sign-in attempts for this account");
    const signedIn = await logIn(
      rt.db,
      { ...body, ip, userAgent: req.headers.get("user-agent"), replacing: req.cookies.get(ADMIN_COOKIE)?.value },
      { sessionHours: rt.config.ADMIN_SESSION_HOURS, requireTotp: rt.config.ADMIN_REQUIRE_TOTP },
    );
    const answer: AdminSessionAnswer = { admin: signedIn.admin, expiresAt: signedIn.expiresAt.toISOString() };
    const res = NextResponse.json(answer);
    setSessionCookie(res, signedIn.token, { secure: sessionCookieSecure(rt, https), expiresAt: signedIn.expiresAt, cookie: ADMIN_SESSION_COOKIE });
    return res;
  }),
});

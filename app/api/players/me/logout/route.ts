import { endpoint, methods, sessionCookieSecure, setSessionCookie } from "@/server/api/endpoint";
import { revokeSession } from "@/server/players/session";

/** Sign-out: ends the session that made the request (cookie or Bearer token) and clears the cookie. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "player" }, async ({ rt, auth, https }) => {
    await revokeSession(rt.db, auth.session.id);
    const res = new Response(null, { status: 204 });
    setSessionCookie(res, null, { secure: sessionCookieSecure(rt, https) });
    return res;
  }),
});

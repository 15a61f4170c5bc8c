import { logOut } from "@/server/admin/log-out";
import { ADMIN_SESSION_COOKIE, endpoint, methods, sessionCookieSecure, setSessionCookie } from "@/server/api/endpoint";

/** Admin sign-out: ends the session that asked and clears its cookie. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "staff" }, async ({ rt, auth, https }) => {
    await logOut(rt.db, auth);
    const res = new Response(null, { status: 204 });
    setSessionCookie(res, null, { secure: sessionCookieSecure(rt, https), cookie: ADMIN_SESSION_COOKIE });
    return res;
  }),
});

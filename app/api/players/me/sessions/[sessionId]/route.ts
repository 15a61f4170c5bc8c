import { endpoint, methods, sessionCookieSecure, setSessionCookie } from "@/server/api/endpoint";
import { revokePlayerSession } from "@/server/players/session";

/** Ends one of the player's sessions; ending the current one also clears this device's cookie. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  DELETE: endpoint({ auth: "player" }, async ({ rt, auth, params, https }) => {
    await revokePlayerSession(rt.db, auth.player.id, params.sessionId!);
    const res = new Response(null, { status: 204 });
    if (params.sessionId === auth.session.id) setSessionCookie(res, null, { secure: sessionCookieSecure(rt, https) });
    return res;
  }),
});

import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { passkeyResponseBodySchema } from "@/lib/contracts/accounts";
import { endpoint, methods } from "@/server/api/endpoint";
import { newSession, signedIn } from "@/server/api/signed-in";
import { relyingParty } from "@/server/auth/passkeys";
import { signInWithPasskey } from "@/server/auth/sign-in-with-passkey";

/** Signs in with a passkey; the device's previous session (a guest's, say) is replaced. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ body: passkeyResponseBodySchema }, async ({ rt, req, body, https, ip, presentedToken }) => {
    const rp = relyingParty(rt.config.PUBLIC_URL, req.headers.get("host"), https);
    const opened = await signInWithPasskey(rt.db, rp, {
      response: body.response as unknown as AuthenticationResponseJSON,
      session: newSession(rt, req, ip, presentedToken),
    });
    return signedIn(rt, https, opened);
  }),
});

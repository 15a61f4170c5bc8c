import { endpoint, methods } from "@/server/api/endpoint";
import { passkeySignInOptions, relyingParty } from "@/server/auth/passkeys";

/** Starts a passkey sign-in: the options for the browser's navigator.credentials.get(). */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({}, async ({ rt, req, https, ip }) => {
    await rt.limiter.enforce(`passkey:ip:${ip}`, 60, 3600_000, "passkey requests from this address");
    const rp = relyingParty(rt.config.PUBLIC_URL, req.headers.get("host"), https);
    return { options: await passkeySignInOptions(rt.db, rp) };
  }),
});

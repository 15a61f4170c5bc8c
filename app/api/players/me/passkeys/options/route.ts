import { endpoint, methods } from "@/server/api/endpoint";
import { passkeyRegistrationOptions, relyingParty } from "@/server/auth/passkeys";

/** Starts adding a passkey: the options for the browser's navigator.credentials.create(). */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "player" }, async ({ rt, req, auth, https, ip }) => {
    await rt.limiter.enforce(`passkey:player:${auth.player.id}`, 20, 3600_000, "passkey requests");
    await rt.limiter.enforce(`passkey:ip:${ip}`, 60, 3600_000, "passkey requests from this address");
    const rp = relyingParty(rt.config.PUBLIC_URL, req.headers.get("host"), https);
    return { options: await passkeyRegistrationOptions(rt.db, rp, auth.player) };
  }),
});

import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { NextResponse } from "next/server";
import { passkeyResponseBodySchema } from "@/lib/contracts/accounts";
import { endpoint, methods } from "@/server/api/endpoint";
import { listPasskeys, relyingParty } from "@/server/auth/passkeys";
import { registerPasskey } from "@/server/auth/register-passkey";

/** The player's passkeys; adding one with the browser's answer to the options of ./options. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "player" }, async ({ rt, auth }) => ({ passkeys: await listPasskeys(rt.db, auth.player.id) })),
  POST: endpoint({ auth: "player", body: passkeyResponseBodySchema }, async ({ rt, req, auth, body, https }) => {
    const rp = relyingParty(rt.config.PUBLIC_URL, req.headers.get("host"), https);
    const passkey = await registerPasskey(rt.db, rp, {
      player: auth.player,
      response: body.response as unknown as RegistrationResponseJSON,
      userAgent: req.headers.get("user-agent"),
    });
    return NextResponse.json({ passkey }, { status: 201 });
  }),
});

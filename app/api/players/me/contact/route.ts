import { NextResponse } from "next/server";
import { contactBodySchema } from "@/lib/contracts/accounts";
import { endpoint, methods } from "@/server/api/endpoint";
import { linkContext, requestContactVerification } from "@/server/auth/email-links";
import { removeContact } from "@/server/players/remove-contact";

/**
 * The prize-contact address: POST sends a verification link to it (with the player's consent to
 * CONTACT_CONSENT_TEXT); the address is the player's contact once the link is followed. DELETE
 * removes the address and the consent.
 */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "player", body: contactBodySchema }, async ({ rt, req, auth, body, https }) => {
    await rt.limiter.enforce(`contact:player:${auth.player.id}`, 5, 3600_000, "verification e-mails");
    await requestContactVerification(rt.db, linkContext(rt.config, req.headers.get("host"), https), { player: auth.player, email: body.email });
    return NextResponse.json({ sent: true }, { status: 202 });
  }),
  DELETE: endpoint({ auth: "player" }, async ({ rt, auth }) => {
    await removeContact(rt.db, auth.player);
    return new Response(null, { status: 204 });
  }),
});

import { NextResponse } from "next/server";
import { emailSignInBodySchema } from "@/lib/contracts/accounts";
import { endpoint, methods } from "@/server/api/endpoint";
import { linkContext, normaliseEmail, requestSignInLink } from "@/server/auth/email-links";

const HOUR = 3600_000;

/**
 * Asks for a sign-in link to a verified prize-contact address. Always 202: the answer never says
 * whether the address belongs to a player.
 */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ body: emailSignInBodySchema }, async ({ rt, req, body, https, ip }) => {
    await rt.limiter.enforce(`email:ip:${ip}`, 10, HOUR, "sign-in e-mails from this address");
    await rt.limiter.enforce(`email:to:${normaliseEmail(body.email)}`, 3, HOUR, "sign-in e-mails to this address");
    await requestSignInLink(rt.db, linkContext(rt.config, req.headers.get("host"), https), { email: body.email });
    return NextResponse.json({ sent: true }, { status: 202 });
  }),
});

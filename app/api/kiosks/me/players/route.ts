import { NextResponse } from "next/server";
import { endpoint, methods } from "@/server/api/endpoint";
import { boothSignUpSchema } from "@/lib/contracts/kiosks";
import { signUpAtBooth } from "@/server/kiosks/booth-session";

const HOUR = 3600_000;

/**
 * Signs a new player up at the booth and opens their booth session: the token is in the body only
 * (the kiosk keeps it in memory). Limited per kiosk, not per address: a booth signs many up.
 */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "kiosk", body: boothSignUpSchema }, async ({ rt, req, kiosk, body, ip }) => {
    await rt.limiter.enforce(`signup:kiosk:${kiosk.id}`, 300, HOUR, "sign-ups at this kiosk");
    const session = await signUpAtBooth(rt.db, kiosk, body, { userAgent: req.headers.get("user-agent"), ip });
    return NextResponse.json(session, { status: 201 });
  }),
});

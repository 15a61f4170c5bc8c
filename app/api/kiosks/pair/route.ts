import { endpoint, methods, sessionCookieSecure } from "@/server/api/endpoint";
import { pairBodySchema } from "@/lib/contracts/kiosks";
import { ownOrigin } from "@/server/security/origin";
import { setKioskCookie } from "@/server/kiosks/credential";
import { kioskConfig } from "@/server/kiosks/kiosk-config";
import { pairKiosk } from "@/server/kiosks/pair-kiosk";

const MINUTE = 60_000;

/**
 * Pairs this device as a kiosk with a one-time code: the kiosk credential comes back as an httpOnly
 * cookie (never in the body), with what the kiosk plays.
 */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ body: pairBodySchema }, async ({ rt, req, body, ip, https }) => {
    await rt.limiter.enforce(`kiosk-pair:ip:${ip}`, rt.config.KIOSK_PAIR_RATE_PER_IP, MINUTE, "pairing attempts");
    const { kioskId, token } = await pairKiosk(rt.db, body.code);
    const kiosk = await rt.db.kiosk.findUniqueOrThrow({ where: { id: kioskId } });
    const publicUrl = ownOrigin(rt.config.PUBLIC_URL, req.headers.get("host"), https) ?? "";
    const res = Response.json({ kiosk: await kioskConfig(rt.db, kiosk, publicUrl) }, { status: 201 });
    setKioskCookie(res, token, sessionCookieSecure(rt, https));
    return res;
  }),
});

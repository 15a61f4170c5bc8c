import { endpoint, methods } from "@/server/api/endpoint";
import { boothReturnSchema } from "@/lib/contracts/kiosks";
import { returnToBooth } from "@/server/kiosks/booth-session";

const MINUTE = 60_000;

/** A returning player finds themselves by handle plus e-mail, and gets a booth session. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "kiosk", body: boothReturnSchema }, async ({ rt, req, kiosk, body, ip }) => {
    await rt.limiter.enforce(`booth-return:${kiosk.id}`, 30, MINUTE, "returning-player look-ups at this kiosk");
    return returnToBooth(rt.db, kiosk, body, { userAgent: req.headers.get("user-agent"), ip });
  }),
});

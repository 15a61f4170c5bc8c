import { endpoint, methods } from "@/server/api/endpoint";
import { staffPinSchema } from "@/lib/contracts/kiosks";
import { checkStaffPin } from "@/server/kiosks/staff-pin";

const MINUTE = 60_000;

/** Staff leave kiosk mode with the kiosk's PIN, checked here (never in the page); 5 tries per 10 minutes. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "kiosk", body: staffPinSchema }, async ({ rt, kiosk, body }) => {
    await rt.limiter.enforce(`kiosk-pin:${kiosk.id}`, 5, 10 * MINUTE, "PIN attempts");
    checkStaffPin(kiosk, body.pin);
    return { ok: true };
  }),
});

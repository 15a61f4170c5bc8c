import { z } from "zod";
import { endpoint, methods } from "@/server/api/endpoint";
import { checkHandle } from "@/server/kiosks/booth-session";

const MINUTE = 60_000;

/** Whether a handle can be signed up, checked as the booth player types it (the site's rules). */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "kiosk", query: z.strictObject({ handle: z.string().max(100) }) }, async ({ rt, kiosk, query }) => {
    await rt.limiter.enforce(`kiosk-handle:${kiosk.id}`, 600, MINUTE, "handle checks");
    return { check: await checkHandle(rt.db, query.handle) };
  }),
});

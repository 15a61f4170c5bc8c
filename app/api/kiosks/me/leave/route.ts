import { endpoint, methods } from "@/server/api/endpoint";
import { leaveBooth } from "@/server/kiosks/booth-session";

/** The booth player left (result screen closed, or idle): every booth session of this kiosk ends. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "kiosk" }, async ({ rt, kiosk }) => {
    await leaveBooth(rt.db, kiosk.id);
    return new Response(null, { status: 204 });
  }),
});

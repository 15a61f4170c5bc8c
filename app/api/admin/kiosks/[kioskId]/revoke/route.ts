import { endpoint, methods } from "@/server/api/endpoint";
import { revokeKiosk } from "@/server/kiosks/revoke-kiosk";

/** Revokes a kiosk (staff): its device and booth sessions are refused from the next request on. Repeating it changes nothing. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "staff" }, async ({ rt, auth, params }) => {
    await revokeKiosk(rt.db, params.kioskId!, { actorType: "admin", actorId: auth.admin.id });
    return new Response(null, { status: 204 });
  }),
});

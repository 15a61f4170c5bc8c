import { endpoint, methods } from "@/server/api/endpoint";
import { revokeMembershipCode } from "@/server/memberships/revoke-code";

/** Revokes a membership code (admins only): refused from now on; memberships it granted stay. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "admin" }, async ({ rt, auth, params }) => {
    await revokeMembershipCode(rt.db, params.codeId!, auth.admin.id);
    return new Response(null, { status: 204 });
  }),
});

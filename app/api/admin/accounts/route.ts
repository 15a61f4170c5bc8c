import { listAdminAccounts } from "@/server/admin/accounts";
import { endpoint, methods } from "@/server/api/endpoint";

/** Who can sign in to the dashboard (admins only): role, second factor, last use. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "admin" }, async ({ rt }) => ({ accounts: await listAdminAccounts(rt.db) })),
});

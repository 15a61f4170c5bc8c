import type { AdminSessionAnswer } from "@/lib/contracts/admin";
import { endpoint, methods } from "@/server/api/endpoint";

/** The signed-in admin and when the session ends. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "staff" }, async ({ auth }) => {
    const answer: AdminSessionAnswer = { admin: auth.admin, expiresAt: auth.session.expiresAt.toISOString() };
    return { ...answer };
  }),
});

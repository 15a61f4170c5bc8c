/**
 * The guard of every /admin page (server components). Both the dashboard layout and each page call
 * `requireAdminPage`: a layout alone is not enough, since Next.js may render a page without
 * re-running its layout (partial rendering on navigation). One lookup serves both in a request.
 * - no live admin session: a redirect to /admin/login;
 * - a session whose role is not enough: the 403 page (`forbidden()`).
 */
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { roleAllows, type AdminRole } from "../../lib/contracts/admin";
import { runtime } from "../runtime";
import { ADMIN_LOGIN_PATH } from "./guard";
import { ADMIN_COOKIE, authenticateAdmin, type AuthenticatedAdmin } from "./sessions";

/** The signed-in admin of this request, or null. */
export const currentAdmin = cache(async (): Promise<AuthenticatedAdmin | null> => {
  const token = (await cookies()).get(ADMIN_COOKIE)?.value;
  return token ? authenticateAdmin(runtime().db, token) : null;
});

export async function requireAdminPage(needed: AdminRole): Promise<AuthenticatedAdmin> {
  const found = await currentAdmin();
  if (!found) redirect(ADMIN_LOGIN_PATH);
  if (!roleAllows(found.admin.role, needed)) forbidden();
  return found;
}

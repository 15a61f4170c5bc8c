/**
 * Who is calling an admin API route (server/api/endpoint.ts, `auth: "admin" | "staff"`): the admin
 * session cookie only, never a player's credentials.
 * - no admin cookie, and no other credentials: 401 `unauthenticated`;
 * - no admin cookie, but a player's Bearer token or `fb_session` cookie: 403 `not_an_admin`;
 * - an admin cookie that is forged, expired or revoked: 401 `unauthenticated`;
 * - a live session whose role is not enough (staff on an admin-only route): 403 `admin_role_required`.
 * The same-origin rule for cookie-signed writes is the endpoint wrapper's, as for players.
 */
import { roleAllows, type AdminRole } from "../../lib/contracts/admin";
import type { Db } from "../db/client";
import { Forbidden, Unauthenticated } from "../errors";
import { SESSION_COOKIE } from "../players/session";
import type { HeaderReader } from "../security/origin";
import { ADMIN_COOKIE, authenticateAdmin, type AuthenticatedAdmin } from "./sessions";

export const ADMIN_LOGIN_PATH = "/admin/login";

export interface CookieReader {
  get(name: string): { value: string } | undefined;
}

export async function authenticateAdminRequest(db: Db, headers: HeaderReader, cookies: CookieReader, needed: AdminRole): Promise<AuthenticatedAdmin> {
  const token = cookies.get(ADMIN_COOKIE)?.value;
  if (!token) {
    if (headers.get("authorization") !== null || cookies.get(SESSION_COOKIE)) {
      throw new Forbidden("not_an_admin", `The admin API takes an admin's session only: sign in at ${ADMIN_LOGIN_PATH}.`);
    }
    throw new Unauthenticated("unauthenticated", `Sign in as an admin first, at ${ADMIN_LOGIN_PATH}.`);
  }
  const found = await authenticateAdmin(db, token);
  if (!found) throw new Unauthenticated("unauthenticated", `Your admin session has ended or is not valid: sign in again at ${ADMIN_LOGIN_PATH}.`);
  if (!roleAllows(found.admin.role, needed)) throw new Forbidden("admin_role_required", "This needs the admin role; staff accounts run kiosks and the review queue.");
  return found;
}

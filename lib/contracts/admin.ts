/** The admin API's accounts and sessions: roles, the sign-in body and the signed-in admin (docs/admin.md). */
import { z } from "zod";

/** `admin` may do everything; `staff` runs kiosks and the review queue. */
export const ADMIN_ROLES = ["admin", "staff"] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

/** Whether an account of `role` may use something that needs `needed` (an admin may do what staff may). */
export function roleAllows(role: string, needed: AdminRole): boolean {
  return role === "admin" || role === needed;
}

/** A six-digit code from an authenticator app. */
export const totpCodeSchema = z.string().regex(/^\d{6}$/, "must be the 6-digit code from your authenticator app");

export const adminLoginBodySchema = z.strictObject({
  email: z.string().min(1).max(320),
  password: z.string().min(1).max(1024),
  totp: totpCodeSchema.optional(),
});
export type AdminLoginBody = z.infer<typeof adminLoginBodySchema>;

/** Who is signed in (handlers see it as `auth.admin`). */
export interface AdminIdentity {
  id: string;
  email: string;
  role: AdminRole;
}

/** POST /api/admin/login and GET /api/admin/me */
export interface AdminSessionAnswer {
  admin: AdminIdentity & { totp: boolean };
  /** When the session ends (ISO), whatever happens until then. */
  expiresAt: string;
}

/** GET /api/admin/accounts (admin only) */
export interface AdminAccountRow extends AdminIdentity {
  totp: boolean;
  createdAt: string;
  /** The latest use of any of the account's sessions (ISO), or null when it never signed in. */
  lastSeenAt: string | null;
}

/** Admin accounts and sign-ins for tests: accounts made straight in the database, as the CLI would. */
import crypto from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { createAdmin } from "../../server/admin/create-admin";
import { enrolTotp } from "../../server/admin/enrol-totp";
import { ADMIN_TOTP } from "../../server/admin/totp";
import type { AdminRole } from "../../lib/contracts/admin";
import { createDb } from "../../server/db/client";

export const ADMIN_PASSWORD = "tangerine-lamp-forty-two";

/** A new account with a unique email (and ADMIN_PASSWORD unless given). */
export async function addAdmin(databaseUrl: string, options: { role?: AdminRole; email?: string; password?: string } = {}) {
  const email = options.email ?? `admin-${crypto.randomBytes(4).toString("hex")}@flick.test`;
  const password = options.password ?? ADMIN_PASSWORD;
  const db = createDb(databaseUrl);
  try {
    const { admin } = await createAdmin(db, { email, password, role: options.role ?? "admin", reset: false, actor: { actorType: "admin", actorId: "test" } });
    return { ...admin, password };
  } finally {
    await db.$disconnect();
  }
}

/** Enrols a second factor for the account, as `npm run admin:totp` would; returns what its app shows now. */
export async function addTotp(databaseUrl: string, email: string): Promise<() => string> {
  const db = createDb(databaseUrl);
  try {
    const { secret } = await enrolTotp(db, { email, replace: false, actor: { actorType: "admin", actorId: "test" } });
    return () => TOTP.generate({ secret: Secret.fromBase32(secret), ...ADMIN_TOTP });
  } finally {
    await db.$disconnect();
  }
}

export interface LoginResult {
  status: number;
  body: any;
  headers: Headers;
  /** The fb_admin token the answer set, if any. */
  token: string | null;
}

/** POST /api/admin/login as an API client would (no Origin), with optional extra headers. */
export async function adminLogin(baseUrl: string, body: { email: string; password: string; totp?: string }, headers: Record<string, string> = {}): Promise<LoginResult> {
  const res = await fetch(`${baseUrl}/api/admin/login`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  const token = /fb_admin=(fba_[^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1] ?? null;
  return { status: res.status, body: await res.json(), headers: res.headers, token };
}

/** A signed-in admin's cookie token; throws when the sign-in fails. */
export async function adminSession(baseUrl: string, account: { email: string; password: string }): Promise<string> {
  const res = await adminLogin(baseUrl, { email: account.email, password: account.password });
  if (res.status !== 200 || !res.token) throw new Error(`admin sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.token;
}

/** Headers of a request from the app's own pages with the admin cookie. */
export const adminCookie = (token: string, baseUrl: string) => ({ cookie: `fb_admin=${token}`, origin: baseUrl, "sec-fetch-site": "same-origin" });

export type AdminCall = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;

/** Calls the admin API as the dashboard's pages do (the admin cookie, same-origin): a JSON body in, the status and JSON body out. */
export function adminApi(baseUrl: string, token: string): AdminCall {
  const headers = adminCookie(token, baseUrl);
  return async (method, path, body) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
}

/** A new account of `role`, signed in: its adminApi. */
export async function signedInCaller(baseUrl: string, databaseUrl: string, role: AdminRole = "admin"): Promise<AdminCall> {
  return adminApi(baseUrl, await adminSession(baseUrl, await addAdmin(databaseUrl, { role })));
}

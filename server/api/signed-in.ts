/**
 * The answer of every route that opens a session (sign-up, guest, passkey or e-mail sign-in): the
 * player and the token in the body (for API clients), and the token in the httpOnly session cookie.
 */
import { NextResponse } from "next/server";
import type { Runtime } from "../runtime";
import { sessionCookieSecure, setSessionCookie } from "./endpoint";

export function signedIn(
  rt: Runtime,
  https: boolean,
  opened: { player: { id: string; handle: string }; token: string; expiresAt: Date },
  status = 200,
): NextResponse {
  const res = NextResponse.json({ player: opened.player, token: opened.token }, { status });
  setSessionCookie(res, opened.token, { secure: sessionCookieSecure(rt, https), expiresAt: opened.expiresAt });
  return res;
}

/** A new session's options for a request: TTL from the config, the device's old token to replace. */
export function newSession(rt: Runtime, req: { headers: { get(name: string): string | null } }, ip: string, presentedToken: string | null) {
  return { ttlMs: rt.config.SESSION_TTL_DAYS * 24 * 3600_000, replacing: presentedToken, userAgent: req.headers.get("user-agent"), ip };
}

/** Who is calling: a Bearer token or the httpOnly session cookie. */
import type { NextRequest } from "next/server";
import { ApiError } from "../api/errors";
import type { Db } from "../db/client";
import { playerForToken, SESSION_COOKIE } from "./players";

export function sessionToken(req: NextRequest): string | null {
  const auth = req.headers.get("authorization");
  if (auth?.startsWith("Bearer ")) return auth.slice("Bearer ".length).trim();
  return req.cookies.get(SESSION_COOKIE)?.value ?? null;
}

/** The calling player, or null when the request carries no valid token. */
export async function currentPlayer(db: Db, req: NextRequest) {
  const token = sessionToken(req);
  return token ? playerForToken(db, token) : null;
}

export async function requirePlayer(db: Db, req: NextRequest) {
  const player = await currentPlayer(db, req);
  if (!player) throw new ApiError(401, "unauthenticated", "Sign in first: create a player with POST /api/players.");
  return player;
}

/** Cookie attributes: httpOnly, same-site, a year long, Secure when the request came over HTTPS. */
export function sessionCookie(req: NextRequest, token: string) {
  const secure = req.nextUrl.protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
  return {
    name: SESSION_COOKIE,
    value: token,
    httpOnly: true,
    sameSite: "lax" as const,
    secure,
    path: "/",
    maxAge: 365 * 24 * 3600,
  };
}

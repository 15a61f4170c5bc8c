/**
 * Who a page request (server components) comes from, read from the session cookie without renewing
 * it: the site header shows "Account" or "Sign in" by it; a profile shows its owner their unlisted
 * scenarios. One lookup per request.
 */
import { cookies } from "next/headers";
import { cache } from "react";
import { runtime } from "../runtime";
import { liveSession, SESSION_COOKIE } from "./session";

/** The signed-in player's id, or null. */
export const pagePlayerId = cache(async (): Promise<string | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token ? ((await liveSession(runtime().db, token))?.playerId ?? null) : null;
});

export const pageSignedIn = cache(async (): Promise<boolean> => (await pagePlayerId()) !== null);

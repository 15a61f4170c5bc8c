/**
 * Whether a page request (server components) comes from a signed-in player, read from the session
 * cookie without renewing it: the site header shows "Account" or "Sign in" by it. One lookup per request.
 */
import { cookies } from "next/headers";
import { cache } from "react";
import { runtime } from "../runtime";
import { liveSession, SESSION_COOKIE } from "./session";

export const pageSignedIn = cache(async (): Promise<boolean> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return Boolean(token && (await liveSession(runtime().db, token)));
});

/**
 * Who a page request (server components) comes from, read from the session cookie without renewing
 * it: the site header shows "Account" or "Sign in" by it; a profile shows its owner their unlisted
 * scenarios; the scenario editor opens for its author. One lookup per request.
 */
import { cookies } from "next/headers";
import { cache } from "react";
import { runtime } from "../runtime";
import { liveSession, SESSION_COOKIE } from "./session";

/** The signed-in player of this request (their id, handle and whether a guest), or null. */
export const pagePlayer = cache(async (): Promise<{ id: string; handle: string; guest: boolean } | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const session = token ? await liveSession(runtime().db, token) : null;
  return session && { id: session.player.id, handle: session.player.handle, guest: session.player.guest };
});

export const pageSignedIn = async (): Promise<boolean> => (await pagePlayer()) !== null;

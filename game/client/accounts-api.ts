/**
 * The browser's side of the accounts API (docs/accounts.md) for the sign-in, e-mailed-link and account
 * pages: passkeys (through @simplewebauthn/browser), e-mailed links, the prize contact, the handle and
 * settings, sessions and the run history. Failures are thrown as ApiFailure by api.ts's `json`.
 */
import { startAuthentication, startRegistration } from "@simplewebauthn/browser";
import type { EmailLinkOutcome, PasskeyInfo, SessionInfo } from "../../lib/contracts/accounts";
import type { AccountDeleted, Me, ProfilePatch } from "../../lib/contracts/players";
import type { RunHistoryItem } from "../../lib/contracts/runs";
import { json } from "./api";

/** A same-origin JSON request (the session cookie goes with it). */
function send(method: "POST" | "PATCH" | "DELETE", path: string, body?: unknown): Promise<Response> {
  return fetch(path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Signs in with a passkey this device holds (discoverable: no handle typed); the cookie is set by the answer. */
export async function signInWithPasskey(): Promise<{ id: string; handle: string }> {
  const { options } = await json<{ options: Parameters<typeof startAuthentication>[0]["optionsJSON"] }>(await send("POST", "/api/auth/passkey/options", {}));
  const response = await startAuthentication({ optionsJSON: options });
  return (await json<{ player: { id: string; handle: string } }>(await send("POST", "/api/auth/passkey", { response }))).player;
}

/** Asks for a sign-in link; the server answers 202 whether or not the address is a verified contact. */
export async function requestSignInLink(email: string): Promise<void> {
  await json(await send("POST", "/api/auth/email", { email }));
}

/** Follows an e-mailed link's token: a sign-in (the cookie is set) or the prize contact verified. */
export async function redeemEmailLink(token: string): Promise<EmailLinkOutcome> {
  return json<EmailLinkOutcome>(await send("POST", "/api/auth/email/redeem", { token }));
}

/** Claims a handle (a guest becomes a named player) or stores settings; answers the player after it. */
export async function updateProfile(patch: ProfilePatch): Promise<Omit<Me, "membership">> {
  return (await json<{ player: Omit<Me, "membership"> }>(await send("PATCH", "/api/players/me", patch))).player;
}

export async function listPasskeys(): Promise<PasskeyInfo[]> {
  return (await json<{ passkeys: PasskeyInfo[] }>(await fetch("/api/players/me/passkeys"))).passkeys;
}

/** Makes a passkey on this device (the browser asks the player) and adds it to the signed-in player. */
export async function addPasskey(): Promise<PasskeyInfo> {
  const { options } = await json<{ options: Parameters<typeof startRegistration>[0]["optionsJSON"] }>(await send("POST", "/api/players/me/passkeys/options", {}));
  const response = await startRegistration({ optionsJSON: options });
  return (await json<{ passkey: PasskeyInfo }>(await send("POST", "/api/players/me/passkeys", { response }))).passkey;
}

export async function removePasskey(id: string): Promise<void> {
  await json(await send("DELETE", `/api/players/me/passkeys/${encodeURIComponent(id)}`));
}

/** Sends a verification link to `email`; it becomes the prize contact when the link is followed. */
export async function requestContactVerification(email: string): Promise<void> {
  await json(await send("POST", "/api/players/me/contact", { email, consent: true }));
}

export async function removeContact(): Promise<void> {
  await json(await send("DELETE", "/api/players/me/contact"));
}

export async function listSessions(): Promise<SessionInfo[]> {
  return (await json<{ sessions: SessionInfo[] }>(await fetch("/api/players/me/sessions"))).sessions;
}

/** Ends one of the player's sessions (ending the current one also clears this browser's cookie). */
export async function revokeSession(id: string): Promise<void> {
  await json(await send("DELETE", `/api/players/me/sessions/${encodeURIComponent(id)}`));
}

/** Deletes the account, confirmed by typing the handle (docs/accounts.md, "Your data"); this browser's cookie is cleared. */
export async function deleteAccount(confirmHandle: string): Promise<AccountDeleted> {
  return (await json<{ deleted: AccountDeleted }>(await send("DELETE", "/api/players/me", { confirmHandle }))).deleted;
}

/** The player's latest finished runs, newest first. */
export async function runHistory(): Promise<RunHistoryItem[]> {
  return (await json<{ runs: RunHistoryItem[] }>(await fetch("/api/players/me/runs"))).runs;
}

/**
 * Where to go after signing in: `next` when it is a path on this site ("/play/gridshot"), else
 * /account. Refuses other origins, protocol-relative "//host" and backslash tricks ("/\host").
 */
export function afterSignInPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || /[\\\u0000-\u001f]/.test(next)) return "/account";
  return next;
}

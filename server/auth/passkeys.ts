/**
 * Passkeys (WebAuthn, through @simplewebauthn/server): a named player registers one while signed in;
 * any device holding it (the same browser, a synced passkey, a security key) then signs in as them.
 *
 * - The relying party is the app's host: PUBLIC_URL's, else the request's (rpID = its hostname,
 *   origin = its origin). Browsers refuse an IP address as rpID: use a host name such as localhost.
 * - Every ceremony starts with a challenge the server stores (AuthChallenge) and takes back once,
 *   within CHALLENGE_TTL_MS; a challenge answered twice, late, or for another purpose is refused.
 * - Passkeys are discoverable (resident keys), so signing in needs no handle: the browser offers
 *   the passkeys it holds for this site and the answer names the credential.
 * This module holds the relying party, the challenges, the options and the list; the use cases are
 * register-passkey.ts, sign-in-with-passkey.ts and remove-passkey.ts.
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type AuthenticatorTransport,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import type { PasskeyInfo } from "../../lib/contracts/accounts";
import type { Db } from "../db/client";
import { Forbidden, InvalidInput } from "../errors";
import type { PlayerRow } from "../players/session";
import { ownOrigin } from "../security/origin";

export const CHALLENGE_TTL_MS = 5 * 60_000;
const RP_NAME = "Flickboard";

export interface RelyingParty {
  id: string;
  origin: string;
}

/** The relying party for a request: PUBLIC_URL's host, or the one the request came to. */
export function relyingParty(publicUrl: string | undefined, host: string | null, https: boolean): RelyingParty {
  const origin = ownOrigin(publicUrl, host, https);
  if (!origin) throw new InvalidInput("passkey_rejected", "Passkeys need the request's Host header.");
  return { id: new URL(origin).hostname, origin };
}

type Purpose = "register" | "sign_in";

async function storeChallenge(db: Db, challenge: string, purpose: Purpose, playerId: string | null, now: Date) {
  await db.authChallenge.create({ data: { challenge, purpose, playerId, createdAt: now, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS) } });
}

/** The challenge a browser's answer carries (in its client data). */
function challengeOf(clientDataJSON: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8")) as { challenge?: unknown };
    if (typeof parsed.challenge === "string") return parsed.challenge;
  } catch {
    // answered below
  }
  throw new InvalidInput("passkey_rejected", "The passkey's answer is malformed.");
}

/** Takes a stored challenge back, once: it must be live, unused and for this purpose (and player). */
export async function takeChallenge(db: Db, clientDataJSON: string, purpose: Purpose, playerId: string | null, now: Date): Promise<string> {
  const challenge = challengeOf(clientDataJSON);
  const taken = await db.authChallenge.updateMany({
    where: { challenge, purpose, playerId, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (taken.count === 0) throw new InvalidInput("passkey_rejected", "That passkey request expired or was already answered. Try again.");
  return challenge;
}

export function rejected(err: unknown): never {
  throw new InvalidInput("passkey_rejected", `The passkey was not accepted: ${(err as Error).message ?? "verification failed"}.`);
}

export async function passkeyRegistrationOptions(db: Db, rp: RelyingParty, player: PlayerRow, now = new Date()): Promise<PublicKeyCredentialCreationOptionsJSON> {
  if (player.guest) throw new Forbidden("handle_required", "Choose a handle first: a passkey signs you in as a named player.");
  const existing = await db.passkey.findMany({ where: { playerId: player.id }, select: { credentialId: true, transports: true } });
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: rp.id,
    userName: player.handle,
    userID: new TextEncoder().encode(player.id),
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: transportsOf(p.transports) })),
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
  });
  await storeChallenge(db, options.challenge, "register", player.id, now);
  return options;
}

export function transportsOf(json: string | null): AuthenticatorTransport[] | undefined {
  return json ? (JSON.parse(json) as AuthenticatorTransport[]) : undefined;
}

export async function passkeySignInOptions(db: Db, rp: RelyingParty, now = new Date()): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const options = await generateAuthenticationOptions({ rpID: rp.id, userVerification: "preferred" });
  await storeChallenge(db, options.challenge, "sign_in", null, now);
  return options;
}

export function passkeyInfo(p: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null; deviceType: string }): PasskeyInfo {
  return { id: p.id, name: p.name, createdAt: p.createdAt.toISOString(), lastUsedAt: p.lastUsedAt?.toISOString() ?? null, synced: p.deviceType === "multiDevice" };
}

export async function listPasskeys(db: Db, playerId: string): Promise<PasskeyInfo[]> {
  const rows = await db.passkey.findMany({ where: { playerId }, orderBy: { createdAt: "asc" } });
  return rows.map(passkeyInfo);
}


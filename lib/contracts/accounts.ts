/**
 * Accounts that last (docs/accounts.md): passkeys, e-mailed links, the prize-contact address with its
 * consent, and the player's sessions.
 */
import { z } from "zod";

/**
 * What a player agrees to when giving a prize-contact address; stored with the address, word for
 * word, with the time it was given. Change the wording only with a new version of the text.
 */
export const CONTACT_CONSENT_TEXT =
  "I agree that Flickboard may e-mail me at this address about prizes I win and to send me sign-in links I ask for. " +
  "My address is not shown to other players and is not shared. I can remove it at any time.";

const email = z.email("must be an e-mail address").max(200);

export const contactBodySchema = z.strictObject({
  email,
  /** The player ticked the consent box showing CONTACT_CONSENT_TEXT. */
  consent: z.literal(true, "consent to CONTACT_CONSENT_TEXT is required"),
});

export const emailSignInBodySchema = z.strictObject({ email });

export const emailLinkBodySchema = z.strictObject({ token: z.string().min(1).max(200) });

/** What following an e-mailed link did. */
export type EmailLinkOutcome =
  | { purpose: "sign_in"; player: { id: string; handle: string } }
  | { purpose: "verify_contact"; email: string };

/** A WebAuthn response as @simplewebauthn/browser produces it; the server's library checks the rest. */
const credentialJson = z.looseObject({
  id: z.string().min(1).max(1400),
  rawId: z.string().min(1).max(1400),
  type: z.literal("public-key"),
  response: z.looseObject({ clientDataJSON: z.string().min(1).max(4096) }),
  clientExtensionResults: z.looseObject({}).default({}),
});

export const passkeyResponseBodySchema = z.strictObject({ response: credentialJson });

export interface PasskeyInfo {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  /** Synced between the player's devices (a multi-device passkey). */
  synced: boolean;
}

export interface SessionInfo {
  id: string;
  device: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** The session that asked. */
  current: boolean;
}

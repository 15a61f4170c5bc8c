/** The players API: sign-up, the signed-in player, settings and membership (docs/api.md). */
import { z } from "zod";
import { settingsSchema } from "./settings";

export const signUpBodySchema = z.strictObject({ handle: z.string().max(100) });

export const playerSettingsSchema = z.strictObject(settingsSchema.shape).partial();

/**
 * A handle (for a guest: the claim that makes them a named player) and settings. The prize-contact
 * address is not set here: it is verified by a link (POST /api/players/me/contact).
 */
export const profilePatchSchema = z.strictObject({
  handle: z.string().max(100).optional(),
  settings: playerSettingsSchema.optional(),
});
export type ProfilePatch = z.infer<typeof profilePatchSchema>;

export const redeemBodySchema = z.union([
  z.strictObject({ code: z.string().min(1).max(40) }),
  z.strictObject({ token: z.string().min(1).max(8192) }),
]);

export const MEMBERSHIP_SOURCES = ["admin", "code", "token"] as const;
export type MembershipSource = (typeof MEMBERSHIP_SOURCES)[number];

export interface MembershipStatus {
  tier: "free" | "ultimate";
  /** Where the live membership came from, and when Ultimate ends (null: no end) - for ultimate only. */
  source: MembershipSource | null;
  expiresAt: string | null;
}

export interface PublicPlayer {
  id: string;
  handle: string;
}

/** The verified prize-contact address and the consent given for it. */
export interface PrizeContact {
  email: string;
  verifiedAt: string;
  consentAt: string;
  consentText: string;
}

export interface PlayerProfile extends PublicPlayer {
  /** A guest has a generated handle ("guest-7k3m9x") until they choose one. */
  guest: boolean;
  settings: Partial<z.infer<typeof settingsSchema>>;
  /** The prize-contact address on file (a kiosk booth stores one with consent, unverified), or null. */
  contactEmail: string | null;
  contact: PrizeContact | null;
  createdAt: string;
}

/** GET /api/players/me */
export interface Me extends PlayerProfile {
  membership: MembershipStatus;
}

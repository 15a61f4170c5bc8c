/** The players API: sign-up, the signed-in player, settings and membership (docs/api.md). */
import { z } from "zod";
import { settingsSchema } from "./settings";

export const signUpBodySchema = z.strictObject({ handle: z.string().max(100) });

export const playerSettingsSchema = z.strictObject(settingsSchema.shape).partial();

export const profilePatchSchema = z.strictObject({
  handle: z.string().optional(),
  settings: playerSettingsSchema.optional(),
  contactEmail: z.email("must be an email address").max(200).nullable().optional(),
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

export interface PlayerProfile extends PublicPlayer {
  settings: Partial<z.infer<typeof settingsSchema>>;
  contactEmail: string | null;
  createdAt: string;
}

/** GET /api/players/me */
export interface Me extends PlayerProfile {
  membership: MembershipStatus;
}

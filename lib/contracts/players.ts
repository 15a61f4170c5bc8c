/** The players API: sign-up, the signed-in player, settings and membership (docs/api.md). */
import { z } from "zod";
import { SETTING_RULES, settingIssue, type Settings } from "./settings";

export const signUpBodySchema = z.strictObject({ handle: z.string().max(100) });

/** One setting, checked by its rule (lib/contracts/settings.ts): the server refuses it in the words the settings panel shows. */
function settingSchema<K extends keyof Settings>(key: K) {
  return z.custom<Settings[K]>().superRefine((value, ctx) => {
    const issue = settingIssue(key, value);
    if (issue) ctx.addIssue({ code: "custom", message: issue });
  });
}

/** Some of a player's settings, each valid; no other fields. */
export const playerSettingsSchema = z
  .strictObject(
    Object.fromEntries(Object.keys(SETTING_RULES).map((key) => [key, settingSchema(key as keyof Settings)])) as {
      [K in keyof Settings]: ReturnType<typeof settingSchema<K>>;
    },
  )
  .partial();

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
  settings: Partial<Settings>;
  /** The prize-contact address on file (a kiosk booth stores one with consent, unverified), or null. */
  contactEmail: string | null;
  contact: PrizeContact | null;
  createdAt: string;
}

/** GET /api/players/me */
export interface Me extends PlayerProfile {
  membership: MembershipStatus;
}

/** DELETE /api/players/me: the player types their handle to confirm. */
export const deleteAccountBodySchema = z.strictObject({ confirmHandle: z.string().max(100) });

/** The answer to an account deletion. */
export interface AccountDeleted {
  /** Open boards the player's entries left. */
  boards: number;
  /** Closed periods whose frozen standings now show the placeholder name. */
  closedStandings: number;
  /** Unpaid prizes forfeited (each place offered down). */
  forfeited: number;
}

/** GET /api/players/me/export?format=json|csv */
export const dataExportQuerySchema = z.strictObject({ format: z.enum(["json", "csv"]).default("json") });

/** One run in a player's data export. */
export interface ExportedRun {
  id: string;
  scenarioId: string;
  scenarioVersion: string;
  tier: string;
  startedAt: string;
  finishedAt: string | null;
  /** verified | flagged | rejected | abandoned; null while in progress. */
  verdict: string | null;
  reasonCode: string | null;
  score: number | null;
  claimedScore: number | null;
  fps: number | null;
  kioskId: string | null;
  /** The stats the server computed by replaying the run. */
  result: unknown;
  /** Refresh rate, frame times, sensitivity, FOV, raw input, browser, as the run reported them. */
  environment: unknown;
}

/** Everything the site keeps about a player, as they download it (JSON). */
export interface PlayerDataExport {
  exportedAt: string;
  player: PlayerProfile & { disqualifiedAt: string | null };
  memberships: { tier: string; source: string; startsAt: string; expiresAt: string | null; revokedAt: string | null }[];
  sessions: { createdAt: string; lastSeenAt: string; expiresAt: string; revokedAt: string | null; userAgent: string | null; ip: string | null }[];
  passkeys: { name: string; createdAt: string; lastUsedAt: string | null }[];
  prizes: { place: number; prize: string; status: string; score: number; runId: string; periodKind: string; periodKey: string; scenarioId: string }[];
  runs: ExportedRun[];
}

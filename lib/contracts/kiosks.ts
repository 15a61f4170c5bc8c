/**
 * The kiosk API (docs/kiosk.md): pairing a booth machine, what the kiosk needs to run its booth,
 * signing booth players in, and the free-vs-Ultimate uplift of the day's booth players.
 */
import { z } from "zod";
import type { BoardRank, FinishedRunReport } from "./runs";
import type { PublicPlayer } from "./players";
import type { Settings } from "./settings";

/** The kiosk tells the server it is online this often; a late upload is excused only for a silent kiosk. */
export const KIOSK_HEARTBEAT_MS = 2000;

export const pairBodySchema = z.strictObject({ code: z.string().min(1).max(40) });

export const boothSignUpSchema = z.strictObject({
  handle: z.string().max(100),
  /** For prize contact only; stored only with `consent: true`. */
  email: z.email("must be an e-mail address").max(200).optional(),
  consent: z.boolean().default(false),
});
export type BoothSignUp = z.infer<typeof boothSignUpSchema>;

export const boothReturnSchema = z.strictObject({
  handle: z.string().max(100),
  email: z.email("must be an e-mail address").max(200),
});
export type BoothReturn = z.infer<typeof boothReturnSchema>;

export const staffPinSchema = z.strictObject({ pin: z.string().min(1).max(32) });

/** What a paired kiosk is set to play, and what its screens show. */
export interface KioskConfig {
  id: string;
  name: string;
  challenge: { id: string; name: string };
  /** The one scenario the booth plays (a booth variant when the kiosk has its own run length). */
  scenario: { id: string; name: string; durationMs: number };
  /** The settings every booth player plays with. */
  settings: Settings;
  idleSeconds: number;
  /** The day's prizes of the challenge (empty on a day without daily prizes). */
  dayPrizes: { place: number; prize: string }[];
  /** The address the QR code on the result screen links to: `${publicUrl}/players/<handle>`. */
  publicUrl: string;
}

/** A booth player signed in at the kiosk: the booth session's token lives in the kiosk page's memory only. */
export interface BoothSession {
  player: PublicPlayer;
  token: string;
  expiresAt: string;
}

export interface HandleCheck {
  handle: string;
  available: boolean;
  /** Why not, in the site's words (invalid, not allowed, taken). */
  message: string | null;
}

/** A kiosk upload answers like a finish: the run (and its ranks), or a rejection with `error`. */
export interface KioskUploadAnswer {
  run: FinishedRunReport;
  ranks?: BoardRank[];
}

/** Free vs Ultimate among the booth players of one day: pairs where both runs were verified. */
export interface BoothUplift {
  scenario: string;
  day: string;
  /** Complete verified pairs with a free score above 0. */
  pairs: number;
  /** Median of ultimate / free over those pairs; null without pairs. */
  medianRatio: number | null;
  meanFree: number | null;
  meanUltimate: number | null;
}

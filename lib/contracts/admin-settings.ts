/**
 * The challenge's settings as the dashboard reads and replaces them (GET/PUT /api/admin/settings,
 * admin only; docs/admin.md "Challenge settings"). The body's shape is checked here; what the values
 * mean (a real time zone, schedules that parse, a prize table the closes can use, scenarios that
 * exist, no period that has already ended moved) is checked by the server, answering
 * `400 invalid_settings` with the field and the reason.
 */
import { z } from "zod";

export const challengeSettingsSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** IANA time zone, e.g. "America/Chicago". */
  timeZone: z.string().min(1).max(64),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  /** Cron expressions in `timeZone` (croner syntax: 5 or 6 fields). */
  weeklyCloseCron: z.string().min(1).max(100),
  dailyCloseCron: z.string().min(1).max(100),
  featuredScenarioId: z.string().min(1).max(64),
  /** Local dates ("YYYY-MM-DD") with daily prize boards. */
  eventDays: z.array(z.string().max(20)).max(400),
  /** The prize table (docs/closes.md), checked by the closes' own parser. */
  prizeTable: z.unknown(),
});
export type ChallengeSettingsBody = z.infer<typeof challengeSettingsSchema>;

/** The settings as stored, and what they make: the next close instants of each schedule. */
export type ChallengeSettingsAnswer = {
  settings: ChallengeSettingsBody & { id: string; updatedAt: string };
  /** The next three instants (ISO) of the weekly and the daily close, and the challenge's own close. */
  upcoming: { weekly: string[]; daily: string[]; challengeEnd: string | null };
};

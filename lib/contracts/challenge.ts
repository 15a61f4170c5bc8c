/**
 * What the home page shows of the challenge (server/challenge/showcase.ts builds it; GET
 * /api/challenge answers it): its name, dates and time zone, its featured scenario, the prizes of
 * each period kind that has prize boards, the next close of each, and the latest winners.
 * Instants are ISO 8601 strings.
 */

/** The period kinds whose boards close and pay prizes. */
export type ClosingKind = "day" | "week" | "challenge";

/** A place that holds a prize now: not disqualified or forfeited (a place offered down shows who holds it now). */
export interface ShownWinner {
  place: number;
  handle: string;
  score: number;
  /** The close wrote it and no admin has approved it yet (docs/awards.md). */
  underReview: boolean;
}

export interface ChallengeShowcase {
  id: string;
  name: string;
  /** IANA zone the days, weeks and closes are counted in. */
  timeZone: string;
  startsAt: string;
  endsAt: string;
  /** upcoming: before startsAt; running: in [startsAt, endsAt); ended: from endsAt on. */
  state: "upcoming" | "running" | "ended";
  featured: { id: string; name: string };
  /** Per period kind that has a prize board, what each place wins (empty when the prize table is broken). */
  prizes: { kind: ClosingKind; places: { place: number; prize: string }[] }[];
  /** The local dates that have daily prize boards. */
  eventDays: string[];
  /** The next close of each kind still ahead (all boards of a kind close at the same instant). */
  nextCloses: { kind: ClosingKind; periodKey: string; closeAt: string }[];
  /** Per kind (week, day, challenge), the latest closed period that has winners, each board's places. */
  winners: {
    kind: ClosingKind;
    periodKey: string;
    startsAt: string;
    endsAt: string;
    boards: { scenarioId: string; scenarioName: string; tier: string; places: ShownWinner[] }[];
  }[];
}

/** GET /api/admin/overview: the dashboard's start page figures (docs/admin.md, "Overview"). */
import type { AwardStatus } from "./awards";

export const OVERVIEW_TIERS = ["free", "ultimate"] as const;

/** Runs started in a period, the players who started them, and how many of those runs were never finished. */
export interface RunCounts {
  runs: number;
  players: number;
  /** Abandoned, or left to expire (the player's open-run slot ran out). */
  abandoned: number;
}

export interface OverviewPeriod {
  kind: "day" | "week" | "challenge";
  /** The board's period key (a local date, a week's opening close, the challenge id). */
  key: string;
  startsAt: string;
  endsAt: string;
  /** `all` counts a player who played both tiers once. */
  tiers: Record<"all" | (typeof OVERVIEW_TIERS)[number], RunCounts>;
}

export interface AdminOverview {
  at: string;
  challenge: { id: string; name: string; timeZone: string };
  /** Today, this week and the challenge, in the challenge's time zone and weekly schedule. */
  periods: OverviewPeriod[];
  /** Prize awards by status (every status, zero included). */
  awards: Record<AwardStatus, number>;
  /** Flagged runs waiting for a review. */
  reviewQueue: number;
  /** Runs started per hour over the last OVERVIEW_HOURS hours, oldest first. */
  hourly: {
    /** Each hour's start, in seconds since the epoch (uPlot's x values). */
    hours: number[];
    free: number[];
    ultimate: number[];
  };
}

export const OVERVIEW_HOURS = 48;

/** A player's public profile (/players/[handle], docs/profiles.md): what their stored runs say about them. */
import type { TierName } from "../../game/core";
import type { AwardStatus } from "./awards";
import type { PeriodKind, TierFilter } from "./boards";
import { DELETED_PREFIX } from "./handles";

/** The verdicts a finished run can carry, as the runs list shows them. */
export type ProfileVerdict = "verified" | "flagged" | "rejected" | "abandoned";

/** The best verified score on one scenario and tier. */
export interface PersonalBest {
  scenario: string;
  tier: TierName;
  score: number;
  runId: string;
  achievedAt: string;
}

/** One verified run as the progress charts plot it. */
export interface ProgressPoint {
  runId: string;
  at: string;
  tier: TierName;
  score: number;
  /** The best verified score on the scenario (either tier) up to and including this run. */
  personalBest: number;
  /** Hits per shot (clicking scenarios) or time on target (tracking), 0..1. */
  accuracy: number | null;
  reactionTimeMedianMs: number | null;
  killsPerSecond: number | null;
}

/** A scenario's verified runs over time, oldest first (the newest PROGRESS_POINTS of them). */
export interface ScenarioProgress {
  scenario: string;
  name: string;
  points: ProgressPoint[];
  /** Verified runs on the scenario in all, when there are more than the points shown. */
  verifiedRuns: number;
}

/** Where the player stands now on one open board. */
export interface ProfileRank {
  scenario: string;
  period: PeriodKind;
  key: string;
  tier: TierFilter;
  rank: number;
  size: number;
  score: number;
}

/** A prize place awarded to the player by a close (docs/awards.md). */
export interface ProfilePrize {
  id: string;
  scenario: string;
  period: string;
  key: string;
  tier: string;
  place: number;
  prize: string;
  status: AwardStatus;
  score: number;
  awardedAt: string;
}

/** One finished run in the player's list. */
export interface ProfileRun {
  id: string;
  scenario: string;
  tier: string;
  verdict: ProfileVerdict;
  score: number | null;
  finishedAt: string;
  /** The public replay (verified runs with a log), or null. */
  replay: string | null;
}

export interface Achievement {
  id: string;
  title: string;
  description: string;
  /** When it was earned; null while it is not. */
  earnedAt: string | null;
  progress: { value: number; goal: number };
}

export interface PublicProfile {
  handle: string;
  /** A guest plays under a generated handle until they choose one. */
  guest: boolean;
  joinedAt: string;
  /** Disqualified from prizes and boards: the profile says so and shows no ranks. */
  disqualified: boolean;
  /** Scenario names by id, for every scenario the profile mentions. */
  scenarioNames: Record<string, string>;
  bests: PersonalBest[];
  progress: ScenarioProgress[];
  ranks: ProfileRank[];
  prizes: ProfilePrize[];
  runs: { items: ProfileRun[]; page: number; pages: number; total: number };
  achievements: Achievement[];
}

/** What a shared link's preview shows (the Open Graph and Twitter images, the page's description). */
export interface ProfileCard {
  handle: string;
  guest: boolean;
  disqualified: boolean;
  scenarioNames: Record<string, string>;
  bests: PersonalBest[];
}

/** Runs per page of the profile's runs list. */
export const PROFILE_RUNS_PER_PAGE = 20;
/** Verified runs per scenario the progress charts plot (the newest). */
export const PROGRESS_POINTS = 300;

/** The address of a handle's profile page (every board links its handles here). */
export const profileHref = (handle: string) => `/players/${encodeURIComponent(handle)}`;
/** Whether a handle on a board has a profile to link to: a deleted account's placeholder has none. */
export const hasProfile = (handle: string) => !handle.toLowerCase().startsWith(DELETED_PREFIX);

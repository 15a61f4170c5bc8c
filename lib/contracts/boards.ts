/** Leaderboard reads: which board, one page of it, a player's standing (docs/leaderboards.md). */
import { z } from "zod";

export const PERIOD_KINDS = ["day", "week", "challenge", "all"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const TIER_FILTERS = ["all", "free", "ultimate"] as const;
export type TierFilter = (typeof TIER_FILTERS)[number];

export const boardQuerySchema = z.object({
  period: z.string().default("week"),
  tier: z.enum(TIER_FILTERS).default("all"),
  key: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(400).optional(),
});

export interface BoardMeta {
  scenario: string;
  period: PeriodKind;
  key: string;
  tier: TierFilter;
  startsAt: string | null;
  endsAt: string | null;
  nextResetAt: string | null;
  closed: boolean;
  /** A player-made scenario an admin hid: its boards stay readable, marked so (docs/moderation.md). */
  hidden: boolean;
}

export interface BoardRow {
  rank: number;
  player: { id: string; handle: string };
  score: number;
  achievedAt: string;
  runId: string;
  tier: string;
  fps: number | null;
}

export interface BoardPage {
  board: BoardMeta;
  entries: BoardRow[];
  nextCursor: string | null;
}

export interface Standing {
  board: BoardMeta;
  player: { rank: number; score: number; achievedAt: string; runId: string } | null;
  around: BoardRow[];
  size: number;
}

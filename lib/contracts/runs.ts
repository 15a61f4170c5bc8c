/** The runs API: starting a run, finishing it, and what the server answers (docs/api.md). */
import { z } from "zod";
import { runEnvironmentSchema, tierNames, type FrameStats, type TierName } from "../../game/core";
import type { PeriodKind, TierFilter } from "./boards";
import { playlistRunSchema } from "./playlists";

export const startRunBodySchema = z.strictObject({
  scenario: z.string().min(1).max(64),
  tier: z.enum(tierNames as [TierName, ...TierName[]]),
  /** The run is an item of the player's playlist play (docs/playlists.md). */
  playlist: playlistRunSchema.optional(),
});

export interface StartedRun {
  runId: string;
  seed: string;
  scenario: { id: string; version: string };
  tier: { name: TierName; fpsCap: number; addedLatencyMs: number };
  startedAt: string;
  expiresAt: string;
}

export const finishBodySchema = z.strictObject({
  /** The encoded input log (docs/run-log.md), base64. */
  log: z.string().min(1),
  environment: runEnvironmentSchema,
  /** What the client computed; logged when it differs, never used. */
  claimed: z.strictObject({ score: z.number().int() }).optional(),
  idempotencyKey: z.string().min(8).max(100).optional(),
});
export type FinishBody = z.infer<typeof finishBodySchema>;

/** A finish body over this is refused before it is read (the log limit is 256 KB, ~342 KB as base64). */
export const MAX_FINISH_BODY_BYTES = 1024 * 1024;

export type Verdict = "verified" | "flagged" | "rejected";

/** What the replay measured, in a run's answer. */
export interface RunStats {
  score: number;
  hits: number;
  misses: number;
  shots: number;
  accuracy: number;
  kills: number;
  reactionTimeMedianMs: number | null;
  timeToKillMedianMs: number | null;
  timeOnTargetMs: number;
  durationMs: number;
  frames: FrameStats;
}

export interface FinishedRunReport {
  id: string;
  scenario: { id: string; version: string };
  tier: string;
  verdict: Verdict;
  reasonCode: string | null;
  reasons: { code: string; severity: string; message: string }[];
  score: number | null;
  claimedScore: number | null;
  result: RunStats | null;
  finishedAt: string;
}

export interface BoardRank {
  scenario: string;
  period: PeriodKind;
  key: string;
  tier: TierFilter;
  rank: number | null;
  improved: boolean;
}

/** 200 for verified and flagged runs; a rejected run answers 422 (410 expired) with `error` as well. */
export interface FinishOutcome {
  run: FinishedRunReport;
  ranks?: BoardRank[];
}

/** One of the player's finished runs, for their history (GET /api/players/me/runs). */
export interface RunHistoryItem {
  id: string;
  scenario: string;
  tier: string;
  verdict: Verdict | "abandoned";
  score: number | null;
  finishedAt: string;
}

/** Where a verified run leaves its player on one board it counts for. */
export interface BoardPlacement {
  period: PeriodKind;
  key: string;
  tier: TierFilter;
  /** The player's rank now (their best on the board, which may be an earlier run). */
  rank: number;
  size: number;
  /** "Top N %": the share of the board's players at or above this rank, rounded up. */
  topPercent: number;
  /** This run is the player's best on the board. */
  improved: boolean;
}

/** GET /api/runs/:runId/placement: the run's boards and the change to the player's personal best. */
export interface RunPlacement {
  runId: string;
  score: number;
  personalBest: {
    /** The best verified score on this scenario before this run (null: the first). */
    previous: number | null;
    /** score - previous when this run beat it; null when it did not (or there was none). */
    improvedBy: number | null;
  };
  boards: BoardPlacement[];
}

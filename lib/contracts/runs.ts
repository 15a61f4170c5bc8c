/** The runs API: starting a run, finishing it, and what the server answers (docs/api.md). */
import { z } from "zod";
import { runEnvironmentSchema, tierNames, type FrameStats, type TierName } from "../../game/core";

export const startRunBodySchema = z.strictObject({
  scenario: z.string().min(1).max(64),
  tier: z.enum(tierNames as [TierName, ...TierName[]]),
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
  period: string;
  key: string;
  tier: string;
  rank: number | null;
  improved: boolean;
}

/** 200 for verified and flagged runs; a rejected run answers 422 (410 expired) with `error` as well. */
export interface FinishOutcome {
  run: FinishedRunReport;
  ranks?: BoardRank[];
}

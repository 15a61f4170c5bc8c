/** The admin API's review queue: flagged runs, cleared or rejected by staff (docs/admin.md, "Review queue"). */
import { z } from "zod";
import type { BoardRank, RunStats } from "./runs";

/** POST /api/admin/review/:runId/clear */
export const clearRunBodySchema = z.strictObject({ note: z.string().trim().max(1000).optional() });

/** POST /api/admin/review/:runId/reject */
export const rejectRunBodySchema = z.strictObject({ note: z.string().trim().min(1, "say why").max(1000) });

/** A flagged run waiting for review, with what deciding it needs. */
export interface ReviewRow {
  run: {
    id: string;
    scenario: { id: string; version: string };
    tier: string;
    score: number | null;
    claimedScore: number | null;
    fps: number | null;
    /** The verifier's first review reason, and every finding with its evidence. */
    reasonCode: string | null;
    findings: unknown;
    /** What the replay measured. */
    stats: RunStats | null;
    startedAt: string;
    finishedAt: string | null;
    kioskId: string | null;
  };
  player: { id: string; handle: string; disqualified: boolean; createdAt: string };
  /** The player's runs so far, by verdict ("abandoned" among them). */
  history: Record<string, number>;
}

/** GET /api/admin/review: oldest first. */
export interface ReviewQueueAnswer {
  runs: ReviewRow[];
}

/** POST /api/admin/review/:runId/clear: the run's place on each board it entered (none for a disqualified player). */
export interface ClearRunAnswer {
  ranks: BoardRank[];
}

/**
 * Moderation of player-made scenarios over the API (docs/moderation.md): a player's report, the
 * author's unpublish, and the admins' queue, hide, unhide and dismiss.
 */
import { z } from "zod";
import type { ScenarioKind } from "../../game/core";
import type { PlayerScenarioStatus } from "./player-scenarios";

/** What a reason or note may hold: said in a few words, at most this long. */
export const MODERATION_TEXT_MAX = 500;

/** POST /api/player-scenarios/:id/report */
export const reportScenarioBodySchema = z.strictObject({
  reason: z.string().trim().min(3, "say what is wrong (at least 3 characters)").max(MODERATION_TEXT_MAX),
});

/** POST /api/admin/player-scenarios/:id/hide: the reason is kept with the scenario and in the audit log. */
export const hideScenarioBodySchema = z.strictObject({ reason: z.string().trim().min(1, "say why").max(MODERATION_TEXT_MAX) });

/** POST /api/admin/player-scenarios/:id/unhide and /api/admin/scenario-reports/:reportId/dismiss: an optional note for the audit log. */
export const moderationNoteBodySchema = z.strictObject({ note: z.string().trim().max(MODERATION_TEXT_MAX).optional() }).default({});

/** GET /api/admin/player-scenarios: `reported=1` scenarios with open reports, `hidden=1` hidden ones; neither: both. */
export const moderationQueueQuerySchema = z.strictObject({
  reported: z.enum(["0", "1"]).optional(),
  hidden: z.enum(["0", "1"]).optional(),
});

export interface ScenarioReportView {
  id: string;
  reason: string;
  reporter: { handle: string };
  createdAt: string;
}

/** One scenario of the moderation queue: what it is, its state, and its open reports (newest first). */
export interface ModerationQueueRow {
  scenario: {
    id: string;
    code: string;
    name: string;
    description: string;
    kind: ScenarioKind;
    author: { handle: string };
    status: PlayerScenarioStatus;
    hiddenAt: string | null;
    hiddenReason: string | null;
    /** The latest published version's scenario id (its boards), null if never published. */
    scenarioId: string | null;
  };
  openReports: number;
  reports: ScenarioReportView[];
}

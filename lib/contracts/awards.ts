/** Prize awards as the admin API shows and changes them: statuses, the list and the review actions (docs/awards.md). */
import { z } from "zod";

/**
 * review: written by a close, not payable; pending: approved, payable; contacted, claimed, fulfilled:
 * fulfilment; forfeited: given up (the place is offered down); disqualified: refused at review.
 */
export const AWARD_STATUSES = ["review", "pending", "contacted", "claimed", "fulfilled", "forfeited", "disqualified"] as const;
export type AwardStatus = (typeof AWARD_STATUSES)[number];

/** GET /api/admin/awards?status= */
export const awardsQuerySchema = z.strictObject({ status: z.enum(AWARD_STATUSES).optional() });

/** POST /api/admin/awards/:awardId/approve */
export const approveAwardBodySchema = z.strictObject({ note: z.string().trim().max(1000).optional() });

/** POST /api/admin/awards/:awardId/disqualify: the run alone, or the player (every prize of theirs from now on). */
export const disqualifyAwardBodySchema = z.strictObject({
  scope: z.enum(["run", "player"]),
  note: z.string().trim().min(1, "say why").max(1000),
});
export type DisqualifyAwardBody = z.infer<typeof disqualifyAwardBodySchema>;

/** A refused place offered to the next eligible player of the close's frozen standings (a new award, in review). */
export interface PlaceOffer {
  awardId: string;
  playerId: string;
  handle: string;
  rank: number;
  offer: number;
}

export interface AwardRow {
  id: string;
  status: AwardStatus;
  place: number;
  /** 1 for the close's own winner; n when the place was offered to the n-th player. */
  offer: number;
  prize: string;
  score: number;
  close: { id: string; scenarioId: string; periodKind: string; periodKey: string; tier: string; closedAt: string };
  player: { id: string; handle: string; disqualified: boolean; hasContact: boolean };
  /** The winning run: its stats and the verifier's signals. */
  run: { id: string; tier: string; score: number | null; fps: number | null; verdict: string | null; reasonCode: string | null; findings: unknown; finishedAt: string | null; disqualified: boolean };
  /** The player's runs so far, by verdict ("abandoned" among them). */
  history: Record<string, number>;
  reviewedAt: string | null;
  reviewedBy: string | null;
  note: string | null;
  createdAt: string;
}

/**
 * The pure part of a close: final standings from a board's entries, and who takes each prize place.
 *
 * Standings are the board as it is shown (disqualified players never appear on a board), in board
 * order: higher score first, then the earlier achievement, then the lower run id.
 * Prize places go, in order, to the best-ranked entry not yet awarded that is eligible:
 * - the player is not disqualified (Player.disqualifiedAt is null);
 * - the run is verified (board entries exist only for verified runs; checked again here);
 * - when the prize needs a contact, the player left a contact e-mail and agreed to be contacted.
 * An ineligible player is skipped and the next eligible player takes the place.
 */
import { compareKeys } from "../boards/rank-index";
import type { Prize } from "./prize-table";

export interface BoardCandidate {
  playerId: string;
  handle: string;
  score: number;
  achievedAt: Date;
  runId: string;
  runTier: string;
  disqualified: boolean;
  /** The player deleted their account (still in frozen standings under a placeholder name). */
  deleted: boolean;
  /** A contact e-mail with the player's consent to prize contact (prizeContactable). */
  contactable: boolean;
  runVerified: boolean;
}

/** One row of the frozen standings, as stored in PeriodClose.standings. */
export interface Standing {
  rank: number;
  playerId: string;
  handle: string;
  score: number;
  /** ISO 8601. */
  achievedAt: string;
  runId: string;
  runTier: string;
}

export interface Winner {
  place: number;
  prize: string;
  needsContact: boolean;
  playerId: string;
  handle: string;
  score: number;
  runId: string;
  /** The winner's rank in the standings. */
  rank: number;
}

export type SkipReason = "disqualified" | "account_deleted" | "run_not_verified" | "no_contact";

export interface SkippedPlayer {
  playerId: string;
  handle: string;
  score: number;
  /** Rank in the standings; null for a disqualified player (not on the board). */
  rank: number | null;
  /** The place the player was passed over for. */
  place: number;
  reason: SkipReason;
}

export interface ComputedClose {
  standings: Standing[];
  winners: Winner[];
  skipped: SkippedPlayer[];
}

/** Whether a prize can reach the player: an address on file, and their consent to be contacted about prizes. */
export function prizeContactable(player: { contactEmail: string | null; contactConsentAt: Date | null }): boolean {
  return player.contactEmail !== null && player.contactConsentAt !== null;
}

/** Board order (rank-index.ts): score descending, then the earlier achievement, then the run id. */
export function boardOrder(a: BoardCandidate, b: BoardCandidate): number {
  return compareKeys(
    { score: a.score, achievedAt: a.achievedAt.getTime(), runId: a.runId },
    { score: b.score, achievedAt: b.achievedAt.getTime(), runId: b.runId },
  );
}

/** Why `c` may not take `prize`, or null when it may (also used when a place is offered down, server/awards/offer-place.ts). */
export function ineligibility(c: BoardCandidate, prize: Prize): SkipReason | null {
  if (c.disqualified) return "disqualified";
  if (c.deleted) return "account_deleted";
  if (!c.runVerified) return "run_not_verified";
  if (prize.needsContact && !c.contactable) return "no_contact";
  return null;
}

export function computeClose(entries: readonly BoardCandidate[], prizes: readonly Prize[]): ComputedClose {
  const ordered = [...entries].sort(boardOrder);
  const rankOf = new Map<string, number>();
  const standings: Standing[] = [];
  for (const c of ordered) {
    if (c.disqualified) continue;
    const rank = standings.length + 1;
    rankOf.set(c.playerId, rank);
    standings.push({
      rank,
      playerId: c.playerId,
      handle: c.handle,
      score: c.score,
      achievedAt: c.achievedAt.toISOString(),
      runId: c.runId,
      runTier: c.runTier,
    });
  }

  const awarded = new Set<string>();
  const skippedKeys = new Set<string>();
  const winners: Winner[] = [];
  const skipped: SkippedPlayer[] = [];
  for (const prize of [...prizes].sort((a, b) => a.place - b.place)) {
    for (const c of ordered) {
      if (awarded.has(c.playerId)) continue;
      const reason = ineligibility(c, prize);
      if (reason === null) {
        awarded.add(c.playerId);
        winners.push({
          place: prize.place,
          prize: prize.prize,
          needsContact: prize.needsContact,
          playerId: c.playerId,
          handle: c.handle,
          score: c.score,
          runId: c.runId,
          rank: rankOf.get(c.playerId)!,
        });
        break;
      }
      const key = `${c.playerId}\u0000${reason}`;
      if (!skippedKeys.has(key)) {
        skippedKeys.add(key);
        skipped.push({ playerId: c.playerId, handle: c.handle, score: c.score, rank: rankOf.get(c.playerId) ?? null, place: prize.place, reason });
      }
    }
  }
  return { standings, winners, skipped };
}

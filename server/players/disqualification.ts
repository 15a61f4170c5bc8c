/**
 * What disqualifying a player changes, and what reinstating them restores, in the caller's
 * transaction (the use cases: disqualify-player.ts, reinstate-player.ts, awards/disqualify-award.ts;
 * deleting an account, delete-account.ts, takes a player off the boards and their prizes the same way):
 * - their entries on every open board are deleted, or recomputed from their verified runs. A board is
 *   open until its period is closed: a closed period's frozen standings are never rewritten;
 * - their prizes still to be paid (review, pending, contacted, claimed) are forfeited, and each place
 *   is offered to the next eligible player (awards/offer-place.ts).
 * The player's row is written first, so on PostgreSQL a finish that is writing their boards holds it
 * and this waits (closes/close.ts `lockForBoardWrite`). The rank stores and live boards catch up after
 * the commit (boards/publish.ts).
 */
import { audit, type Actor } from "../audit";
import type { OfferedPlace } from "../../lib/contracts/awards";
import { offerPlace } from "../awards/offer-place";
import { boardKey, type BoardId } from "../boards/board";
import { compareEntries, type RankEntry } from "../boards/rank-index";
import { boardsFor } from "../boards/record";
import type { Challenge } from "../challenge/challenge";
import type { Tx } from "../db/transact";
import { getTier } from "../../game/core";
import type { PeriodKind, TierFilter } from "../../lib/contracts/boards";
import type { ForfeitedAward } from "../../lib/contracts/admin-players";

/** Award statuses of a prize not paid yet: a disqualification forfeits them. */
const UNPAID = ["review", "pending", "contacted", "claimed"];

export interface Disqualified {
  /** The open boards the player's entries were deleted from. */
  boards: BoardId[];
  forfeited: ForfeitedAward[];
}

/**
 * Marks the player disqualified (unless they are already: then null, and nothing changed), takes them
 * off the open boards and forfeits their unpaid prizes. Audited as `player.disqualified`.
 */
export async function disqualifyInTransaction(
  tx: Tx,
  input: { playerId: string; adminId: string; note: string; now: Date; awardId?: string },
): Promise<Disqualified | null> {
  const { count } = await tx.player.updateMany({ where: { id: input.playerId, disqualifiedAt: null }, data: { disqualifiedAt: input.now, disqualifyNote: input.note } });
  if (count === 0) return null;
  const boards = await leaveOpenBoards(tx, input.playerId);
  const forfeited = await forfeitUnpaidAwards(tx, { playerId: input.playerId, actor: { actorType: "admin", actorId: input.adminId }, reason: "player_disqualified", note: input.note });
  await audit(tx, {
    actorType: "admin",
    actorId: input.adminId,
    action: "player.disqualified",
    targetType: "player",
    targetId: input.playerId,
    details: { note: input.note, ...(input.awardId ? { awardId: input.awardId } : {}), boards: boards.length, forfeited },
  });
  return { boards, forfeited };
}

/** Deletes the player's entries on open boards; answers those boards. */
export async function leaveOpenBoards(tx: Tx, playerId: string): Promise<BoardId[]> {
  const entries = await tx.boardEntry.findMany({ where: { playerId }, select: { id: true, scenarioId: true, periodKind: true, periodKey: true, tier: true } });
  const closed = await closedBoards(tx, entries.map(boardOf));
  const open = entries.filter((e) => !closed.has(boardKey(boardOf(e))));
  await tx.boardEntry.deleteMany({ where: { id: { in: open.map((e) => e.id) } } });
  return open.map(boardOf);
}

/** Forfeits each unpaid prize of the player and offers its place down. Audited as `award.forfeited` (and offer-place's entries). */
export async function forfeitUnpaidAwards(
  tx: Tx,
  input: { playerId: string; actor: Actor; reason: "player_disqualified" | "account_deleted"; note?: string },
): Promise<ForfeitedAward[]> {
  const awards = await tx.prizeAward.findMany({ where: { playerId: input.playerId, status: { in: UNPAID } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const forfeited: ForfeitedAward[] = [];
  for (const award of awards) {
    await tx.prizeAward.update({ where: { id: award.id }, data: { status: "forfeited" } });
    await audit(tx, {
      ...input.actor,
      action: "award.forfeited",
      targetType: "prizeAward",
      targetId: award.id,
      details: { reason: input.reason, note: input.note, from: award.status, closeId: award.closeId, place: award.place, offer: award.offer, playerId: award.playerId, runId: award.runId },
    });
    const offered: OfferedPlace | null = await offerPlace(tx, award, input.actor);
    forfeited.push({ awardId: award.id, from: award.status, offered });
  }
  return forfeited;
}

/**
 * The player's entries on the open boards, recomputed from their verified runs that were not
 * disqualified: on each board the best one in board order (score, then the earliest achievement), as
 * the finish path keeps it. Written (replacing any entry there), and answered for the rank stores.
 */
export async function returnToOpenBoards(tx: Tx, challenge: Challenge, playerId: string): Promise<{ board: BoardId; entry: RankEntry }[]> {
  const runs = await tx.run.findMany({
    where: { playerId, verdict: "verified", disqualifiedAt: null, finishedAt: { not: null }, score: { not: null } },
    select: { id: true, scenarioId: true, tier: true, score: true, finishedAt: true, fps: true },
  });
  const best = new Map<string, { board: BoardId; entry: RankEntry }>();
  for (const run of runs) {
    const tier = getTier(run.tier)?.name;
    if (!tier) continue;
    const entry: RankEntry = { playerId, score: run.score!, achievedAt: run.finishedAt!.getTime(), runId: run.id, runTier: tier, fps: run.fps };
    for (const board of boardsFor({ scenarioId: run.scenarioId, tier, finishedAt: run.finishedAt! }, challenge)) {
      const key = boardKey(board);
      const held = best.get(key);
      if (!held || compareEntries(entry, held.entry) < 0) best.set(key, { board, entry });
    }
  }
  const closed = await closedBoards(tx, [...best.values()].map((b) => b.board));
  const open = [...best.values()].filter((b) => !closed.has(boardKey(b.board)));
  for (const { board, entry } of open) {
    const row = { score: entry.score, achievedAt: new Date(entry.achievedAt), runId: entry.runId, runTier: entry.runTier!, fps: entry.fps ?? null };
    await tx.boardEntry.upsert({
      where: { scenarioId_periodKind_periodKey_tier_playerId: { ...board, playerId } },
      create: { ...board, playerId, ...row },
      update: row,
    });
  }
  return open;
}

/** The keys (boardKey) of those boards whose period was closed. */
export async function closedBoards(tx: Tx, boards: readonly BoardId[]): Promise<Set<string>> {
  if (boards.length === 0) return new Set();
  const closes = await tx.periodClose.findMany({
    where: { scenarioId: { in: [...new Set(boards.map((b) => b.scenarioId))] }, periodKey: { in: [...new Set(boards.map((b) => b.periodKey))] } },
    select: { scenarioId: true, periodKind: true, periodKey: true, tier: true },
  });
  return new Set(closes.map((c) => boardKey(boardOf(c))));
}

export function boardOf(row: { scenarioId: string; periodKind: string; periodKey: string; tier: string }): BoardId {
  return { scenarioId: row.scenarioId, periodKind: row.periodKind as PeriodKind, periodKey: row.periodKey, tier: row.tier as TierFilter };
}

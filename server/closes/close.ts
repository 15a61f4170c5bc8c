/**
 * One close: freeze a board's final standings for a period that ended and award its prize places,
 * exactly once.
 *
 * In one transaction: take the close's lock, return "already_closed" if its PeriodClose exists,
 * read the board's entries, write the PeriodClose (standings), the PrizeAward rows ("review": not
 * payable until an admin approves them, server/awards/) and their audit entries. Exactly once even with several app instances closing at the same moment:
 * - PostgreSQL: `pg_advisory_xact_lock` on the close's key serializes the closers of one board and
 *   period; the second one reads the first one's PeriodClose (read committed) and does nothing.
 * - SQLite: the transaction starts with a write, which takes the database's write lock (SQLite has
 *   one writer at a time), so the same holds.
 * - Both: the unique keys (PeriodClose per challenge/board/period, PrizeAward per close and place)
 *   turn any race left into a failed insert, which is answered as "already_closed".
 * After the commit, the close is broadcast on socket.io ("period:closed").
 */
import type { BoardId } from "../boards/board";
import { audit } from "../audit";
import { statement, type Queries } from "../db/sql";
import { RetryTransaction, transact } from "../db/transact";
import type { Db } from "../db/client";
import type { Provider } from "../db/provider";
import type { PeriodClosedEvent } from "../../lib/contracts/live";
import type { Challenge } from "../challenge/challenge";
import { CLOSE_GRACE_MS, type ClosingPeriod } from "./due";
import { prizesFor } from "./prize-table";
import { computeClose, prizeContactable, type BoardCandidate, type SkippedPlayer, type Winner } from "./standings";

/** Where closes are broadcast (the socket.io server; absent in the CLI). */
export interface CloseBroadcaster {
  emit(event: "period:closed", payload: PeriodClosedEvent): unknown;
}

export interface CloseOutcome {
  /** closed: made now; would_close: a dry run's preview; already_closed: made before (nothing written). */
  status: "closed" | "would_close" | "already_closed";
  closeId: string | null;
  board: BoardId;
  period: ClosingPeriod;
  /** Players in the frozen standings. */
  entries: number;
  winners: Winner[];
  skippedPlayers: SkippedPlayer[];
}

export interface CloseOptions {
  dryRun?: boolean;
  io?: CloseBroadcaster | null;
  graceMs?: number;
}

/** A close asked for before its period's end + grace: the standings may not be final yet. */
export class CloseTooEarlyError extends Error {
  constructor(board: BoardId, dueAt: Date) {
    super(`${board.scenarioId} ${board.periodKind} ${board.periodKey} (${board.tier}) cannot close before ${dueAt.toISOString()}`);
    this.name = "CloseTooEarlyError";
  }
}

/** Arbitrary 32-bit namespace of the closes' advisory locks ("FLKC"). */
const ADVISORY_LOCK_CLASS = 0x464c4b43;
const TX_OPTIONS = { maxWait: 30_000, timeout: 120_000 };

function closeLockKey(challengeId: string, board: BoardId): string {
  return `close|${challengeId}|${board.scenarioId}|${board.periodKind}|${board.periodKey}|${board.tier}`;
}

type LockTx = Pick<Db, "$executeRawUnsafe">;

/**
 * PostgreSQL: the closes' shared locks of the boards (in key order), then the player's row FOR SHARE
 * (a disqualification's UPDATE waits for this transaction; one that committed first is what the
 * row shows: read committed re-reads a row it waited for). One statement.
 */
const boardWriteLocks = statement(
  "board_write_locks",
  `WITH locks AS (SELECT pg_advisory_xact_lock_shared(${ADVISORY_LOCK_CLASS}, hashtext(k)) FROM (SELECT unnest(?::text[]) AS k ORDER BY 1) AS keys)
   SELECT (SELECT COUNT(*) FROM locks) AS "locks", p."disqualifiedAt" FROM "Player" p WHERE p."id" = ? FOR SHARE OF p`,
);
/** SQLite: the player's disqualification (one writer at a time: nothing to lock). */
const playerDisqualifiedAt = statement("board_write_player", `SELECT "disqualifiedAt" FROM "Player" WHERE "id" = ?`);

/**
 * For a write of a verified run onto boards (server/runs/count-on-boards.ts), in its transaction
 * before it writes them. On PostgreSQL it takes a shared advisory lock per board and the close takes
 * the exclusive one: a close then waits for in-flight finishes of its board to commit, and a finish
 * that comes after a close sees its PeriodClose. It also reads whether the player is disqualified (a
 * disqualified player's runs enter no board), holding their row so a disqualification cannot commit
 * between this read and the write. SQLite runs one write transaction at a time: it only reads.
 */
export async function lockForBoardWrite(q: Queries, provider: Provider, challengeId: string, boards: readonly BoardId[], playerId: string): Promise<{ playerDisqualified: boolean }> {
  if (provider !== "postgresql") {
    const [row] = await q.all<{ disqualifiedAt: unknown }>(playerDisqualifiedAt, [playerId]);
    return { playerDisqualified: row?.disqualifiedAt != null };
  }
  const keys = [...new Set(boards.filter((b) => b.periodKind !== "all").map((b) => closeLockKey(challengeId, b)))].sort();
  const [row] = await q.all<{ disqualifiedAt: unknown }>(boardWriteLocks, [keys, playerId]);
  return { playerDisqualified: row?.disqualifiedAt != null };
}

function uniqueWhere(challengeId: string, board: BoardId) {
  return {
    challengeId_scenarioId_periodKind_periodKey_tier: {
      challengeId,
      scenarioId: board.scenarioId,
      periodKind: board.periodKind,
      periodKey: board.periodKey,
      tier: board.tier,
    },
  };
}

async function readCandidates(tx: Pick<Db, "boardEntry">, board: BoardId, period: ClosingPeriod): Promise<BoardCandidate[]> {
  const rows = await tx.boardEntry.findMany({
    // Entries outside the period cannot exist (a run counts for the period of its finish time);
    // the bounds make sure a late one could never count.
    where: { ...board, achievedAt: { gte: period.startsAt, lt: period.endsAt } },
    orderBy: [{ score: "desc" }, { achievedAt: "asc" }, { runId: "asc" }],
    select: {
      playerId: true,
      score: true,
      achievedAt: true,
      runId: true,
      runTier: true,
      player: { select: { handle: true, disqualifiedAt: true, deletedAt: true, contactEmail: true, contactConsentAt: true } },
      run: { select: { verdict: true } },
    },
  });
  return rows.map((r) => ({
    playerId: r.playerId,
    handle: r.player.handle,
    score: r.score,
    achievedAt: r.achievedAt,
    runId: r.runId,
    runTier: r.runTier,
    disqualified: r.player.disqualifiedAt !== null,
    deleted: r.player.deletedAt !== null,
    contactable: prizeContactable(r.player),
    runVerified: r.run.verdict === "verified",
  }));
}

async function lock(tx: LockTx, provider: Provider, key: string): Promise<void> {
  if (provider === "postgresql") {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${ADVISORY_LOCK_CLASS}, hashtext($1))`, key);
  } else {
    // A write as the first statement takes SQLite's write lock now (waiting on the busy timeout),
    // as BEGIN IMMEDIATE would: two closers cannot both read "not closed yet".
    await tx.$executeRawUnsafe(`UPDATE "PeriodClose" SET "id" = "id" WHERE 1 = 0`);
  }
}

/**
 * Closes one board's period: "closed" (written now), "already_closed" (nothing written), or with
 * `dryRun` "would_close" (nothing written, the standings and winners it would store).
 * Throws CloseTooEarlyError before `period.endsAt + grace`.
 */
export async function closePeriod(
  db: Db,
  provider: Provider,
  board: BoardId,
  period: ClosingPeriod,
  challenge: Challenge,
  now: Date,
  options: CloseOptions = {},
): Promise<CloseOutcome> {
  const dueAt = new Date(period.endsAt.getTime() + (options.graceMs ?? CLOSE_GRACE_MS));
  if (now.getTime() < dueAt.getTime()) throw new CloseTooEarlyError(board, dueAt);
  if (board.periodKind !== period.kind || board.periodKey !== period.key) {
    throw new Error(`board ${board.periodKind}/${board.periodKey} does not match period ${period.kind}/${period.key}`);
  }
  const prizes = prizesFor(challenge.prizeTable, period.kind);
  const where = uniqueWhere(challenge.id, board);
  const base = { board, period };

  const existing = await db.periodClose.findUnique({ where, select: { id: true } });
  if (existing) return { ...base, status: "already_closed", closeId: existing.id, entries: 0, winners: [], skippedPlayers: [] };

  if (options.dryRun) {
    const computed = computeClose(await readCandidates(db, board, period), prizes);
    return { ...base, status: "would_close", closeId: null, entries: computed.standings.length, winners: computed.winners, skippedPlayers: computed.skipped };
  }

  // Two closers racing: the loser of the unique key runs again and finds the winner's close.
  const outcome = await transact(db, async (tx): Promise<CloseOutcome> => {
    await lock(tx, provider, closeLockKey(challenge.id, board));
    const made = await tx.periodClose.findUnique({ where, select: { id: true } });
    if (made) return { ...base, status: "already_closed", closeId: made.id, entries: 0, winners: [], skippedPlayers: [] };

    const computed = computeClose(await readCandidates(tx, board, period), prizes);
    const close = await tx.periodClose
      .create({
        data: {
          challengeId: challenge.id,
          ...board,
          startsAt: period.startsAt,
          endsAt: period.endsAt,
          closedAt: now,
          standings: computed.standings as unknown as object,
        },
      })
      .catch((err: unknown) => {
        if ((err as { code?: string }).code === "P2002") throw new RetryTransaction("another closer made this close first");
        throw err;
      });
    const boardDetails = { challengeId: challenge.id, ...board };
    for (const w of computed.winners) {
      const award = await tx.prizeAward.create({
        data: { closeId: close.id, place: w.place, playerId: w.playerId, runId: w.runId, score: w.score, prize: w.prize, status: "review" },
      });
      await audit(tx, {
        actorType: "system",
        action: "prize.awarded",
        targetType: "prizeAward",
        targetId: award.id,
        details: { closeId: close.id, ...boardDetails, place: w.place, playerId: w.playerId, handle: w.handle, runId: w.runId, score: w.score, prize: w.prize, needsContact: w.needsContact },
      });
    }
    await audit(tx, {
      actorType: "system",
      action: "period.closed",
      targetType: "periodClose",
      targetId: close.id,
      details: {
        ...boardDetails,
        startsAt: period.startsAt.toISOString(),
        endsAt: period.endsAt.toISOString(),
        closedAt: now.toISOString(),
        entries: computed.standings.length,
        winners: computed.winners.map(({ place, playerId, handle, score, runId, prize }) => ({ place, playerId, handle, score, runId, prize })),
        skipped: computed.skipped,
      },
    });
    return { ...base, status: "closed", closeId: close.id, entries: computed.standings.length, winners: computed.winners, skippedPlayers: computed.skipped };
  }, TX_OPTIONS);

  if (outcome.status === "closed") {
    options.io?.emit("period:closed", {
      scenarioId: board.scenarioId,
      periodKind: board.periodKind,
      periodKey: board.periodKey,
      tier: board.tier,
      winners: outcome.winners.map(({ place, handle, score, prize }) => ({ place, handle, score, prize })),
    });
  }
  return outcome;
}

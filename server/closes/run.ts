/**
 * Runs every close that is due at `now` and not made yet, oldest first: what the in-process
 * scheduler, `POST /api/cron/close` and `npm run close` all call. Safe to call at any time, as often
 * as wanted, from several processes at once: a close is made exactly once (close.ts).
 */
import { audit } from "../audit";
import { boardKey, type BoardId } from "../boards/board";
import { currentChallenge } from "../challenge/challenge";
import type { Provider } from "../db/provider";
import { dbProvider, type Db } from "../db/client";
import { closePeriod, type CloseBroadcaster } from "./close";
import { dueCloses, nextClose, type ScheduledClose } from "./due";
import type { ClosePeriodKind } from "./prize-table";
import type { SkippedPlayer } from "./standings";

export interface RunClosesOptions {
  /** The clock (default: the real one). */
  now?: Date;
  /** Compute and report, write nothing. */
  dryRun?: boolean;
  /** Only closes of this period kind. */
  periodKind?: ClosePeriodKind;
  /** Default: the client's own provider. */
  provider?: Provider;
  /** socket.io server to broadcast "period:closed" on. */
  io?: CloseBroadcaster | null;
  /** Default CLOSE_GRACE_MS (the grace contract); tests shorten it. */
  graceMs?: number;
}

interface BoardFields {
  scenarioId: string;
  periodKind: string;
  periodKey: string;
  tier: string;
}

export interface ClosedReportEntry extends BoardFields {
  /** "would_close" in a dry run. */
  status: "closed" | "would_close";
  closeId: string | null;
  startsAt: string;
  endsAt: string;
  dueAt: string;
  /** Players in the frozen standings. */
  entries: number;
  winners: { place: number; playerId: string; handle: string; score: number; runId: string; prize: string }[];
  skippedPlayers: SkippedPlayer[];
}

export interface SkippedReportEntry extends BoardFields {
  /** already_closed: another instance made it first; earlier_close_failed: an older close of the board failed. */
  reason: "already_closed" | "earlier_close_failed";
  closeId: string | null;
}

export interface FailedReportEntry extends BoardFields {
  error: string;
}

export interface CloseReport {
  /** The `now` the report was made at. */
  at: string;
  dryRun: boolean;
  challengeId: string;
  closed: ClosedReportEntry[];
  skipped: SkippedReportEntry[];
  failed: FailedReportEntry[];
  /** The next close not due yet, or null. */
  next: (BoardFields & { dueAt: string }) | null;
}

function fields(board: BoardId): BoardFields {
  return { scenarioId: board.scenarioId, periodKind: board.periodKind, periodKey: board.periodKey, tier: board.tier };
}

/**
 * A close that failed wrote nothing (its transaction rolled back), so the attempt is audited on its
 * own: `period.close_failed` (actor system). Best effort: when the database is what failed, the
 * report and the scheduler's log still say so.
 */
async function auditFailure(db: Db, challengeId: string, c: ScheduledClose, failure: FailedReportEntry): Promise<void> {
  await audit(db, {
    actorType: "system",
    action: "period.close_failed",
    targetType: "board",
    targetId: boardKey(c.board),
    details: { challengeId, ...failure, startsAt: c.period.startsAt.toISOString(), endsAt: c.period.endsAt.toISOString(), dueAt: c.dueAt.toISOString() },
  }).catch(() => undefined);
}

export async function runDueCloses(db: Db, options: RunClosesOptions = {}): Promise<CloseReport> {
  const now = options.now ?? new Date();
  const dryRun = options.dryRun ?? false;
  const provider = options.provider ?? dbProvider(db);
  const challenge = await currentChallenge(db, { fresh: true });
  const made = await db.periodClose.findMany({
    where: { challengeId: challenge.id },
    select: { scenarioId: true, periodKind: true, periodKey: true, tier: true },
  });
  const closed = new Set(made.map((c) => boardKey(c as BoardId)));
  const due: ScheduledClose[] = dueCloses(challenge, now, { closed, periodKind: options.periodKind, graceMs: options.graceMs });

  const report: CloseReport = { at: now.toISOString(), dryRun, challengeId: challenge.id, closed: [], skipped: [], failed: [], next: null };
  // Boards whose older close failed: their later closes wait, so a board closes in order.
  const blocked = new Set<string>();
  for (const c of due) {
    const boardOnly = `${c.board.scenarioId}|${c.board.tier}|${c.board.periodKind}`;
    if (blocked.has(boardOnly)) {
      report.skipped.push({ ...fields(c.board), reason: "earlier_close_failed", closeId: null });
      continue;
    }
    try {
      const outcome = await closePeriod(db, provider, c.board, c.period, challenge, now, { dryRun, io: options.io, graceMs: options.graceMs });
      if (outcome.status === "already_closed") {
        report.skipped.push({ ...fields(c.board), reason: "already_closed", closeId: outcome.closeId });
        continue;
      }
      report.closed.push({
        ...fields(c.board),
        status: outcome.status,
        closeId: outcome.closeId,
        startsAt: c.period.startsAt.toISOString(),
        endsAt: c.period.endsAt.toISOString(),
        dueAt: c.dueAt.toISOString(),
        entries: outcome.entries,
        winners: outcome.winners.map(({ place, playerId, handle, score, runId, prize }) => ({ place, playerId, handle, score, runId, prize })),
        skippedPlayers: outcome.skippedPlayers,
      });
    } catch (err) {
      blocked.add(boardOnly);
      const failure = { ...fields(c.board), error: err instanceof Error ? err.message.split("\n")[0]! : String(err) };
      report.failed.push(failure);
      if (!dryRun) await auditFailure(db, challenge.id, c, failure);
    }
  }

  const next = nextClose(challenge, now, { closed, periodKind: options.periodKind, graceMs: options.graceMs });
  report.next = next ? { ...fields(next.board), dueAt: next.dueAt.toISOString() } : null;
  return report;
}

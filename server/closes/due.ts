/**
 * Which closes are due: pure functions of the challenge (schedules, prize table, event days), the
 * set of closes already made, and `now`. Nothing here reads a clock.
 *
 * The closes of a challenge, one per prize-bearing board and period:
 * - `week`: every week (weeklyCloseCron in the challenge's zone) that overlaps [startsAt, endsAt);
 *   it closes at its end, the weekly close instant.
 * - `day`: every event day (a local date); it closes at the first dailyCloseCron instant at or after
 *   the day's end (with the default "0 0 * * *", the local midnight that ends it).
 * - `challenge`: the challenge itself; it closes at `endsAt`.
 * A close is due at closeAt + CLOSE_GRACE_MS (see the grace contract below), never earlier. The list
 * is chronological (oldest first), so a catch-up after downtime closes missed periods in order.
 */
import { Cron } from "croner";
import { boardKey, type BoardId } from "../boards/board";
import { periodAt, periodByKey } from "../boards/periods";
import type { Challenge } from "../challenge/challenge";
import {
  prizeBoardsOf,
  prizesFor,
  PrizeTableError,
  type ClosePeriodKind,
  type Prize,
  type PrizeBoard,
} from "./prize-table";

/**
 * The grace contract: a close of a period runs no earlier than `endsAt + CLOSE_GRACE_MS`.
 *
 * A run counts for the period containing its server finish time. The grace leaves finishes that were
 * in flight at the period's end the time to commit before the close reads the standings. What makes
 * the boundary exact does not depend on timing: the finish transaction takes the boards' close locks
 * (shared; the close takes them exclusively) on PostgreSQL, SQLite runs one writer at a time, and a
 * finish that finds its period already closed counts for the current periods instead.
 * See docs/closes.md.
 */
export const CLOSE_GRACE_MS = 5_000;

/** A period that ends (day, week or challenge), as the boards module computes it. */
export interface ClosingPeriod {
  kind: ClosePeriodKind;
  key: string;
  startsAt: Date;
  endsAt: Date;
}

export interface ScheduledClose {
  board: BoardId;
  period: ClosingPeriod;
  /** The scheduled close instant: the period's end (for days, the daily close at or after it). */
  closeAt: Date;
  /** closeAt + grace: the earliest instant the close may run. */
  dueAt: Date;
  prizes: Prize[];
}

export interface DueOptions {
  /** boardKey()s of the closes already made (PeriodClose rows). */
  closed?: ReadonlySet<string>;
  /** Only this period kind. */
  periodKind?: ClosePeriodKind;
  graceMs?: number;
}

/** Weeks in one challenge above which the schedule is taken for a mistake (e.g. a per-minute cron). */
const MAX_WEEKS = 5_000;
const KIND_ORDER: Record<ClosePeriodKind, number> = { day: 0, week: 1, challenge: 2 };

const dailyCrons = new Map<string, Cron>();

function dailyCron(challenge: Challenge): Cron {
  const cacheKey = `${challenge.timeZone}\u0000${challenge.dailyCloseCron}`;
  let cron = dailyCrons.get(cacheKey);
  if (!cron) {
    try {
      cron = new Cron(challenge.dailyCloseCron, { timezone: challenge.timeZone, paused: true });
    } catch (err) {
      throw new PrizeTableError(`invalid daily close cron ${JSON.stringify(challenge.dailyCloseCron)}: ${(err as Error).message}`);
    }
    dailyCrons.set(cacheKey, cron);
  }
  return cron;
}

/** The first daily close instant at or after the day's end (croner's nextRun is strictly after). */
function dailyCloseAt(challenge: Challenge, dayEnd: Date): Date {
  return dailyCron(challenge).nextRun(new Date(dayEnd.getTime() - 1)) ?? dayEnd;
}

function bounded(p: { kind: string; key: string; startsAt: Date | null; endsAt: Date | null }): ClosingPeriod {
  return { kind: p.kind as ClosePeriodKind, key: p.key, startsAt: p.startsAt!, endsAt: p.endsAt! };
}

/** The weeks that overlap the challenge, in order. */
function weeksOf(challenge: Challenge): ClosingPeriod[] {
  const end = challenge.endsAt.getTime();
  const out: ClosingPeriod[] = [];
  let p = periodAt("week", challenge.startsAt, challenge);
  while (p && p.startsAt!.getTime() < end) {
    out.push(bounded(p));
    if (out.length > MAX_WEEKS) {
      throw new PrizeTableError(`the weekly close ${JSON.stringify(challenge.weeklyCloseCron)} makes over ${MAX_WEEKS} weeks in one challenge`);
    }
    p = periodAt("week", p.endsAt!, challenge);
  }
  return out;
}

function eventDaysOf(challenge: Challenge): ClosingPeriod[] {
  return challenge.eventDays.map((key) => {
    try {
      return bounded(periodByKey("day", key, challenge));
    } catch (err) {
      throw new PrizeTableError(`invalid event day ${JSON.stringify(key)}: ${(err as Error).message}`);
    }
  });
}

/** The prize-bearing boards of the challenge ("featured" resolved). */
export function prizeBoards(challenge: Challenge): PrizeBoard[] {
  return prizeBoardsOf(challenge.prizeTable, challenge.featuredScenarioId);
}

/** Every close of the challenge (made or not, due or not), chronological. */
export function allCloses(challenge: Challenge, options: Pick<DueOptions, "periodKind" | "graceMs"> = {}): ScheduledClose[] {
  const graceMs = options.graceMs ?? CLOSE_GRACE_MS;
  const table = challenge.prizeTable;
  const boards = prizeBoardsOf(table, challenge.featuredScenarioId);
  const wanted = (kind: ClosePeriodKind) =>
    (!options.periodKind || options.periodKind === kind) && boards.some((b) => b.periods.includes(kind));

  const periods: { period: ClosingPeriod; closeAt: Date }[] = [];
  if (wanted("day")) for (const p of eventDaysOf(challenge)) periods.push({ period: p, closeAt: dailyCloseAt(challenge, p.endsAt) });
  if (wanted("week")) for (const p of weeksOf(challenge)) periods.push({ period: p, closeAt: p.endsAt });
  if (wanted("challenge")) {
    const p: ClosingPeriod = { kind: "challenge", key: challenge.id, startsAt: challenge.startsAt, endsAt: challenge.endsAt };
    periods.push({ period: p, closeAt: p.endsAt });
  }

  const out: (ScheduledClose & { order: number })[] = [];
  boards.forEach((b, index) => {
    for (const { period, closeAt } of periods) {
      if (!b.periods.includes(period.kind)) continue;
      out.push({
        board: { scenarioId: b.scenarioId, periodKind: period.kind, periodKey: period.key, tier: b.tier },
        period,
        closeAt,
        dueAt: new Date(closeAt.getTime() + graceMs),
        prizes: prizesFor(table, period.kind),
        order: index,
      });
    }
  });
  out.sort(
    (a, b) =>
      a.dueAt.getTime() - b.dueAt.getTime() ||
      a.period.endsAt.getTime() - b.period.endsAt.getTime() ||
      KIND_ORDER[a.period.kind] - KIND_ORDER[b.period.kind] ||
      a.order - b.order,
  );
  return out.map(({ order: _, ...c }) => c);
}

/** The closes due at `now` and not made yet, oldest first: `now >= closeAt + grace`. */
export function dueCloses(challenge: Challenge, now: Date, options: DueOptions = {}): ScheduledClose[] {
  const t = now.getTime();
  return allCloses(challenge, options).filter((c) => c.dueAt.getTime() <= t && !options.closed?.has(boardKey(c.board)));
}

/** The first close that is not due yet at `now` (when the next one will run), or null. */
export function nextClose(challenge: Challenge, now: Date, options: DueOptions = {}): ScheduledClose | null {
  const t = now.getTime();
  return allCloses(challenge, options).find((c) => c.dueAt.getTime() > t && !options.closed?.has(boardKey(c.board))) ?? null;
}

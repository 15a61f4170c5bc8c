/**
 * What a challenge settings change must satisfy, as pure functions of the current row, the new one,
 * the closes already made and `now`. Each refusal is an InvalidInput("invalid_settings") whose
 * message starts with the field.
 *
 * Values: a real IANA time zone; schedules croner parses in that zone; startsAt before endsAt; event
 * days that are dates; a prize table the closes' parser takes; and as a whole, closes that can be
 * computed (allCloses: the same code the closes run).
 *
 * Periods already played are never moved (refused, not rewritten): board entries and frozen closes
 * are keyed by the periods they were made in. So, at `now`:
 * - once the challenge has started, its time zone and start are fixed, and every week since its start
 *   keeps its bounds (the current one may end sooner or later, not before now); once it has ended,
 *   its end is fixed too; the end is never set in the past. Before the start these may change (the
 *   boards of practice runs before the start are not prize boards);
 * - a close already made keeps its bounds; no close whose time has passed is added or moved (the
 *   catch-up would otherwise close a past period retroactively). A board may leave the prize table:
 *   its closes made stay.
 */
import { Cron } from "croner";
import { boardKey } from "../boards/board";
import { periodAt, periodByKey, type Period } from "../boards/periods";
import { allCloses, type ScheduledClose } from "../closes/due";
import { parseEventDays, parsePrizeTable, PrizeTableError } from "../closes/prize-table";
import { InvalidInput } from "../errors";
import { Challenge, type ChallengeRow } from "./challenge";

/** A stored close: its board and bounds. */
export interface MadeClose {
  scenarioId: string;
  periodKind: string;
  periodKey: string;
  tier: string;
  startsAt: Date;
  endsAt: Date;
}

const refuse = (field: string, message: string) => new InvalidInput("invalid_settings", `${field}: ${message}`);

/** Whether `zone` names an IANA time zone (not a UTC offset, which has no daylight-saving rules). */
export function isIanaZone(zone: string): boolean {
  if (/^[+-]\d/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function cronIn(field: string, expr: string, timeZone: string): Cron {
  try {
    const cron = new Cron(expr, { timezone: timeZone, paused: true });
    if (!cron.nextRun()) throw new Error("it never fires again");
    return cron;
  } catch (err) {
    throw refuse(field, `${JSON.stringify(expr)} is not a schedule: ${(err as Error).message}`);
  }
}

/** The values of `row` each make sense, and together make computable closes; throws invalid_settings. */
export function checkValues(row: ChallengeRow): Challenge {
  if (!isIanaZone(row.timeZone)) throw refuse("timeZone", `${JSON.stringify(row.timeZone)} is not an IANA time zone (e.g. "America/Chicago")`);
  cronIn("weeklyCloseCron", row.weeklyCloseCron, row.timeZone);
  cronIn("dailyCloseCron", row.dailyCloseCron, row.timeZone);
  if (!(row.startsAt.getTime() < row.endsAt.getTime())) throw refuse("endsAt", "must be after startsAt");
  for (const [field, parse] of [
    ["prizeTable", () => parsePrizeTable(row.prizeTable)],
    ["eventDays", () => parseEventDays(row.eventDays)],
  ] as const) {
    try {
      parse();
    } catch (err) {
      if (err instanceof PrizeTableError) throw refuse(field, err.message);
      throw err;
    }
  }
  const challenge = new Challenge(row);
  for (const day of challenge.eventDays) {
    try {
      periodByKey("day", day, challenge);
    } catch (err) {
      throw refuse("eventDays", (err as Error).message);
    }
  }
  try {
    allCloses(challenge);
  } catch (err) {
    if (err instanceof PrizeTableError || err instanceof RangeError) throw refuse("schedule", (err as Error).message);
    throw err;
  }
  return challenge;
}

const sameBounds = (a: { startsAt: Date | null; endsAt: Date | null }, b: { startsAt: Date | null; endsAt: Date | null }) =>
  a.startsAt?.getTime() === b.startsAt?.getTime() && a.endsAt?.getTime() === b.endsAt?.getTime();
const describe = (key: string, p: { startsAt: Date | null; endsAt: Date | null }) => `${key} [${p.startsAt?.toISOString()}, ${p.endsAt?.toISOString()})`;

/** The weeks from the one containing `from` to the one containing `to`. */
function weeksBetween(challenge: Challenge, from: Date, to: Date): Period[] {
  const out: Period[] = [];
  let p = periodAt("week", from, challenge);
  while (p && p.startsAt!.getTime() <= to.getTime()) {
    out.push(p);
    p = periodAt("week", p.endsAt!, challenge);
  }
  return out;
}

function closesOrNone(challenge: Challenge): ScheduledClose[] {
  try {
    return allCloses(challenge);
  } catch {
    return []; // a stored table the closes could not use made no close
  }
}

/** Refuses a change that would move a period already played or closed (see the header). */
export function checkPlayedPeriodsKept(before: Challenge, after: Challenge, made: MadeClose[], now: Date): void {
  const t = now.getTime();
  const started = before.startsAt.getTime() <= t;
  if (started && after.timeZone !== before.timeZone) throw refuse("timeZone", "cannot change once the challenge has started (every day played so far would move)");
  if (started && after.startsAt.getTime() !== before.startsAt.getTime()) throw refuse("startsAt", "cannot change once the challenge has started");
  if (before.endsAt.getTime() <= t && after.endsAt.getTime() !== before.endsAt.getTime()) throw refuse("endsAt", "cannot change: the challenge has ended");
  if (after.endsAt.getTime() <= t) throw refuse("endsAt", "must be in the future (the challenge would end before now)");

  const oldWeeks = started ? weeksBetween(before, before.startsAt, now) : [];
  const newWeeks = new Map(started ? weeksBetween(after, before.startsAt, now).map((w) => [w.key, w]) : []);
  for (const w of oldWeeks) {
    const moved = newWeeks.get(w.key);
    // The current week may end sooner or later, never before now; it keeps its start.
    const kept = moved && moved.startsAt!.getTime() === w.startsAt!.getTime() && (w.endsAt!.getTime() > t ? moved.endsAt!.getTime() > t : moved.endsAt!.getTime() === w.endsAt!.getTime());
    if (!kept) throw refuse("weeklyCloseCron", `would move the week ${describe(w.key, w)}, which has already begun`);
  }

  const madeByKey = new Map(made.map((m) => [boardKey({ scenarioId: m.scenarioId, periodKind: m.periodKind as never, periodKey: m.periodKey, tier: m.tier as never }), m]));
  const oldPast = new Map(closesOrNone(before).filter((c) => c.closeAt.getTime() <= t).map((c) => [boardKey(c.board), c]));
  for (const c of allCloses(after)) {
    const key = boardKey(c.board);
    const madeClose = madeByKey.get(key);
    if (madeClose && !sameBounds(madeClose, c.period)) throw refuse("schedule", `would move ${describe(key, madeClose)}, which is already closed`);
    const old = oldPast.get(key);
    if (old && !(sameBounds(old.period, c.period) && old.closeAt.getTime() === c.closeAt.getTime())) throw refuse("schedule", `would move ${describe(key, old.period)}, which has already ended`);
    if (!madeClose && !old && c.closeAt.getTime() <= t) throw refuse("schedule", `would add ${describe(key, c.period)}, which has already ended (it would be closed after the fact)`);
  }
}

/** The next `n` instants of each close schedule after `now`, and the challenge's close if still ahead. */
export function upcomingCloses(challenge: Challenge, now: Date, n = 3) {
  const next = (expr: string) => new Cron(expr, { timezone: challenge.timeZone, paused: true }).nextRuns(n, now).map((d) => d.toISOString());
  return {
    weekly: next(challenge.weeklyCloseCron),
    daily: next(challenge.dailyCloseCron),
    challengeEnd: challenge.endsAt.getTime() > now.getTime() ? challenge.endsAt.toISOString() : null,
  };
}

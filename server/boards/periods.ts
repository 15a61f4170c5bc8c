/**
 * Leaderboard periods: which day, week and challenge a finished run counts for, and the reverse
 * (a period key from a URL back to its bounds). Pure functions of the challenge schedule.
 *
 * A board is (scenario, period kind, period key, tier filter). The kinds:
 * - `day`: the local calendar day in the challenge's time zone. Key "YYYY-MM-DD"; it runs from local
 *   midnight to the next local midnight (23 or 25 hours across a DST change). Where local midnight
 *   does not exist (zones that spring forward at 00:00) the day starts at its first instant.
 * - `week`: the window between two consecutive weekly closes (`weeklyCloseCron`, evaluated in the
 *   challenge's zone; default Thursdays 00:00). Key = the opening close as local "YYYY-MM-DDTHH:mm"
 *   (":ss" appended only for a schedule with seconds). A run at exactly a close instant belongs to
 *   the new week.
 * - `challenge`: the challenge itself, key = its id; no period outside [startsAt, endsAt).
 * - `all`: key "all", unbounded.
 * Every bounded period is half-open: [startsAt, endsAt).
 *
 * Zone math uses Intl.DateTimeFormat only (one cached formatter per zone); cron math uses croner.
 */
import { Cron } from "croner";

import { PERIOD_KINDS, type PeriodKind } from "../../lib/contracts/boards";

export const DEFAULT_WEEKLY_CLOSE_CRON = "0 0 * * 4";

export interface ChallengeSchedule {
  id: string;
  /** IANA time zone, e.g. "America/Chicago". */
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  /** Cron expression in `timeZone`; default "0 0 * * 4" (Thursdays 00:00). */
  weeklyCloseCron?: string;
}

export interface Period {
  kind: PeriodKind;
  key: string;
  /** Inclusive; null for `all`. */
  startsAt: Date | null;
  /** Exclusive; null for `all`. */
  endsAt: Date | null;
}

/** A period kind or key that does not name a real period of the challenge (a 400, not a 500). */
export class PeriodKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PeriodKeyError";
  }
}

export function isPeriodKind(value: string): value is PeriodKind {
  return (PERIOD_KINDS as readonly string[]).includes(value);
}

/** Checks a kind coming from outside (URL, JSON); throws PeriodKeyError. */
export function parsePeriodKind(value: string): PeriodKind {
  if (!isPeriodKind(value)) {
    throw new PeriodKeyError(`unknown period kind ${JSON.stringify(value)} (expected one of ${PERIOD_KINDS.join(", ")})`);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Time zone math
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      });
    } catch {
      throw new RangeError(`invalid time zone ${JSON.stringify(timeZone)} (expected an IANA name such as "America/Chicago")`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The local wall-clock time of instant `t` in `timeZone`, expressed as the epoch ms of the same
 * wall-clock reading in UTC ("wall ms"). The zone's offset at t is wallMs(t) - t.
 */
function wallMs(t: number, timeZone: string): number {
  let y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  for (const part of formatter(timeZone).formatToParts(t)) {
    switch (part.type) {
      case "year": y = Number(part.value); break;
      case "month": mo = Number(part.value); break;
      case "day": d = Number(part.value); break;
      case "hour": h = Number(part.value); break;
      case "minute": mi = Number(part.value); break;
      case "second": s = Number(part.value); break;
    }
  }
  const ms = ((t % 1000) + 1000) % 1000;
  return Date.UTC(y, mo - 1, d, h, mi, s) + ms;
}

function offsetAt(t: number, timeZone: string): number {
  return wallMs(t, timeZone) - t;
}

/**
 * Every instant whose local wall-clock time is `wall` (wall ms), ascending: none in a DST gap,
 * two in a repeated hour, otherwise one.
 */
function instantsAtWall(wall: number, timeZone: string): number[] {
  const offsets = new Set([offsetAt(wall - DAY_MS, timeZone), offsetAt(wall, timeZone), offsetAt(wall + DAY_MS, timeZone)]);
  const found = new Set<number>();
  for (const o of offsets) {
    const t = wall - o;
    if (wallMs(t, timeZone) === wall) found.add(t);
  }
  return [...found].sort((a, b) => a - b);
}

/** Local day number (days since 1970-01-01 on the local calendar) of instant t. */
function localDayNumber(t: number, timeZone: string): number {
  return Math.floor(wallMs(t, timeZone) / DAY_MS);
}

/** The first instant of local day `dayNumber`: local midnight, or the end of a gap that swallowed it. */
function dayStart(dayNumber: number, timeZone: string): number {
  const wall = dayNumber * DAY_MS;
  const at = instantsAtWall(wall, timeZone);
  if (at.length > 0) return at[0]!;
  // Midnight falls in a gap: binary search the first instant whose local day is >= dayNumber.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  let lo = wall - Math.max(before, after); // local time before midnight
  let hi = wall - Math.min(before, after); // local time after midnight
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDayNumber(mid, timeZone) >= dayNumber) hi = mid;
    else lo = mid;
  }
  return hi;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function dateKey(dayNumber: number): string {
  const d = new Date(dayNumber * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** "YYYY-MM-DDTHH:mm" (":ss" only when the seconds are not zero) of instant t, local time. */
function localMinuteKey(t: number, timeZone: string): string {
  const w = new Date(wallMs(t, timeZone));
  const base = `${pad(w.getUTCFullYear(), 4)}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}T${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
  return w.getUTCSeconds() === 0 ? base : `${base}:${pad(w.getUTCSeconds())}`;
}

// ---------------------------------------------------------------------------------------------
// Weekly closes
// ---------------------------------------------------------------------------------------------

const crons = new Map<string, Cron>();

function weeklyCron(challenge: ChallengeSchedule): Cron {
  const expr = challenge.weeklyCloseCron ?? DEFAULT_WEEKLY_CLOSE_CRON;
  const cacheKey = `${challenge.timeZone}\u0000${expr}`;
  let cron = crons.get(cacheKey);
  if (!cron) {
    formatter(challenge.timeZone); // a clear error for a bad zone
    try {
      cron = new Cron(expr, { timezone: challenge.timeZone, paused: true });
    } catch (err) {
      throw new RangeError(`invalid weekly close cron ${JSON.stringify(expr)}: ${(err as Error).message}`);
    }
    crons.set(cacheKey, cron);
  }
  return cron;
}

/** The first close strictly after t (croner's nextRun is strictly after, at whole seconds). */
function closeAfter(cron: Cron, t: number): number | null {
  return cron.nextRun(new Date(t))?.getTime() ?? null;
}

/** The last close at or before t, given `end` = the first close after t. */
function closeAtOrBefore(cron: Cron, t: number, end: number): number | null {
  // croner 11 has previousRuns; check its answer against nextRun (the two must agree).
  const prev = cron.previousRuns(1, new Date(end))[0]?.getTime();
  if (prev !== undefined && prev <= t && closeAfter(cron, prev) === end) return prev;
  // Fallback: step back until some close is at or before t, then walk forward.
  for (let span = 8 * DAY_MS; span <= 4096 * DAY_MS; span *= 2) {
    let c = closeAfter(cron, t - span);
    if (c === null || c > t) continue;
    for (;;) {
      const next = closeAfter(cron, c);
      if (next === null || next > t) return c;
      c = next;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------------------------

function checkDate(at: Date): number {
  const t = at instanceof Date ? at.getTime() : NaN;
  if (!Number.isFinite(t)) throw new TypeError("periods: `at` must be a valid Date");
  return t;
}

function dayPeriod(dayNumber: number, timeZone: string, start = dayStart(dayNumber, timeZone), end = dayStart(dayNumber + 1, timeZone)): Period {
  return { kind: "day", key: dateKey(dayNumber), startsAt: new Date(start), endsAt: new Date(end) };
}

/**
 * The last day and week found, per zone (and weekly cron): every finish and board read asks for the
 * periods of about now, and the zone and cron math costs more than the rest of a finish's own work
 * (measured, docs/bench.md). Periods do not overlap, so one that contains t is the answer for t.
 */
const lastFound = new Map<string, Period>();

function remembered(cacheKey: string, t: number, find: () => Period | null): Period | null {
  const last = lastFound.get(cacheKey);
  if (last && last.startsAt!.getTime() <= t && t < last.endsAt!.getTime()) {
    return { ...last, startsAt: new Date(last.startsAt!), endsAt: new Date(last.endsAt!) };
  }
  const found = find();
  if (found) lastFound.set(cacheKey, { ...found, startsAt: new Date(found.startsAt!), endsAt: new Date(found.endsAt!) });
  return found;
}

function dayAt(t: number, timeZone: string): Period {
  return remembered(`day\u0000${timeZone}`, t, () => findDay(t, timeZone))!;
}

function findDay(t: number, timeZone: string): Period {
  const n = localDayNumber(t, timeZone);
  const start = dayStart(n, timeZone);
  const end = dayStart(n + 1, timeZone);
  // The local date is right except around a fall-back across midnight; the bounds decide.
  if (t >= end) return dayPeriod(n + 1, timeZone, end);
  if (t < start) return dayPeriod(n - 1, timeZone, undefined, start);
  return dayPeriod(n, timeZone, start, end);
}

function weekAt(t: number, challenge: ChallengeSchedule): Period | null {
  const key = `week\u0000${challenge.timeZone}\u0000${challenge.weeklyCloseCron ?? DEFAULT_WEEKLY_CLOSE_CRON}`;
  return remembered(key, t, () => findWeek(t, challenge));
}

function findWeek(t: number, challenge: ChallengeSchedule): Period | null {
  const cron = weeklyCron(challenge);
  const end = closeAfter(cron, t);
  if (end === null) return null; // after the last close
  const start = closeAtOrBefore(cron, t, end);
  if (start === null) return null; // before the first close
  return { kind: "week", key: localMinuteKey(start, challenge.timeZone), startsAt: new Date(start), endsAt: new Date(end) };
}

function challengePeriod(challenge: ChallengeSchedule): Period {
  return { kind: "challenge", key: challenge.id, startsAt: new Date(challenge.startsAt), endsAt: new Date(challenge.endsAt) };
}

const ALL: Readonly<Period> = { kind: "all", key: "all", startsAt: null, endsAt: null };

/** The period of `kind` that instant `at` falls in; null for a challenge period outside the challenge. */
export function periodAt(kind: PeriodKind, at: Date, challenge: ChallengeSchedule): Period | null {
  const t = checkDate(at);
  switch (kind) {
    case "day":
      return dayAt(t, challenge.timeZone);
    case "week":
      return weekAt(t, challenge);
    case "challenge":
      return t >= challenge.startsAt.getTime() && t < challenge.endsAt.getTime() ? challengePeriod(challenge) : null;
    case "all":
      return { ...ALL };
    default:
      throw new PeriodKeyError(`unknown period kind ${JSON.stringify(kind)}`);
  }
}

/** Every period a run finished at `at` counts for: day, week, all, and the challenge if inside it. */
export function periodsFor(at: Date, challenge: ChallengeSchedule): Period[] {
  const out: Period[] = [];
  for (const kind of ["day", "week", "challenge", "all"] as const) {
    const p = periodAt(kind, at, challenge);
    if (p) out.push(p);
  }
  return out;
}

/** When the current period of `kind` ends (its endsAt); null for `all` or outside the challenge. */
export function nextResetAt(kind: PeriodKind, at: Date, challenge: ChallengeSchedule): Date | null {
  return periodAt(kind, at, challenge)?.endsAt ?? null;
}

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK_KEY = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Wall ms of a local date-time, or null if the fields are not a real calendar date-time. */
function wallFromFields(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  // Date.UTC maps years 0-99 to 1900-1999; a 4-digit key below 1000 is not a period of a real challenge anyway.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return wall;
}

/**
 * The period of `kind` named by `key` (e.g. from a URL, to read a past board). Throws a
 * PeriodKeyError unless the key is well-formed and names a real period of that kind.
 */
export function periodByKey(kind: PeriodKind, key: string, challenge: ChallengeSchedule): Period {
  if (typeof key !== "string") throw new PeriodKeyError("period key must be a string");
  const shown = JSON.stringify(key);
  switch (kind) {
    case "day": {
      const m = DAY_KEY.exec(key);
      if (!m) throw new PeriodKeyError(`day key ${shown} must look like "YYYY-MM-DD"`);
      const wall = wallFromFields(Number(m[1]), Number(m[2]), Number(m[3]));
      if (wall === null || Number(m[1]) < 1000) throw new PeriodKeyError(`day key ${shown} is not a calendar date`);
      formatter(challenge.timeZone);
      const p = dayPeriod(wall / DAY_MS, challenge.timeZone);
      if (p.startsAt!.getTime() >= p.endsAt!.getTime()) {
        throw new PeriodKeyError(`day key ${shown} is a date that ${challenge.timeZone} skipped`);
      }
      return p;
    }
    case "week": {
      const m = WEEK_KEY.exec(key);
      if (!m) throw new PeriodKeyError(`week key ${shown} must look like "YYYY-MM-DDTHH:mm" (the local time of the week's opening close)`);
      const wall = wallFromFields(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
      if (wall === null || Number(m[1]) < 1000) throw new PeriodKeyError(`week key ${shown} is not a calendar date-time`);
      for (const t of instantsAtWall(wall, challenge.timeZone)) {
        const p = weekAt(t, challenge);
        if (p && p.startsAt!.getTime() === t && p.key === key) return p;
      }
      const expr = challenge.weeklyCloseCron ?? DEFAULT_WEEKLY_CLOSE_CRON;
      const containing = instantsAtWall(wall, challenge.timeZone)[0];
      const hint = containing !== undefined ? weekAt(containing, challenge)?.key : undefined;
      throw new PeriodKeyError(
        `week key ${shown} is not a weekly close (${JSON.stringify(expr)} in ${challenge.timeZone})` +
          (hint ? `; the week containing that time is ${JSON.stringify(hint)}` : ""),
      );
    }
    case "challenge":
      if (key !== challenge.id) throw new PeriodKeyError(`challenge key ${shown} is not this challenge (${JSON.stringify(challenge.id)})`);
      return challengePeriod(challenge);
    case "all":
      if (key !== "all") throw new PeriodKeyError(`the all-time period's key is "all", not ${shown}`);
      return { ...ALL };
    default:
      throw new PeriodKeyError(`unknown period kind ${JSON.stringify(kind)}`);
  }
}

/**
 * The challenge the app runs, loaded once and shared: its time zone, dates and close schedules
 * (everything the periods and closes are computed from), its featured scenario, and its prize table
 * and event days, each parsed once on first use. A prize table that does not parse stops the closes
 * (they report it) but never the finishes, which need only the schedule.
 *
 * currentChallenge(db) answers from a cache shared by the whole process (route handlers are
 * bundled apart from server.ts, so it lives on globalThis): reloaded after CACHE_MS, at once after
 * invalidateChallenge() (a settings change on this instance). Other instances sharing the database
 * learn of a change by a version check: a read more than VERSION_CHECK_MS after the last check asks
 * the database for the row's `updatedAt` (one indexed lookup) and reloads when it moved, so they use
 * the new settings within VERSION_CHECK_MS (with or without REDIS_URL: the database is the truth).
 * The closes, rare and exact, read it fresh (`{ fresh: true }`), which refreshes the cache too.
 */
import type { ChallengeSchedule } from "../boards/periods";
import { parseEventDays, parsePrizeTable, type PrizeTable } from "../closes/prize-table";
import type { Db } from "../db/client";

export interface ChallengeRow {
  id: string;
  name?: string;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  weeklyCloseCron: string;
  dailyCloseCron: string;
  featuredScenarioId: string;
  prizeTable: unknown;
  eventDays: unknown;
  /** When the row last changed: the version other instances compare. */
  updatedAt?: Date;
}

export class Challenge implements ChallengeSchedule {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly weeklyCloseCron: string;
  readonly dailyCloseCron: string;
  readonly featuredScenarioId: string;
  /** The row's updatedAt (ms), null for a row built in memory. */
  readonly version: number | null;
  #prizeTable?: PrizeTable;
  #eventDays?: string[];

  constructor(private readonly row: ChallengeRow) {
    this.id = row.id;
    this.name = row.name ?? row.id;
    this.timeZone = row.timeZone;
    this.startsAt = row.startsAt;
    this.endsAt = row.endsAt;
    this.weeklyCloseCron = row.weeklyCloseCron;
    this.dailyCloseCron = row.dailyCloseCron;
    this.featuredScenarioId = row.featuredScenarioId;
    this.version = row.updatedAt?.getTime() ?? null;
  }

  /** Which boards bear prizes and what each place wins; throws PrizeTableError if the stored table is invalid. */
  get prizeTable(): PrizeTable {
    return (this.#prizeTable ??= parsePrizeTable(this.row.prizeTable));
  }

  /** The event days (local dates, sorted) that get daily prize boards; throws PrizeTableError if invalid. */
  get eventDays(): string[] {
    return (this.#eventDays ??= parseEventDays(this.row.eventDays));
  }
}

/** How long a loaded challenge is used before it is read again. */
export const CACHE_MS = 30_000;
/** How often a cached challenge is compared with the database's version (a change on another instance). */
export const VERSION_CHECK_MS = 1_000;

interface Cached {
  challenge: Promise<Challenge>;
  loadedAt: number;
  checkedAt: number;
}
const registry = globalThis as typeof globalThis & { __flickboardChallenges?: WeakMap<Db, Cached> };
const cache = (registry.__flickboardChallenges ??= new WeakMap());

async function load(db: Db): Promise<Challenge> {
  const row = await db.challenge.findFirst({ orderBy: { startsAt: "desc" } });
  if (!row) throw new Error("No challenge configured: the seed creates one at start-up.");
  return new Challenge(row);
}

/** The challenge the app runs (one per deployment). */
export function currentChallenge(db: Db, options: { fresh?: boolean } = {}): Promise<Challenge> {
  const now = Date.now();
  const hit = cache.get(db);
  if (hit && !options.fresh && now - hit.loadedAt < CACHE_MS) {
    if (now - hit.checkedAt < VERSION_CHECK_MS) return hit.challenge;
    hit.checkedAt = now;
    hit.challenge = hit.challenge.then(async (c) => ((await isCurrent(db, c)) ? c : load(db)));
    hit.challenge.catch(() => cache.delete(db));
    return hit.challenge;
  }
  const challenge = load(db);
  cache.set(db, { challenge, loadedAt: now, checkedAt: now });
  challenge.catch(() => cache.delete(db));
  return challenge;
}

/** Whether the database still holds the version `challenge` was loaded from. */
async function isCurrent(db: Db, challenge: Challenge): Promise<boolean> {
  const row = await db.challenge.findUnique({ where: { id: challenge.id }, select: { updatedAt: true } });
  return row !== null && row.updatedAt.getTime() === challenge.version;
}

/** Forgets the loaded challenge: the next currentChallenge() reads it again (after a settings change). */
export function invalidateChallenge(db: Db): void {
  cache.delete(db);
}

/**
 * The challenge the app runs, loaded once and shared: its time zone, dates and close schedules
 * (everything the periods and closes are computed from), its featured scenario, and its prize table
 * and event days, each parsed once on first use. A prize table that does not parse stops the closes
 * (they report it) but never the finishes, which need only the schedule.
 *
 * currentChallenge(db) answers from a cache shared by the whole process (route handlers are
 * bundled apart from server.ts, so it lives on globalThis): reloaded after CACHE_MS, at once after
 * invalidateChallenge() (a settings change on this instance; other instances see it within CACHE_MS).
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

interface Cached {
  challenge: Promise<Challenge>;
  loadedAt: number;
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
  if (hit && !options.fresh && now - hit.loadedAt < CACHE_MS) return hit.challenge;
  const challenge = load(db);
  cache.set(db, { challenge, loadedAt: now });
  challenge.catch(() => cache.delete(db));
  return challenge;
}

/** Forgets the loaded challenge: the next currentChallenge() reads it again (after a settings change). */
export function invalidateChallenge(db: Db): void {
  cache.delete(db);
}

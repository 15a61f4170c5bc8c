/**
 * Shared by the closes tests (unit and integration): challenges, and a database with players,
 * verified runs and their board entries written directly with Prisma (as the finish path would).
 */
import { afterAll, beforeAll } from "vitest";
import { DEFAULT_CHALLENGE } from "../../server/challenge/defaults";
import type { PeriodClosedEvent } from "../../lib/contracts/live";
import type { CloseBroadcaster } from "../../server/closes/close";
import { invalidateChallenge, type ChallengeRow } from "../../server/challenge/challenge";
import { CLOSE_GRACE_MS } from "../../server/closes/due";
import { runDueCloses } from "../../server/closes/run";
import type { Db } from "../../server/db/client";
import { seededDb } from "./db";
import { MemoryRankStore } from "../../server/boards/ranks";
import { createPlayer, recordVerifiedRun } from "./boards";
import { seededSqliteUrl } from "./server";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/**
 * The default challenge moved to start on Thu 2026-10-01 00:00 CDT, so it spans the fall-back
 * change (Sun 2026-11-01). Its weeks: ... 2026-10-22T00:00, 2026-10-29T00:00 (169 h: Thu 00:00 CDT
 * = 05:00Z to Thu 00:00 CST = 06:00Z on 11-05), 2026-11-05T00:00, ...
 */
export const FALL_CHALLENGE: ChallengeRow = {
  ...DEFAULT_CHALLENGE,
  startsAt: new Date("2026-10-01T05:00:00Z"),
  endsAt: new Date("2027-01-07T06:00:00Z"),
};

/** The week that contains the fall-back change. */
export const DST_WEEK = {
  key: "2026-10-29T00:00",
  startsAt: new Date("2026-10-29T05:00:00Z"),
  endsAt: new Date("2026-11-05T06:00:00Z"),
};

/** A migrated, seeded database whose challenge has the given fields. */
export async function challengeDb(url: string, fields: Partial<ChallengeRow> = {}): Promise<Db> {
  const db = await seededDb(url);
  const { id: _, ...data } = { ...FALL_CHALLENGE, ...fields };
  await db.challenge.update({ where: { id: DEFAULT_CHALLENGE.id }, data: data as object });
  invalidateChallenge(db);
  return db;
}

/** A player with a prize contact they agreed to (unless `contactEmail: null`, or `consent: false`), optionally disqualified. */
export async function addPlayer(
  db: Db,
  handle: string,
  options: { contactEmail?: string | null; consent?: boolean; disqualifiedAt?: Date | null } = {},
): Promise<{ id: string; handle: string }> {
  const contactEmail = options.contactEmail === undefined ? `${handle.toLowerCase()}@example.test` : options.contactEmail;
  const player = await createPlayer(db, handle, { contactEmail, contactConsentAt: contactEmail && options.consent !== false ? new Date(0) : null, disqualifiedAt: options.disqualifiedAt ?? null });
  return { id: player.id, handle };
}

/** A verified run finished at `finishedAt`, on every board it counts for; returns its id. */
export function addVerifiedRun(
  db: Db,
  run: { playerId: string; score: number; finishedAt: Date; tier?: "free" | "ultimate"; scenarioId?: string },
): Promise<string> {
  return recordVerifiedRun(db, { playerId: run.playerId, score: run.score, at: run.finishedAt, tier: run.tier, scenarioId: run.scenarioId });
}

/** A socket.io stand-in that records what is broadcast. */
export function recordingIo(): CloseBroadcaster & { events: PeriodClosedEvent[] } {
  const events: PeriodClosedEvent[] = [];
  return { events, emit: (_event, payload) => events.push(payload) };
}

/** Counts of what closes write. */
export async function closeCounts(db: Db) {
  const [closes, awards, audits] = await Promise.all([
    db.periodClose.count(),
    db.prizeAward.count(),
    db.auditLog.count({ where: { action: { in: ["period.closed", "prize.awarded"] } } }),
  ]);
  return { closes, awards, audits };
}

/** Only weekly prize boards, from the week before the DST week: fewer closes to look at. */
export const WEEKS_ONLY: Partial<ChallengeRow> = {
  startsAt: new Date("2026-10-22T05:00:00Z"),
  eventDays: [],
  prizeTable: { ...(FALL_CHALLENGE.prizeTable as object), boards: [{ scenario: "featured", tier: "all", periods: ["week"] }] },
};

/**
 * Six players with a verified run each in the DST week (Ava 600, Ben 500, ... Fay 100; Dee without a
 * contact, which every weekly prize needs), and the week closed: Ava, Ben and Cy win, in review.
 * Returns the players' ids by handle.
 */
export async function closedWeekWithWinners(db: Db): Promise<Record<string, string>> {
  const players: Record<string, string> = {};
  for (const [i, handle] of ["Ava", "Ben", "Cy", "Dee", "Eli", "Fay"].entries()) {
    const p = await addPlayer(db, handle, handle === "Dee" ? { contactEmail: null } : {});
    await addVerifiedRun(db, { playerId: p.id, score: 600 - i * 100, finishedAt: new Date(DST_WEEK.startsAt.getTime() + (i + 1) * 3600_000) });
    players[handle] = p.id;
  }
  const report = await runDueCloses(db, { now: new Date(DST_WEEK.endsAt.getTime() + CLOSE_GRACE_MS) });
  if (report.failed.length > 0) throw new Error(`close failed: ${JSON.stringify(report.failed)}`);
  return players;
}

/** closedWeekWithWinners in a new database at `url` (for a server started on it afterwards); returns the players' ids by handle. */
export async function closedWeekDatabase(url: string): Promise<Record<string, string>> {
  const db = await challengeDb(url, WEEKS_ONLY);
  try {
    return await closedWeekWithWinners(db);
  } finally {
    await db.$disconnect();
  }
}

/**
 * For a test file: a SQLite database with `closedWeekWithWinners` (weekly prizes only), the players'
 * ids by handle, and an in-process rank store over it; disconnected after the file.
 */
export function useClosedWeek() {
  const handles = {} as { db: Db; ranks: MemoryRankStore; players: Record<string, string> };
  beforeAll(async () => {
    handles.db = await challengeDb(seededSqliteUrl(), WEEKS_ONLY);
    handles.ranks = new MemoryRankStore(handles.db);
    handles.players = await closedWeekWithWinners(handles.db);
  }, 60_000);
  afterAll(() => handles.db?.$disconnect());
  return handles;
}

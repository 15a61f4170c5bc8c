/**
 * Reading boards: one page of a board in board order (keyset cursors), and one player's standing
 * with the entries around them, answered from the rank store (ranks.ts): no database query on the
 * way, but for the scenario check (cached) and the first read of a board (which loads it).
 */
import { z } from "zod";
import { opaqueCursor, parseOpaqueCursor } from "../api/cursor";
import type { Db } from "../db/client";
import { InvalidInput, NotFound } from "../errors";
import type { Challenge } from "../challenge/challenge";
import type { BoardMeta, BoardRow, PeriodKind } from "../../lib/contracts/boards";
import { scenarioExists } from "../scenarios/catalog";
import { scenarioHidden } from "../scenarios/player/hidden";
import { boardKey, type BoardId } from "./board";
import { parsePeriodKind, periodAt, periodByKey, PeriodKeyError, type Period } from "./periods";
import type { NamedEntry } from "./rank-index";
import type { RankStore } from "./ranks";

/** The board a query names: the current period unless `key` names a past one. */
export async function resolveBoard(
  db: Db,
  challenge: Challenge,
  query: { scenarioId: string; period: string; tier: BoardId["tier"]; key?: string },
  now: Date,
): Promise<{ board: BoardId; meta: BoardMeta }> {
  if (!(await scenarioExists(db, query.scenarioId))) {
    throw new NotFound("scenario_not_found", `No scenario "${query.scenarioId}".`);
  }
  const period = resolvePeriod(challenge, query.period, query.key, now);
  const hidden = await scenarioHidden(db, query.scenarioId);
  const board: BoardId = { scenarioId: query.scenarioId, periodKind: period.kind, periodKey: period.key, tier: query.tier };
  return {
    board,
    meta: {
      scenario: board.scenarioId,
      period: period.kind,
      key: period.key,
      tier: board.tier,
      startsAt: period.startsAt?.toISOString() ?? null,
      endsAt: period.endsAt?.toISOString() ?? null,
      nextResetAt: period.endsAt && period.endsAt > now ? period.endsAt.toISOString() : null,
      closed: period.endsAt !== null && period.endsAt <= now,
      hidden,
    },
  };
}

/**
 * The period a query names (kind from outside, optional key): the current one unless `key` names a
 * past one; outside the challenge, the challenge as a whole. A bad kind or key is invalid_period.
 */
export function resolvePeriod(challenge: Challenge, kind: string, key: string | undefined, now: Date): Period {
  let period: Period | null;
  try {
    const parsed = parsePeriodKind(kind);
    period = key ? periodByKey(parsed, key, challenge) : periodAt(parsed, now, challenge);
  } catch (err) {
    if (err instanceof PeriodKeyError) throw new InvalidInput("invalid_period", err.message);
    throw err;
  }
  // Outside the challenge there is no current challenge board: show the challenge as a whole.
  return period ?? periodByKey("challenge", challenge.id, challenge);
}

/**
 * A keyset cursor: the board it belongs to and the last entry's sort key. Clients get it opaque
 * (base64url JSON); one coming back is checked field by field, so a forged one is a 400 and never
 * reaches a query.
 */
const cursorSchema = z.strictObject({
  b: z.string().max(200),
  s: z.number().int().min(-(2 ** 31)).max(2 ** 31 - 1),
  a: z.number().int().min(0).max(8.64e15),
  r: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  p: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
});
type Cursor = z.infer<typeof cursorSchema>;

function encodeCursor(board: BoardId, e: NamedEntry): string {
  const c: Cursor = { b: boardKey(board), s: e.score, a: e.achievedAt, r: e.runId, p: e.playerId };
  return opaqueCursor(c);
}

function decodeCursor(board: BoardId, cursor: string): Cursor {
  const parsed = parseOpaqueCursor(cursorSchema, cursor);
  if (parsed.b !== boardKey(board)) throw new InvalidInput("invalid_cursor", "The cursor belongs to another board or period.");
  return parsed;
}

function rowOf(rank: number, e: NamedEntry): BoardRow {
  return {
    rank,
    player: { id: e.playerId, handle: e.handle },
    score: e.score,
    achievedAt: new Date(e.achievedAt).toISOString(),
    runId: e.runId,
    tier: e.runTier ?? "free",
    fps: e.fps ?? null,
  };
}

/** One page of a board, in board order; `nextCursor` continues strictly after its last entry. */
export async function readBoardPage(ranks: RankStore, board: BoardId, limit: number, cursor?: string) {
  const after = cursor ? decodeCursor(board, cursor) : null;
  const slice = await ranks.page(board, limit + 1, after ? { score: after.s, achievedAt: after.a, runId: after.r, playerId: after.p } : undefined);
  const page = slice.entries.slice(0, limit);
  // No shared ranks: a rank is a position, so the page's first rank fixes the rest.
  return {
    entries: page.map((e, i) => rowOf(slice.startRank + i, e)),
    nextCursor: slice.entries.length > limit ? encodeCursor(board, page[page.length - 1]!) : null,
  };
}

/** A player's rank and score on a board with the entries ±radius around them, and the board's size. */
export async function readStanding(ranks: RankStore, board: BoardId, playerId: string, radius = 5) {
  const [around, size] = await Promise.all([ranks.around(board, playerId, radius), ranks.size(board)]);
  if (!around) return { player: null, around: [], size };
  const entries = around.entries.map((e, i) => rowOf(around.startRank + i, e));
  const me = entries[around.rank - around.startRank]!;
  return { player: { rank: around.rank, score: me.score, achievedAt: me.achievedAt, runId: me.runId }, around: entries, size };
}

/** The current period of a kind and the ones before it (newest first), back to the challenge's start. */
export function recentPeriods(kind: PeriodKind, challenge: Challenge, now: Date, count = 12): Period[] {
  const out: Period[] = [];
  let at = now < challenge.endsAt ? now : new Date(challenge.endsAt.getTime() - 1);
  while (out.length < count) {
    const period = periodAt(kind, at, challenge);
    if (!period) break;
    out.push(period);
    if (!period.startsAt || period.startsAt <= challenge.startsAt) break;
    at = new Date(period.startsAt.getTime() - 1);
  }
  return out;
}

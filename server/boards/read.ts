/**
 * Reading boards: one page of a board in board order (keyset cursors), and one player's standing
 * with the entries around them. Entries come from the database; ranks from the rank store.
 */
import { z } from "zod";
import type { Db } from "../db/client";
import { InvalidInput, NotFound } from "../errors";
import { scheduleOf } from "../challenge/current";
import type { BoardMeta, BoardRow, PeriodKind } from "../../lib/contracts/boards";
import { boardKey, type BoardId } from "./board";
import { parsePeriodKind, periodAt, periodByKey, PeriodKeyError, type Period } from "./periods";
import type { RankStore } from "./ranks";

type Challenge = Parameters<typeof scheduleOf>[0];

/** The board a query names: the current period unless `key` names a past one. */
export async function resolveBoard(
  db: Db,
  challenge: Challenge,
  query: { scenarioId: string; period: string; tier: BoardId["tier"]; key?: string },
  now: Date,
): Promise<{ board: BoardId; meta: BoardMeta }> {
  if (!(await db.scenario.findUnique({ where: { id: query.scenarioId }, select: { id: true } }))) {
    throw new NotFound("scenario_not_found", `No scenario "${query.scenarioId}".`);
  }
  const schedule = scheduleOf(challenge);
  let period: Period | null;
  try {
    const kind = parsePeriodKind(query.period);
    period = query.key ? periodByKey(kind, query.key, schedule) : periodAt(kind, now, schedule);
  } catch (err) {
    if (err instanceof PeriodKeyError) throw new InvalidInput("invalid_period", err.message);
    throw err;
  }
  // Outside the challenge there is no current challenge board: show the challenge as a whole.
  period ??= periodByKey("challenge", challenge.id, schedule);
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
    },
  };
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
});
type Cursor = z.infer<typeof cursorSchema>;

function encodeCursor(board: BoardId, row: { score: number; achievedAt: Date; runId: string }): string {
  const c: Cursor = { b: boardKey(board), s: row.score, a: row.achievedAt.getTime(), r: row.runId };
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

function decodeCursor(board: BoardId, cursor: string): Cursor {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, "base64url").toString());
  } catch {
    raw = null;
  }
  const parsed = cursorSchema.safeParse(raw);
  if (!parsed.success) throw new InvalidInput("invalid_cursor", "The cursor is not one this server issued.");
  if (parsed.data.b !== boardKey(board)) throw new InvalidInput("invalid_cursor", "The cursor belongs to another board or period.");
  return parsed.data;
}

const entrySelect = {
  score: true,
  achievedAt: true,
  runId: true,
  runTier: true,
  fps: true,
  player: { select: { id: true, handle: true } },
} as const;

function rowOf(rank: number, e: { score: number; achievedAt: Date; runId: string; runTier: string; fps: number | null; player: { id: string; handle: string } }): BoardRow {
  return { rank, player: e.player, score: e.score, achievedAt: e.achievedAt.toISOString(), runId: e.runId, tier: e.runTier, fps: e.fps };
}

/** One page of a board, in board order; `nextCursor` continues strictly after its last entry. */
export async function readBoardPage(db: Db, ranks: RankStore, board: BoardId, limit: number, cursor?: string) {
  const after = cursor ? decodeCursor(board, cursor) : null;
  const rows = await db.boardEntry.findMany({
    where: {
      ...board,
      player: { disqualifiedAt: null },
      ...(after && {
        OR: [
          { score: { lt: after.s } },
          { score: after.s, achievedAt: { gt: new Date(after.a) } },
          { score: after.s, achievedAt: new Date(after.a), runId: { gt: after.r } },
        ],
      }),
    },
    orderBy: [{ score: "desc" }, { achievedAt: "asc" }, { runId: "asc" }],
    take: limit + 1,
    select: entrySelect,
  });
  const page = rows.slice(0, limit);
  // No shared ranks: a rank is a position, so the page's first rank fixes the rest.
  const first = page.length && after ? ((await ranks.rankOf(board, page[0]!.player.id)) ?? 1) : 1;
  return {
    entries: page.map((e, i) => rowOf(first + i, e)),
    nextCursor: rows.length > limit ? encodeCursor(board, page[page.length - 1]!) : null,
  };
}

/** A player's rank and score on a board with the entries ±radius around them, and the board's size. */
export async function readStanding(db: Db, ranks: RankStore, board: BoardId, playerId: string, radius = 5) {
  const [around, size] = await Promise.all([ranks.around(board, playerId, radius), ranks.size(board)]);
  if (!around) return { player: null, around: [], size };
  const rows = await db.boardEntry.findMany({
    where: { ...board, playerId: { in: around.entries.map((e) => e.playerId) } },
    select: entrySelect,
  });
  const byPlayer = new Map(rows.map((r) => [r.player.id, r]));
  const entries = around.entries.flatMap((e, i) => {
    const row = byPlayer.get(e.playerId);
    return row ? [rowOf(around.startRank + i, row)] : [];
  });
  const me = entries.find((e) => e.player.id === playerId)!;
  return { player: { rank: around.rank, score: me.score, achievedAt: me.achievedAt, runId: me.runId }, around: entries, size };
}

/** The current period of a kind and the ones before it (newest first), back to the challenge's start. */
export function recentPeriods(kind: PeriodKind, challenge: Challenge, now: Date, count = 12): Period[] {
  const schedule = scheduleOf(challenge);
  const out: Period[] = [];
  let at = now < challenge.endsAt ? now : new Date(challenge.endsAt.getTime() - 1);
  while (out.length < count) {
    const period = periodAt(kind, at, schedule);
    if (!period) break;
    out.push(period);
    if (!period.startsAt || period.startsAt <= challenge.startsAt) break;
    at = new Date(period.startsAt.getTime() - 1);
  }
  return out;
}

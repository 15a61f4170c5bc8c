/**
 * What the rank store reads from the database: a board's entries in board order, in keyset pages of
 * PAGE_SIZE rows, and players' handles by id. The board read touches BoardEntry's board-order index
 * only (it covers every column read, so no row is looked up); handles are read apart, for the rows
 * a read shows (the rank store caches them), and disqualified players, who never appear on a board,
 * are left out by one query for the few of them. Rows come as arrays of column values (no object
 * per row) with the time already in epoch ms, and paging keeps the memory a load needs to one page
 * of rows on top of the index it builds.
 */
import type { TierFilter } from "../../lib/contracts/boards";
import type { Db } from "../db/client";
import { sqlOf, statement, type Statement } from "../db/sql";
import type { BoardId } from "./board";
import type { RankEntry, RankPages, RankRow } from "./rank-index";

/**
 * Rows of a few thousand: each page's rows are garbage before the collector would promote them, so a
 * load adds little beyond the index; the event loop runs between pages.
 */
export const PAGE_SIZE = 5_000;

/**
 * The entry's time as epoch ms, computed by the database: no timestamp is parsed here per row. The
 * text (SQLite) or timestamp (PostgreSQL) comes last, for the next page's keyset condition.
 */
const AT_MS = {
  sqlite: `CAST(round(unixepoch("achievedAt", 'subsec') * 1000) AS INTEGER)`,
  postgres: `round(EXTRACT(EPOCH FROM "achievedAt") * 1000)::float8`,
};
// The columns of a RankRow, in its order, then the key of the keyset condition (score and run id are in the row).
const SELECT = `SELECT "playerId", "score", {{AT_MS}}, "runId", "runTier", "fps", "achievedAt" FROM "BoardEntry"
  WHERE "scenarioId" = ? AND "periodKind" = ? AND "periodKey" = ? AND "tier" = ?`;
const ORDER = `ORDER BY "score" DESC, "achievedAt" ASC, "runId"{{C}} ASC LIMIT ?`;

function withTimeMs(s: Statement): Statement {
  return { ...s, sqlite: s.sqlite.replace("{{AT_MS}}", AT_MS.sqlite), postgres: s.postgres.replace("{{AT_MS}}", AT_MS.postgres) };
}

const firstPage = withTimeMs(statement("board_first_page", `${SELECT} ${ORDER}`));
// `score <= ?` bounds the index range, so each page starts where the last one stopped.
const nextPage = withTimeMs(
  statement("board_next_page", `${SELECT} AND "score" <= ? AND ("score" < ? OR "achievedAt" > ? OR ("achievedAt" = ? AND "runId"{{C}} > ?)) ${ORDER}`),
);
const boardSize = statement("board_size", `SELECT COUNT(*) AS "n" FROM "BoardEntry" WHERE "scenarioId" = ? AND "periodKind" = ? AND "periodKey" = ? AND "tier" = ?`);
// The ORDER BY makes SQLite read Player's disqualifiedAt index (without it, it scans every player: ~0.2-0.5 s at 1 M).
const disqualified = statement("players_disqualified", `SELECT "id" FROM "Player" WHERE "disqualifiedAt" IS NOT NULL ORDER BY "disqualifiedAt"`);

/** Handles are read this many ids at a time (one statement: a shorter list repeats its first id). */
const HANDLE_BATCH = 100;
const handlesById = statement("player_handles", `SELECT "id", "handle" FROM "Player" WHERE "id" IN (${Array(HANDLE_BATCH).fill("?").join(", ")})`);

/** A page's row: a RankRow, then the stored achievedAt (the keyset condition's). */
type BoardRow = [playerId: string, score: number, achievedAt: number, runId: string, runTier: string, fps: number | null, storedAt: unknown];

/**
 * The board's entries in board order as rows (RankRow: no object per entry), page by page, without
 * disqualified players.
 */
export async function* boardRows(db: Db, board: BoardId, pageSize = PAGE_SIZE): AsyncGenerator<RankRow[]> {
  const sql = await sqlOf(db);
  const key = [board.scenarioId, board.periodKind, board.periodKey, board.tier as TierFilter];
  const excluded = new Set((await sql.all<{ id: string }>(disqualified, [])).map((r) => r.id));
  let last: BoardRow | undefined;
  for (;;) {
    const rows = (
      last
        ? await sql.rows(nextPage, [...key, last[1], last[1], last[6], last[6], last[3], pageSize])
        : await sql.rows(firstPage, [...key, pageSize])
    ) as BoardRow[];
    if (rows.length === 0) return;
    yield excluded.size === 0 ? rows : rows.filter((r) => !excluded.has(r[0]));
    if (rows.length < pageSize) return;
    last = rows[rows.length - 1];
  }
}

/** The board's entries in board order as objects, page by page (boardRows), without disqualified players. */
export async function* boardEntries(db: Db, board: BoardId, pageSize = PAGE_SIZE): AsyncGenerator<RankEntry[]> {
  for await (const rows of boardRows(db, board, pageSize)) {
    yield rows.map(([playerId, score, achievedAt, runId, runTier, fps]) => ({ playerId, score, achievedAt, runId, runTier: runTier ?? undefined, fps: fps ?? null }));
  }
}

/** The board's pages (boardRows) with its number of entries, counted first on its index, to size the rank index. */
export async function boardPages(db: Db, board: BoardId): Promise<RankPages> {
  const sql = await sqlOf(db);
  const [counted] = await sql.all<{ n: number }>(boardSize, [board.scenarioId, board.periodKind, board.periodKey, board.tier]);
  return Object.assign(boardRows(db, board), { size: Number(counted?.n ?? 0) });
}

/** The handles of these players (ids without a player are left out). */
export async function handlesOf(db: Db, playerIds: readonly string[]): Promise<Map<string, string>> {
  const handles = new Map<string, string>();
  if (playerIds.length === 0) return handles;
  const sql = await sqlOf(db);
  for (let i = 0; i < playerIds.length; i += HANDLE_BATCH) {
    const ids = playerIds.slice(i, i + HANDLE_BATCH);
    while (ids.length < HANDLE_BATCH) ids.push(ids[0]!);
    for (const r of await sql.all<{ id: string; handle: string }>(handlesById, ids)) handles.set(r.id, r.handle);
  }
  return handles;
}

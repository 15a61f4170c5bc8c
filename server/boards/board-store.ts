/**
 * What the rank store reads from the database: a board's entries in board order with their players'
 * handles, in keyset pages of PAGE_SIZE rows. The board read scans BoardEntry's board-order index
 * (it covers every column of the entry). Handles come from the Player table in one of two ways,
 * whichever reads less: a lookup by primary key per row (random reads, ~9 µs a row at 1 M players
 * on SQLite), or, for a board of more than an eighth of all players, one scan of every player's
 * handle after the entries (~1 µs a player). Disqualified players, who never appear on a board,
 * are left out by one query for the few of them. Rows come as arrays of column values (no object
 * per row) with the time already in epoch ms, and paging keeps the memory a load needs to one page
 * of rows on top of the index it builds.
 *
 * While a board loads, its reads are answered here from the database (boardFromDb): a page or a
 * player's neighbours by keyset on the same index, with handles; a rank by counting the entries
 * before it on the index (its cost grows with the rank: ~0.2 s at rank 500,000 of 1 M on SQLite).
 */
import type { TierFilter } from "../../lib/contracts/boards";
import type { Db } from "../db/client";
import { sqlOf, statement, type Statement } from "../db/sql";
import type { BoardId } from "./board";
import { compareKeys, type NamedEntry, type RankCursor, type RankEntry, type RankPages, type RankRow } from "./rank-index";

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
// The columns of a RankRow, in its order (the handle by a lookup per row, or none), then the key of
// the keyset condition (score and run id are in the row).
const HANDLE = `(SELECT "handle" FROM "Player" p WHERE p."id" = e."playerId")`;
const SELECT = `SELECT "playerId", "score", {{AT_MS}}, "runId", "runTier", "fps", {{HANDLE}}, "achievedAt" FROM "BoardEntry" e
  WHERE "scenarioId" = ? AND "periodKind" = ? AND "periodKey" = ? AND "tier" = ?`;
const ORDER = `ORDER BY "score" DESC, "achievedAt" ASC, "runId"{{C}} ASC LIMIT ?`;

/** The statement with the entry's time in epoch ms and its handle column (`handle`: the per-row lookup, else NULL). */
function boardStatement(name: string, text: string, handle = HANDLE): Statement {
  const s = statement(name, text.replace("{{HANDLE}}", handle));
  return { ...s, sqlite: s.sqlite.replace("{{AT_MS}}", AT_MS.sqlite), postgres: s.postgres.replace("{{AT_MS}}", AT_MS.postgres) };
}

const FIRST = `${SELECT} ${ORDER}`;
// `score <= ?` bounds the index range, so each page starts where the last one stopped.
const NEXT = `${SELECT} AND "score" <= ? AND ("score" < ? OR "achievedAt" > ? OR ("achievedAt" = ? AND "runId"{{C}} > ?)) ${ORDER}`;
const firstPage = boardStatement("board_first_page", FIRST);
const nextPage = boardStatement("board_next_page", NEXT);
const firstPageUnnamed = boardStatement("board_first_page_unnamed", FIRST, "NULL");
const nextPageUnnamed = boardStatement("board_next_page_unnamed", NEXT, "NULL");
// The same index read backwards: the entries just before a key, nearest first.
const previousPage = boardStatement(
  "board_previous_page",
  `${SELECT} AND "score" >= ? AND ("score" > ? OR "achievedAt" < ? OR ("achievedAt" = ? AND "runId"{{C}} < ?))
   ORDER BY "score" ASC, "achievedAt" DESC, "runId"{{C}} DESC LIMIT ?`,
);
const entryOfPlayer = boardStatement("board_entry_of", `${SELECT} AND "playerId" = ? LIMIT ?`);
// The players, counted up to a bound: a day's board of a few entries does not count a million players.
const playersUpTo = statement("players_up_to", `SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM "Player" LIMIT ?) AS "p"`);
// Every player's handle in pages, in the order the table is stored (SQLite's rowid; PostgreSQL's
// primary key): a scan, not a lookup per player.
const handlesPage = {
  ...statement("players_handles_page", `SELECT "id", "handle", "id" FROM "Player" WHERE "id"{{C}} > ? ORDER BY "id"{{C}} LIMIT ?`),
  sqlite: `SELECT "id", "handle", rowid FROM "Player" WHERE rowid > ? ORDER BY rowid LIMIT ?`,
};
const boardSize = statement("board_size", `SELECT COUNT(*) AS "n" FROM "BoardEntry" WHERE "scenarioId" = ? AND "periodKind" = ? AND "periodKey" = ? AND "tier" = ?`);
// The ORDER BY makes SQLite read Player's disqualifiedAt index (without it, it scans every player: ~0.2-0.5 s at 1 M).
const disqualified = statement("players_disqualified", `SELECT "id" FROM "Player" WHERE "disqualifiedAt" IS NOT NULL ORDER BY "disqualifiedAt"`);

/** Disqualified players' entries are read this many ids at a time. */
const ID_BATCH = 100;
const placeholders = (n: number) => Array(n).fill("?").join(", ");
/** A list of ids made `n` long for a statement of `n` placeholders, by repeating its first id (which changes no answer). */
const padded = (ids: string[], n: number) => [...ids, ...Array<string>(n - ids.length).fill(ids[0]!)];

/** A page's row: a RankRow, then the stored achievedAt (the keyset condition's). */
type BoardRow = [playerId: string, score: number, achievedAt: number, runId: string, runTier: string, fps: number | null, handle: string | null, storedAt: unknown];

/**
 * The board's entries in board order as rows (RankRow: no object per entry), page by page, without
 * disqualified players; with their handles unless `handles` is false (the handle column is null).
 */
export async function* boardRows(db: Db, board: BoardId, pageSize = PAGE_SIZE, handles = true): AsyncGenerator<RankRow[]> {
  const [first, next] = handles ? [firstPage, nextPage] : [firstPageUnnamed, nextPageUnnamed];
  const sql = await sqlOf(db);
  const key = [board.scenarioId, board.periodKind, board.periodKey, board.tier as TierFilter];
  const excluded = new Set((await sql.all<{ id: string }>(disqualified, [])).map((r) => r.id));
  let last: BoardRow | undefined;
  for (;;) {
    const rows = (
      last
        ? await sql.rows(next, [...key, last[1], last[1], last[7], last[7], last[3], pageSize])
        : await sql.rows(first, [...key, pageSize])
    ) as BoardRow[];
    if (rows.length === 0) return;
    yield excluded.size === 0 ? rows : rows.filter((r) => !excluded.has(r[0]));
    if (rows.length < pageSize) return;
    last = rows[rows.length - 1];
    await nextTurn();
  }
}

/**
 * SQLite's statements run synchronously: without a turn between pages, a whole load (seconds at 1 M
 * entries) is one turn of the event loop, and no request (nor a read from the database meanwhile) is answered.
 */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Every player's id and handle, page by page, in the order the table is stored. */
async function* allHandles(db: Db, pageSize = PAGE_SIZE): AsyncGenerator<(readonly [id: string, handle: string, ...rest: unknown[]])[]> {
  const sql = await sqlOf(db);
  let after: unknown = sql.provider === "sqlite" ? 0 : "";
  for (;;) {
    const rows = (await sql.rows(handlesPage, [after, pageSize])) as [string, string, unknown][];
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]![2];
    await nextTurn();
  }
}

/** The board's entries in board order as objects, page by page (boardRows), without disqualified players. */
export async function* boardEntries(db: Db, board: BoardId, pageSize = PAGE_SIZE): AsyncGenerator<RankEntry[]> {
  for await (const rows of boardRows(db, board, pageSize)) {
    yield rows.map(([playerId, score, achievedAt, runId, runTier, fps, handle]) => ({ playerId, score, achievedAt, runId, runTier: runTier ?? undefined, fps: fps ?? null, handle: handle ?? undefined }));
  }
}

/** The board's number of entries, disqualified players' included, counted on its index. */
export async function boardSizeOf(db: Db, board: BoardId): Promise<number> {
  const [counted] = await (await sqlOf(db)).all<{ n: number }>(boardSize, [board.scenarioId, board.periodKind, board.periodKey, board.tier]);
  return Number(counted?.n ?? 0);
}

/**
 * The board's pages (boardRows) with its number of entries (boardSizeOf: counted first, or given), to
 * size the rank index. A board of more than an eighth of all players gets its handles from a scan of
 * every player's after its rows (`handles`), not by a lookup per row.
 */
export async function boardPages(db: Db, board: BoardId, size?: number): Promise<RankPages> {
  const entries = size ?? (await boardSizeOf(db, board));
  const [players] = await (await sqlOf(db)).all<{ n: number }>(playersUpTo, [entries * 8]);
  const scan = Number(players?.n ?? 0) < entries * 8;
  return Object.assign(boardRows(db, board, PAGE_SIZE, !scan), { size: entries, handles: scan ? allHandles(db) : undefined });
}

// --- Reads straight from the database, for a board still loading ---------------------------------

const countNotAfter = statement(
  "board_db_count_not_after",
  `SELECT COUNT(*) AS "n" FROM "BoardEntry" WHERE "scenarioId" = ? AND "periodKind" = ? AND "periodKey" = ? AND "tier" = ?
   AND "score" >= ? AND ("score" > ? OR "achievedAt" < ? OR ("achievedAt" = ? AND "runId"{{C}} <= ?))`,
);
const entriesOfPlayers = boardStatement(
  "board_db_entries_of",
  `SELECT "playerId", "score", {{AT_MS}}, "runId" FROM "BoardEntry" WHERE "scenarioId" = ? AND "periodKind" = ? AND "periodKey" = ? AND "tier" = ?
   AND "playerId" IN (${placeholders(ID_BATCH)})`,
);

/** A board read from the database (boardFromDb). */
export interface BoardFromDb {
  /** Entries on the board, counted over its index once (a count at 1 M entries is ~0.4-0.7 s on SQLite). */
  size(): Promise<number>;
  /** How many entries are at or before `cursor` in board order. */
  countNotAfter(cursor: RankCursor): Promise<number>;
  /** `limit` entries from the top, or strictly after `cursor`. */
  after(limit: number, cursor?: RankCursor): Promise<NamedEntry[]>;
  /** `limit` entries strictly before `cursor`, nearest first. */
  before(limit: number, cursor: RankCursor): Promise<NamedEntry[]>;
  /** The player's entry (none for a disqualified player). */
  entryOf(playerId: string): Promise<NamedEntry | undefined>;
}

function named([playerId, score, achievedAt, runId, runTier, fps, handle]: BoardRow): NamedEntry {
  return { playerId, score, achievedAt, runId, runTier, fps: fps ?? null, handle: handle ?? "?" };
}

/** A cursor's key as the keyset conditions bind it: score, score, time, time, run id (the time as the column stores it). */
function keyParams(c: RankCursor): unknown[] {
  const at = new Date(c.achievedAt);
  return [c.score, c.score, at, at, c.runId];
}

/**
 * One board read straight from the database, as the rank index would answer it (board order, ranks
 * as positions, disqualified players left out), for reads while the board's index loads. The entries
 * of disqualified players on the board are read once (few: by the players' index, then the board's
 * unique key) and left out of every page and count.
 */
export async function boardFromDb(db: Db, board: BoardId): Promise<BoardFromDb> {
  const sql = await sqlOf(db);
  const key = [board.scenarioId, board.periodKind, board.periodKey, board.tier as TierFilter];
  const excluded: RankEntry[] = [];
  const ids = (await sql.all<{ id: string }>(disqualified, [])).map((r) => r.id);
  for (let i = 0; i < ids.length; i += ID_BATCH) {
    const batch = padded(ids.slice(i, i + ID_BATCH), ID_BATCH);
    for (const [playerId, score, achievedAt, runId] of (await sql.rows(entriesOfPlayers, [...key, ...batch])) as [string, number, number, string][]) {
      excluded.push({ playerId, score, achievedAt, runId });
    }
  }
  const left = new Set(excluded.map((e) => e.playerId));
  let counted: Promise<number> | undefined;
  /** `limit` entries of a statement's rows, those of disqualified players left out (read as many more). */
  const rows = async (s: Statement, params: unknown[], limit: number) =>
    ((await sql.rows(s, [...key, ...params, limit + left.size])) as BoardRow[])
      .filter((r) => !left.has(r[0]))
      .slice(0, limit)
      .map(named);
  return {
    size(): Promise<number> {
      return (counted ??= boardSizeOf(db, board).then((n) => n - excluded.length));
    },
    async countNotAfter(cursor: RankCursor): Promise<number> {
      const [counted] = await sql.all<{ n: number }>(countNotAfter, [...key, ...keyParams(cursor)]);
      return Number(counted?.n ?? 0) - excluded.filter((e) => compareKeys(e, cursor) <= 0).length;
    },
    after(limit: number, cursor?: RankCursor): Promise<NamedEntry[]> {
      return cursor ? rows(nextPage, keyParams(cursor), limit) : rows(firstPage, [], limit);
    },
    before(limit: number, cursor: RankCursor): Promise<NamedEntry[]> {
      return rows(previousPage, keyParams(cursor), limit);
    },
    async entryOf(playerId: string): Promise<NamedEntry | undefined> {
      return left.has(playerId) ? undefined : (await rows(entryOfPlayer, [playerId], 1))[0];
    },
  };
}

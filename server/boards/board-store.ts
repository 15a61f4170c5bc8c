/**
 * What the rank store reads from the database: a board's entries in board order, in keyset pages of
 * PAGE_SIZE rows, and players' handles by id. The board read touches BoardEntry's board-order index
 * only (it covers every column read, so no row is looked up); handles are read apart, for the rows
 * a read shows (the rank store caches them), and disqualified players, who never appear on a board,
 * are left out by one query for the few of them. Paging keeps the memory a load needs to one page of
 * rows on top of the index it builds.
 */
import type { TierFilter } from "../../lib/contracts/boards";
import type { Db } from "../db/client";
import { readTime, sqlOf, statement } from "../db/sql";
import type { BoardId } from "./board";
import type { RankEntry, RankPages } from "./rank-index";

/** Small pages: each page's rows are garbage before the collector would promote them, so a load adds little beyond the index. */
export const PAGE_SIZE = 5_000;

const SELECT = `SELECT "playerId", "score", "achievedAt", "runId", "runTier", "fps" FROM "BoardEntry"
  WHERE "scenarioId" = ? AND "periodKind" = ? AND "periodKey" = ? AND "tier" = ?`;
const ORDER = `ORDER BY "score" DESC, "achievedAt" ASC, "runId"{{C}} ASC LIMIT ?`;

const firstPage = statement("board_first_page", `${SELECT} ${ORDER}`);
// `score <= ?` bounds the index range, so each page starts where the last one stopped.
const nextPage = statement(
  "board_next_page",
  `${SELECT} AND "score" <= ? AND ("score" < ? OR "achievedAt" > ? OR ("achievedAt" = ? AND "runId"{{C}} > ?)) ${ORDER}`,
);
const boardSize = statement("board_size", `SELECT COUNT(*) AS "n" FROM "BoardEntry" WHERE "scenarioId" = ? AND "periodKind" = ? AND "periodKey" = ? AND "tier" = ?`);
const disqualified = statement("players_disqualified", `SELECT "id" FROM "Player" WHERE "disqualifiedAt" IS NOT NULL`);

/** Handles are read this many ids at a time (one statement: a shorter list repeats its first id). */
const HANDLE_BATCH = 100;
const handlesById = statement("player_handles", `SELECT "id", "handle" FROM "Player" WHERE "id" IN (${Array(HANDLE_BATCH).fill("?").join(", ")})`);

interface Raw {
  playerId: string;
  score: number;
  achievedAt: unknown;
  runId: string;
  runTier: string;
  fps: number | null;
}

/** The board's entries in board order, page by page, without disqualified players. */
export async function* boardEntries(db: Db, board: BoardId, pageSize = PAGE_SIZE): AsyncGenerator<RankEntry[]> {
  const sql = await sqlOf(db);
  const key = [board.scenarioId, board.periodKind, board.periodKey, board.tier as TierFilter];
  const excluded = new Set((await sql.all<{ id: string }>(disqualified, [])).map((r) => r.id));
  let last: Raw | undefined;
  for (;;) {
    const rows = last
      ? await sql.all<Raw & Record<string, unknown>>(nextPage, [...key, last.score, last.score, last.achievedAt, last.achievedAt, last.runId, pageSize])
      : await sql.all<Raw & Record<string, unknown>>(firstPage, [...key, pageSize]);
    if (rows.length === 0) return;
    const page: RankEntry[] = [];
    for (const r of rows) {
      if (excluded.has(r.playerId)) continue;
      page.push({ playerId: r.playerId, score: r.score, achievedAt: readTime(r.achievedAt).getTime(), runId: r.runId, runTier: r.runTier, fps: r.fps });
    }
    yield page;
    if (rows.length < pageSize) return;
    last = rows[rows.length - 1];
  }
}

/** The board's pages (boardEntries) with its number of entries, counted first on its index, to size the rank index. */
export async function boardPages(db: Db, board: BoardId): Promise<RankPages> {
  const sql = await sqlOf(db);
  const [counted] = await sql.all<{ n: number }>(boardSize, [board.scenarioId, board.periodKind, board.periodKey, board.tier]);
  return Object.assign(boardEntries(db, board), { size: Number(counted?.n ?? 0) });
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

/**
 * A board's entries read from the database for the rank store, in keyset pages of PAGE_SIZE rows in
 * board order (the BoardEntry index already keeps them in that order), each with the player's handle.
 * Disqualified players are left out: they never appear on a board. Paging keeps the memory a load
 * needs to one page of rows on top of the index it builds.
 */
import type { TierFilter } from "../../lib/contracts/boards";
import type { Db } from "../db/client";
import { readTime, sqlOf, statement } from "../db/sql";
import type { BoardId } from "./board";
import type { RankEntry } from "./rank-index";

export const PAGE_SIZE = 50_000;

/** A board entry with what a page of the board shows. */
export interface BoardEntryRow extends RankEntry {
  handle: string;
}

const SELECT = `SELECT e."playerId", e."score", e."achievedAt", e."runId", e."runTier", e."fps", p."handle"
  FROM "BoardEntry" e JOIN "Player" p ON p."id" = e."playerId"
  WHERE e."scenarioId" = ? AND e."periodKind" = ? AND e."periodKey" = ? AND e."tier" = ? AND p."disqualifiedAt" IS NULL`;
const ORDER = `ORDER BY e."score" DESC, e."achievedAt" ASC, e."runId"{{C}} ASC LIMIT ?`;

const firstPage = statement("board_first_page", `${SELECT} ${ORDER}`);
const nextPage = statement(
  "board_next_page",
  `${SELECT} AND (e."score" < ? OR (e."score" = ? AND e."achievedAt" > ?) OR (e."score" = ? AND e."achievedAt" = ? AND e."runId"{{C}} > ?)) ${ORDER}`,
);

interface Raw {
  playerId: string;
  score: number;
  achievedAt: unknown;
  runId: string;
  runTier: string;
  fps: number | null;
  handle: string;
}

/** The board's entries in board order, page by page. */
export async function* boardEntries(db: Db, board: BoardId, pageSize = PAGE_SIZE): AsyncGenerator<BoardEntryRow[]> {
  const sql = await sqlOf(db);
  const key = [board.scenarioId, board.periodKind, board.periodKey, board.tier as TierFilter];
  let last: Raw | undefined;
  for (;;) {
    const rows = last
      ? await sql.all<Raw & Record<string, unknown>>(nextPage, [...key, last.score, last.score, last.achievedAt, last.score, last.achievedAt, last.runId, pageSize])
      : await sql.all<Raw & Record<string, unknown>>(firstPage, [...key, pageSize]);
    if (rows.length === 0) return;
    yield rows.map((r) => ({
      playerId: r.playerId,
      score: r.score,
      achievedAt: readTime(r.achievedAt).getTime(),
      runId: r.runId,
      runTier: r.runTier,
      fps: r.fps,
      handle: r.handle,
    }));
    if (rows.length < pageSize) return;
    last = rows[rows.length - 1];
  }
}

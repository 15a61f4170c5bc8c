/**
 * The board export (GET /api/admin/exports/board.csv): a closed period's frozen standings when the
 * board has a close (PeriodClose.standings, what its prizes were decided on), otherwise the board as
 * it stands, read from the rank store in keyset pages (server/boards/read.ts), as the board API shows it.
 */
import type { BoardExportQuery } from "../../lib/contracts/exports";
import type { BoardId } from "../boards/board";
import type { RankStore } from "../boards/ranks";
import { readBoardPage, resolveBoard } from "../boards/read";
import type { Challenge } from "../challenge/challenge";
import type { Standing } from "../closes/standings";
import type { Db } from "../db/client";
import type { CsvValue } from "./csv";

export const BOARD_HEADER = ["rank", "handle", "player_id", "score", "achieved_at", "run_id", "run_tier"] as const;

/** Entries read from the rank store at a time. */
export const BOARD_PAGE = 500;

export interface BoardExport {
  board: BoardId;
  /** frozen: the close's standings; live: the board now. */
  source: "frozen" | "live";
  filename: string;
  rows: AsyncGenerator<CsvValue[]>;
}

export async function boardExport(db: Db, ranks: RankStore, challenge: Challenge, query: BoardExportQuery, now: Date, pageSize = BOARD_PAGE): Promise<BoardExport> {
  const { board } = await resolveBoard(db, challenge, { scenarioId: query.scenario, period: query.period, tier: query.tier, key: query.key }, now);
  const close = await db.periodClose.findUnique({
    where: { challengeId_scenarioId_periodKind_periodKey_tier: { challengeId: challenge.id, ...board } },
    select: { standings: true },
  });
  const source = close ? "frozen" : "live";
  return {
    board,
    source,
    filename: `board-${board.scenarioId}-${board.periodKind}-${board.periodKey}-${board.tier}-${source}.csv`,
    rows: close ? frozenRows(close.standings as unknown as Standing[]) : liveRows(ranks, board, pageSize),
  };
}

async function* frozenRows(standings: Standing[]): AsyncGenerator<CsvValue[]> {
  for (const s of standings) yield [s.rank, s.handle, s.playerId, s.score, s.achievedAt, s.runId, s.runTier];
}

async function* liveRows(ranks: RankStore, board: BoardId, pageSize: number): AsyncGenerator<CsvValue[]> {
  let cursor: string | undefined;
  do {
    const page = await readBoardPage(ranks, board, pageSize, cursor);
    for (const e of page.entries) yield [e.rank, e.player.handle, e.player.id, e.score, e.achievedAt, e.runId, e.tier];
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

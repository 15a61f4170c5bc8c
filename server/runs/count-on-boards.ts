/**
 * Which boards a verified run is written on, decided in the transaction that makes it verified (a
 * finish, or an admin clearing a flagged run): the boards of the periods containing its finish time
 * (boards/record.ts `boardsFor`), none when its player is disqualified. The write itself is
 * `recordOnBoards` in the same transaction; after the commit, boards/publish.ts `publishEntries`, and
 * the answer's ranks are read from the rank store (`ranksOfRun`).
 *
 * A period's standings are frozen once it is closed. A finish in flight across a close counts for the
 * periods of now instead (`whenClosed: "count_now"`); a run cleared after its period closed counts
 * only on its periods that are still open (`"skip"`): it entered those at the time it was achieved.
 */
import type { BoardRank } from "../../lib/contracts/runs";
import type { BoardId } from "../boards/board";
import { periodsFor } from "../boards/periods";
import type { RankStore } from "../boards/ranks";
import { boardsFor } from "../boards/record";
import type { Challenge } from "../challenge/challenge";
import { lockForBoardWrite } from "../closes/close";
import type { Provider } from "../db/provider";
import type { Queries } from "../db/sql";
import type { TierName } from "../../game/core";
import { periodClosed } from "./finish-store";

export interface RunToCount {
  playerId: string;
  scenarioId: string;
  tier: TierName;
  finishedAt: Date;
}

/** The boards to write and the time the run counts at (its finish time, or now when moved past a close). */
export async function boardsToCount(
  q: Queries,
  provider: Provider,
  challenge: Challenge,
  run: RunToCount,
  whenClosed: "count_now" | "skip",
): Promise<{ countedAt: Date; boards: BoardId[] }> {
  const boards = boardsFor(run, challenge);
  const { playerDisqualified } = await lockForBoardWrite(q, provider, challenge.id, boards, run.playerId);
  if (playerDisqualified) return { countedAt: run.finishedAt, boards: [] };
  const closed = await closedPeriods(q, challenge, run.scenarioId, run.finishedAt);
  if (closed.size === 0) return { countedAt: run.finishedAt, boards };
  if (whenClosed === "skip") return { countedAt: run.finishedAt, boards: boards.filter((b) => !closed.has(`${b.periodKind}|${b.periodKey}`)) };
  const now = new Date();
  return { countedAt: now, boards: boardsFor({ ...run, finishedAt: now }, challenge) };
}

/**
 * The periods containing `at` that were closed ("kind|key"). A period is closed only after it ended,
 * so this asks the database only for periods that ended before now (for a finish, rare: one in
 * flight across midnight).
 */
async function closedPeriods(q: Queries, challenge: Challenge, scenarioId: string, at: Date): Promise<Set<string>> {
  const closed = new Set<string>();
  const now = Date.now();
  for (const period of periodsFor(at, challenge)) {
    if (period.endsAt && period.endsAt.getTime() <= now && (await periodClosed(q, challenge.id, scenarioId, period.kind, period.key))) {
      closed.add(`${period.kind}|${period.key}`);
    }
  }
  return closed;
}

/**
 * The run's place on each of `boards`, from the rank store: the player's rank, and whether this run
 * is their entry there (it improved the board).
 */
export async function ranksOfRun(ranks: Pick<RankStore, "around">, boards: readonly BoardId[], run: { id: string; playerId: string }): Promise<BoardRank[]> {
  return Promise.all(
    boards.map(async (board) => {
      const at = await ranks.around(board, run.playerId, 0);
      return {
        scenario: board.scenarioId,
        period: board.periodKind,
        key: board.periodKey,
        tier: board.tier,
        rank: at?.rank ?? null,
        improved: at?.entries[0]?.runId === run.id,
      };
    }),
  );
}

/**
 * Staff clear a flagged run (POST /api/admin/review/:runId/clear): it becomes `verified` and enters its
 * boards at the time it was achieved (its finish time), exactly as a verified finish writes them
 * (runs/count-on-boards.ts, boards/record.ts): keep-best, none for a disqualified player, and not the
 * boards of a period closed since (their standings are frozen). In one transaction with its audit
 * entry (`run.cleared`). After the commit the rank store and live subscribers catch up, and the answer
 * carries the run's rank on each board. A run that is not flagged is a 409, changing nothing.
 */
import { getTier } from "../../game/core";
import type { ClearRunAnswer } from "../../lib/contracts/review";
import type { BoardId } from "../boards/board";
import { publishEntries, type BoardServices } from "../boards/publish";
import { recordOnBoards } from "../boards/record";
import { currentChallenge } from "../challenge/challenge";
import type { Db } from "../db/client";
import { readTime, sqlOf, statement } from "../db/sql";
import { withRetries } from "../db/transact";
import { Conflict, NotFound } from "../errors";
import { boardsToCount, ranksOfRun } from "../runs/count-on-boards";
import { auditWithQueries } from "../runs/finish-store";

const readRun = statement(
  "review_read_run",
  `SELECT r."playerId", r."scenarioId", r."tier", r."score", r."fps", r."finishedAt", r."verdict", r."reasonCode", p."handle"
   FROM "Run" r JOIN "Player" p ON p."id" = r."playerId" WHERE r."id" = ?`,
);
const markVerified = statement("review_clear_run", `UPDATE "Run" SET "verdict" = 'verified' WHERE "id" = ? AND "verdict" = 'flagged'`);

interface FlaggedRun {
  playerId: string;
  scenarioId: string;
  tier: string;
  score: number | null;
  fps: number | null;
  finishedAt: unknown;
  verdict: string | null;
  reasonCode: string | null;
  handle: string;
}

export async function clearRun(db: Db, services: BoardServices, input: { runId: string; adminId: string; note?: string; now?: Date }): Promise<ClearRunAnswer> {
  const [sql, challenge] = await Promise.all([sqlOf(db), currentChallenge(db)]);
  const done = await withRetries(() =>
    sql.transaction(async (q) => {
      const [run] = await q.all<FlaggedRun & Record<string, unknown>>(readRun, [input.runId]);
      if (!run) throw new NotFound("run_not_found", "No run with that id.");
      if (run.verdict !== "flagged") throw new Conflict("run_not_flagged", `This run is ${run.verdict ?? "unfinished"}, not flagged: there is nothing to review.`);
      const tier = getTier(run.tier)!.name;
      const achieved = { runId: input.runId, playerId: run.playerId, scenarioId: run.scenarioId, tier, score: run.score ?? 0, finishedAt: readTime(run.finishedAt), fps: run.fps };
      const { boards } = await boardsToCount(q, sql.provider, challenge, achieved, "skip");
      // The verdict in the WHERE: of two decisions at once, one changes the run and the other is refused.
      if ((await q.run(markVerified, [input.runId])) !== 1) throw new Conflict("run_not_flagged", "This run was decided a moment ago.");
      const improved: BoardId[] = await recordOnBoards(q, achieved, boards);
      await auditWithQueries(
        q,
        {
          actorType: "admin",
          actorId: input.adminId,
          action: "run.cleared",
          targetType: "run",
          targetId: input.runId,
          details: { playerId: run.playerId, note: input.note ?? null, reasonCode: run.reasonCode, score: achieved.score, boards: boards.length },
        },
        input.now ?? new Date(),
      );
      return { achieved, boards, improved, handle: run.handle };
    }),
  );
  const { achieved, handle } = done;
  const entry = { playerId: achieved.playerId, score: achieved.score, achievedAt: achieved.finishedAt.getTime(), runId: achieved.runId, runTier: achieved.tier, fps: achieved.fps };
  await publishEntries(services, done.improved.map((board) => ({ board, entry })), handle);
  return { ranks: await ranksOfRun(services.ranks, done.boards, { id: achieved.runId, playerId: achieved.playerId }) };
}

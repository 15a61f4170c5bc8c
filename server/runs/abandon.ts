/**
 * Abandoning a run: the player gives up a run they started (Esc, a closed tab). The run is closed as
 * `abandoned`, which frees its place among the player's open runs; abandoned runs (and runs left to
 * expire) are counted per player for the operators' review.
 */
import type { Db } from "../db/client";
import { Conflict, Forbidden, NotFound } from "../errors";

export async function abandonRun(db: Db, input: { runId: string; playerId: string; now?: Date }): Promise<void> {
  const now = input.now ?? new Date();
  const closed = await db.run.updateMany({
    where: { id: input.runId, playerId: input.playerId, finishedAt: null },
    data: { finishedAt: now, verdict: "abandoned", reasonCode: "abandoned" },
  });
  if (closed.count === 1) return;
  const run = await db.run.findUnique({ where: { id: input.runId }, select: { playerId: true } });
  if (!run) throw new NotFound("run_not_found", "No run with that id.");
  if (run.playerId !== input.playerId) throw new Forbidden("run_not_yours", "That run belongs to another player.");
  throw new Conflict("run_already_finished", "That run is already over.");
}

/** The runs started and never finished at `now`: abandoned, or left to expire (a Prisma filter on Run). */
export const abandonedRunsWhere = (now: Date) => ({ OR: [{ verdict: "abandoned" }, { finishedAt: null, expiresAt: { lte: now } }] });

/** Runs the player started and never finished: abandoned, or left to expire. */
export async function abandonedRunCount(db: Db, playerId: string, now = new Date()): Promise<number> {
  return db.run.count({ where: { playerId, ...abandonedRunsWhere(now) } });
}

/**
 * Staff reject a flagged run (POST /api/admin/review/:runId/reject): it becomes `rejected` and never
 * counts. Audited as `run.rejected` (by the admin, with their note) in the same transaction. A run
 * that is not flagged (decided already, or never flagged) is a 409, changing nothing.
 */
import { audit } from "../audit";
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import { Conflict, NotFound } from "../errors";

export async function rejectRun(db: Db, input: { runId: string; adminId: string; note: string }): Promise<void> {
  await transact(db, async (tx) => {
    const run = await tx.run.findUnique({ where: { id: input.runId }, select: { playerId: true, verdict: true, reasonCode: true, score: true } });
    if (!run) throw new NotFound("run_not_found", "No run with that id.");
    const { count } = await tx.run.updateMany({ where: { id: input.runId, verdict: "flagged" }, data: { verdict: "rejected" } });
    if (count === 0) throw new Conflict("run_not_flagged", `This run is ${run.verdict ?? "unfinished"}, not flagged: there is nothing to review.`);
    await audit(tx, {
      actorType: "admin",
      actorId: input.adminId,
      action: "run.rejected",
      targetType: "run",
      targetId: input.runId,
      details: { playerId: run.playerId, note: input.note, reasonCode: run.reasonCode, score: run.score },
    });
  });
}

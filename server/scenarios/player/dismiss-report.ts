/**
 * An admin dismisses a report (nothing wrong with the scenario): the report is resolved and leaves
 * the queue; the scenario is untouched. Audited (`scenario_report.dismissed`) in the same
 * transaction. A report already resolved is a 409 report_already_resolved.
 */
import { audit } from "../../audit";
import type { Db } from "../../db/client";
import { transact } from "../../db/transact";
import { Conflict, NotFound } from "../../errors";

export async function dismissReport(db: Db, input: { adminId: string; reportId: string; note?: string; now?: Date }): Promise<{ resolvedAt: string }> {
  const now = input.now ?? new Date();
  return transact(db, async (tx) => {
    const report = await tx.scenarioReport.findUnique({ where: { id: input.reportId } });
    if (!report) throw new NotFound("report_not_found", "No report with that id.");
    // The state in the WHERE: of two admins deciding at once, one resolves it and the other is refused.
    const changed = await tx.scenarioReport.updateMany({ where: { id: report.id, resolvedAt: null }, data: { resolvedAt: now } });
    if (changed.count !== 1) throw new Conflict("report_already_resolved", `This report was resolved on ${(report.resolvedAt ?? now).toISOString()}.`);
    await audit(tx, {
      actorType: "admin",
      actorId: input.adminId,
      action: "scenario_report.dismissed",
      targetType: "player_scenario",
      targetId: report.playerScenarioId,
      details: { reportId: report.id, reporterId: report.reporterId, reason: report.reason, note: input.note ?? null },
    });
    return { resolvedAt: now.toISOString() };
  });
}

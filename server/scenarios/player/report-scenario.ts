/**
 * A player reports a player-made scenario to the admins (the moderation queue), with a reason. Only
 * what the player can see is reportable (published, not hidden); never their own; once per player
 * (409 already_reported); guests choose a handle first, as for making scenarios.
 */
import type { Db } from "../../db/client";
import { transact } from "../../db/transact";
import { Conflict, Forbidden, NotFound } from "../../errors";
import { isUniqueViolation } from "../../players/players";

export async function reportScenario(db: Db, input: { reporter: { id: string; guest: boolean }; id: string; reason: string }): Promise<{ id: string; createdAt: string }> {
  if (input.reporter.guest) throw new Forbidden("handle_required", "Choose a handle first: reports are made by named players.");
  try {
    const report = await transact(db, async (tx) => {
      const row = await tx.playerScenario.findUnique({ where: { id: input.id } });
      if (!row || row.publishedScenarioId === null || row.hiddenAt) throw new NotFound("scenario_not_found", "No such player-made scenario.");
      if (row.authorId === input.reporter.id) throw new Forbidden("own_scenario", "This is your own scenario: unpublish it instead of reporting it.");
      const earlier = await tx.scenarioReport.findUnique({ where: { playerScenarioId_reporterId: { playerScenarioId: row.id, reporterId: input.reporter.id } } });
      if (earlier) throw alreadyReported();
      return tx.scenarioReport.create({ data: { playerScenarioId: row.id, reporterId: input.reporter.id, reason: input.reason } });
    });
    return { id: report.id, createdAt: report.createdAt.toISOString() };
  } catch (err) {
    // Two reports at once from the same player: the second one loses on the unique key.
    if (isUniqueViolation(err)) throw alreadyReported();
    throw err;
  }
}

const alreadyReported = () => new Conflict("already_reported", "You have already reported this scenario; the admins will look at it.");

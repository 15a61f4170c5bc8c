/**
 * An admin hides a player-made scenario: it leaves the listing and the share page (for everyone but
 * its author), no new runs start on any of its versions, and its open reports are resolved. Its
 * boards stay readable and say it is hidden (server/boards/read.ts). Audited (`scenario.hidden`) in
 * the same transaction. Hiding a hidden scenario is a 409 scenario_already_hidden.
 */
import { audit } from "../../audit";
import type { Db } from "../../db/client";
import { transact } from "../../db/transact";
import { Conflict, NotFound } from "../../errors";

export async function hideScenario(db: Db, input: { adminId: string; id: string; reason: string; now?: Date }): Promise<{ hiddenAt: string; reportsResolved: number }> {
  const now = input.now ?? new Date();
  return transact(db, async (tx) => {
    const row = await tx.playerScenario.findUnique({ where: { id: input.id } });
    if (!row) throw new NotFound("scenario_not_found", "No such player-made scenario.");
    // The state in the WHERE: of two admins hiding it at once, one hides it and the other is refused.
    const changed = await tx.playerScenario.updateMany({ where: { id: row.id, hiddenAt: null }, data: { hiddenAt: now, hiddenReason: input.reason } });
    if (changed.count !== 1) throw new Conflict("scenario_already_hidden", `This scenario was hidden on ${(row.hiddenAt ?? now).toISOString()}.`);
    await tx.scenario.updateMany({ where: { playerScenarioId: row.id }, data: { active: false } });
    const resolved = await tx.scenarioReport.updateMany({ where: { playerScenarioId: row.id, resolvedAt: null }, data: { resolvedAt: now } });
    await audit(tx, {
      actorType: "admin",
      actorId: input.adminId,
      action: "scenario.hidden",
      targetType: "player_scenario",
      targetId: row.id,
      details: { code: row.code, name: row.name, authorId: row.authorId, reason: input.reason, reportsResolved: resolved.count },
    });
    return { hiddenAt: now.toISOString(), reportsResolved: resolved.count };
  });
}

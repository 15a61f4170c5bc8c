/**
 * An admin lifts a hide: the scenario is listed and shared again and, unless its author unpublished
 * it meanwhile, its versions are playable again. Audited (`scenario.unhidden`) in the same
 * transaction. A scenario that is not hidden is a 409 scenario_not_hidden.
 */
import { audit } from "../../audit";
import type { Db } from "../../db/client";
import { transact } from "../../db/transact";
import { Conflict, NotFound } from "../../errors";

export async function unhideScenario(db: Db, input: { adminId: string; id: string; note?: string }): Promise<{ playable: boolean }> {
  return transact(db, async (tx) => {
    const row = await tx.playerScenario.findUnique({ where: { id: input.id } });
    if (!row) throw new NotFound("scenario_not_found", "No such player-made scenario.");
    if (!row.hiddenAt) throw new Conflict("scenario_not_hidden", "This scenario is not hidden.");
    await tx.playerScenario.update({ where: { id: row.id }, data: { hiddenAt: null, hiddenReason: null } });
    const playable = row.publishedScenarioId !== null && row.unpublishedAt === null;
    if (playable) await tx.scenario.updateMany({ where: { playerScenarioId: row.id }, data: { active: true } });
    await audit(tx, {
      actorType: "admin",
      actorId: input.adminId,
      action: "scenario.unhidden",
      targetType: "player_scenario",
      targetId: row.id,
      details: { code: row.code, hiddenReason: row.hiddenReason, note: input.note ?? null, playable },
    });
    return { playable };
  });
}

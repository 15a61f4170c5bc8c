/**
 * The author unpublishes a scenario: no new runs on any of its versions (each version's Scenario
 * becomes inactive), and it leaves the listing. Its runs and boards are kept, readable as before.
 * Publishing again (publish-player-scenario.ts) makes it playable again. Unpublishing an unpublished
 * scenario changes nothing; one never published is a 409 scenario_not_published.
 */
import type { PlayerScenarioView } from "../../../lib/contracts/player-scenarios";
import type { Db } from "../../db/client";
import { transact } from "../../db/transact";
import { Conflict } from "../../errors";
import { authoredScenario } from "./authored";
import { readPlayerScenario } from "./view";

export async function unpublishScenario(db: Db, input: { authorId: string; id: string; now?: Date }): Promise<PlayerScenarioView> {
  await transact(db, async (tx) => {
    const row = await authoredScenario(tx, input.id, input.authorId);
    if (row.publishedScenarioId === null) throw new Conflict("scenario_not_published", "This scenario was never published: there is nothing to unpublish.");
    if (row.unpublishedAt) return;
    await tx.playerScenario.update({ where: { id: row.id }, data: { unpublishedAt: input.now ?? new Date() } });
    await tx.scenario.updateMany({ where: { playerScenarioId: row.id }, data: { active: false } });
  });
  return readPlayerScenario(db, { id: input.id }, input.authorId);
}

/**
 * Whether a scenario id is a version of a player-made scenario an admin hid: its boards say so. A
 * built-in (any id not shaped "<code>-v<n>") costs no query: board reads are the hottest requests.
 */
import { isVersionScenarioId } from "../../../lib/contracts/player-scenarios";
import type { Db } from "../../db/client";

export async function scenarioHidden(db: Db, scenarioId: string): Promise<boolean> {
  if (!isVersionScenarioId(scenarioId)) return false;
  const row = await db.scenario.findUnique({ where: { id: scenarioId }, select: { playerScenario: { select: { hiddenAt: true } } } });
  return Boolean(row?.playerScenario?.hiddenAt);
}

/**
 * Short scenarios for tests that play real runs through the server: a built-in scenario under an id
 * of its own with a duration of a few seconds, stored in the database before the server starts, as
 * the seed stores the built-ins. (Under its own id, the seed's sync on each start leaves it as is.)
 */
import { parseScenario, type Scenario } from "../../game/core";
import type { Db } from "../../server/db/client";
import { storeScenario } from "../../server/scenarios/sync";
import { scenario } from "./bots";

export async function storeShortScenario(db: Db, baseId = "gridshot-sprint", durationMs = 3000): Promise<Scenario> {
  const short = parseScenario({ ...scenario(baseId), id: `${baseId}-${durationMs}ms`, durationMs });
  await storeScenario(db, short);
  return short;
}

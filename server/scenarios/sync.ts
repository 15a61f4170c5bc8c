/**
 * Keeps the Scenario tables in step with the built-in scenarios of game/: each definition is stored
 * once per content hash, so a run pins the exact version it was played on.
 */
import { builtInScenarios, scenarioHash, type Scenario } from "../../game/core";
import type { Db } from "../db/client";
import { transact } from "../db/transact";

export async function syncScenarios(db: Db): Promise<void> {
  for (const scenario of builtInScenarios) await storeScenario(db, scenario);
}

/** Makes `scenario` playable: its definition stored under its content hash, and that version current. */
export async function storeScenario(db: Db, scenario: Scenario): Promise<void> {
  const version = scenarioHash(scenario);
  await transact(db, async (tx) => {
    await tx.scenario.upsert({
      where: { id: scenario.id },
      create: { id: scenario.id, name: scenario.name, kind: scenario.kind, currentVersion: version },
      update: { name: scenario.name, kind: scenario.kind, currentVersion: version },
    });
    await tx.scenarioVersion.upsert({
      where: { scenarioId_version: { scenarioId: scenario.id, version } },
      create: { scenarioId: scenario.id, version, definition: scenario as object },
      update: {},
    });
  });
}

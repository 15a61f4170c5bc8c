/** The playable scenarios, as stored (each pinned to its current version); booth variants are played at kiosks only. */
import type { Scenario } from "../../game/core";
import type { Db } from "../db/client";
import { NotFound } from "../errors";

export interface ScenarioSummary {
  id: string;
  name: string;
  kind: string;
  version: string;
  durationMs: number;
}

export async function listScenarios(db: Db): Promise<ScenarioSummary[]> {
  const rows = await db.scenario.findMany({ where: { active: true, variantOf: null }, orderBy: { createdAt: "asc" }, include: { versions: true } });
  return rows.map((s) => {
    const current = s.versions.find((v) => v.version === s.currentVersion)!;
    return { id: s.id, name: s.name, kind: s.kind, version: s.currentVersion, durationMs: (current.definition as Scenario).durationMs };
  });
}

export async function getScenarioDefinition(db: Db, id: string) {
  const s = await db.scenario.findUnique({ where: { id } });
  if (!s || !s.active) throw new NotFound("scenario_not_found", `No playable scenario "${id}".`);
  const v = await db.scenarioVersion.findUniqueOrThrow({ where: { scenarioId_version: { scenarioId: id, version: s.currentVersion } } });
  return { id: s.id, name: s.name, kind: s.kind, version: v.version, definition: v.definition as Scenario };
}

/** The playable scenarios, as stored (each pinned to its current version); booth variants are played at kiosks only. */
import { parseScenario, type Scenario } from "../../game/core";
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
  const rows = await db.scenario.findMany({ where: { active: true, variantOf: null, playerScenarioId: null }, orderBy: { createdAt: "asc" }, include: { versions: true } });
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

/**
 * The definitions runs are replayed on, by (scenario, version). A version is a content hash, so a
 * loaded definition never changes: it is kept for the life of the process (shared on globalThis by
 * the route bundles and server.ts).
 */
const registry = globalThis as typeof globalThis & { __flickboardScenarioVersions?: Map<string, Promise<Scenario>> };
const versions = (registry.__flickboardScenarioVersions ??= new Map());

export function scenarioVersion(db: Db, scenarioId: string, version: string): Promise<Scenario> {
  const key = `${scenarioId}@${version}`;
  let found = versions.get(key);
  if (!found) {
    found = db.scenarioVersion
      .findUniqueOrThrow({ where: { scenarioId_version: { scenarioId, version } }, select: { definition: true } })
      .then((v) => parseScenario(v.definition));
    found.catch(() => versions.delete(key));
    versions.set(key, found);
  }
  return found;
}

/** How long the set of scenario ids is trusted before it is read again (a new scenario shows up within this). */
const IDS_MS = 30_000;
const idCache = new WeakMap<Db, { ids: Promise<Set<string>>; at: number }>();

/** Whether a scenario (playable or not) exists: boards of any stored scenario can be read. */
export async function scenarioExists(db: Db, id: string): Promise<boolean> {
  const now = Date.now();
  let hit = idCache.get(db);
  if (!hit || now - hit.at > IDS_MS) {
    hit = { ids: db.scenario.findMany({ select: { id: true } }).then((rows) => new Set(rows.map((r) => r.id))), at: now };
    hit.ids.catch(() => idCache.delete(db));
    idCache.set(db, hit);
  }
  if ((await hit.ids).has(id)) return true;
  // Not in the cached set: a scenario added since is found by its key.
  return (await db.scenario.count({ where: { id } })) > 0;
}

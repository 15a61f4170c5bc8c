/**
 * Booth variants: a kiosk may play a scenario at a run length of its own (a short run keeps the
 * queue moving). The variant is the scenario's current definition with another duration, stored as
 * a scenario of its own ("gridshot-20s", "Gridshot (20 s)", variantOf "gridshot") with its version
 * pinned by content hash like any other, so the replay, the verifier and the boards treat it as a
 * scenario, and its scores never share a board with runs of another length. Variants are played at
 * kiosks only and are not listed in the catalog.
 */
import { parseScenario, scenarioHash, type Scenario } from "../../game/core";
import type { Db } from "../db/client";
import { Conflict } from "../errors";

type Tx = Pick<Db, "scenario" | "scenarioVersion">;

/**
 * The scenario a kiosk plays: `baseId` itself when the run length is its own (or not given), else
 * its variant at `runSeconds`, created or brought up to date with the base's current definition.
 * Null when `baseId` names no playable scenario.
 */
export async function boothScenario(tx: Tx, baseId: string, runSeconds: number | undefined): Promise<{ id: string; name: string; durationMs: number } | null> {
  const base = await tx.scenario.findUnique({ where: { id: baseId }, include: { versions: true } });
  if (!base || !base.active || base.variantOf) return null;
  const definition = parseScenario(base.versions.find((v) => v.version === base.currentVersion)!.definition);
  if (runSeconds === undefined || runSeconds * 1000 === definition.durationMs) return { id: base.id, name: base.name, durationMs: definition.durationMs };

  const variant: Scenario = parseScenario({ ...definition, id: `${base.id}-${runSeconds}s`, name: `${definition.name} (${runSeconds} s)`, durationMs: runSeconds * 1000 });
  const existing = await tx.scenario.findUnique({ where: { id: variant.id } });
  if (existing && existing.variantOf !== base.id) throw new Conflict("conflict", `A scenario "${variant.id}" exists and is not a booth variant of "${base.id}".`);
  const version = scenarioHash(variant);
  await tx.scenario.upsert({
    where: { id: variant.id },
    create: { id: variant.id, name: variant.name, kind: variant.kind, currentVersion: version, variantOf: base.id },
    update: { name: variant.name, currentVersion: version },
  });
  await tx.scenarioVersion.upsert({
    where: { scenarioId_version: { scenarioId: variant.id, version } },
    create: { scenarioId: variant.id, version, definition: variant as object },
    update: {},
  });
  return { id: variant.id, name: variant.name, durationMs: variant.durationMs };
}

/** Starting a run: the server picks the seed and keeps its own start time. */
import crypto from "node:crypto";
import { getTier, parseSeed, seedToHex, type TierName } from "../../game/core";
import type { Db } from "../db/client";
import { NotFound } from "../errors";

/** Time a player has beyond the run's duration to finish it (countdown, a slow upload). */
export const FINISH_GRACE_MS = 120_000;

export interface StartedRun {
  runId: string;
  seed: string;
  scenario: { id: string; version: string };
  tier: { name: TierName; fpsCap: number; addedLatencyMs: number };
  startedAt: string;
  expiresAt: string;
}

export async function startRun(
  db: Db,
  input: { playerId: string; scenarioId: string; tier: TierName; clientIp: string; kioskId?: string; now?: Date },
): Promise<StartedRun> {
  const scenario = await db.scenario.findUnique({ where: { id: input.scenarioId } });
  if (!scenario || !scenario.active) throw new NotFound("scenario_not_found", `No playable scenario "${input.scenarioId}".`);
  const version = await db.scenarioVersion.findUniqueOrThrow({
    where: { scenarioId_version: { scenarioId: scenario.id, version: scenario.currentVersion } },
  });
  const durationMs = (version.definition as { durationMs: number }).durationMs;
  const tier = getTier(input.tier)!;
  const now = input.now ?? new Date();
  const run = await db.run.create({
    data: {
      playerId: input.playerId,
      scenarioId: scenario.id,
      scenarioVersion: version.version,
      tier: tier.name,
      seed: seedToHex(crypto.randomBytes(4).readUInt32BE(0)),
      startedAt: now,
      expiresAt: new Date(now.getTime() + durationMs + FINISH_GRACE_MS),
      clientIp: input.clientIp,
      kioskId: input.kioskId,
    },
  });
  return {
    runId: run.id,
    seed: run.seed,
    scenario: { id: scenario.id, version: version.version },
    tier: { name: tier.name, fpsCap: tier.fpsCap, addedLatencyMs: tier.addedLatencyMs },
    startedAt: run.startedAt.toISOString(),
    expiresAt: run.expiresAt.toISOString(),
  };
}

/** The numeric seed of a stored run. */
export function runSeed(run: { seed: string }): number {
  return parseSeed(run.seed);
}

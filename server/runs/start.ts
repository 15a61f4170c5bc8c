/**
 * Starting a run: the server picks the seed and keeps its own start time. A ranked run on the
 * ultimate tier needs a live membership (kiosk runs excepted: a booth lets everyone try both), and
 * a player may hold only a few started, unfinished runs at once. A run may be an item of the
 * player's playlist play (server/playlists/run-slot.ts checks it is that item's scenario and version).
 */
import crypto from "node:crypto";
import { getTier, parseSeed, seedToHex, type TierName } from "../../game/core";
import type { PlaylistRunFields } from "../../lib/contracts/playlists";
import type { StartedRun } from "../../lib/contracts/runs";
import type { Db } from "../db/client";
import { Forbidden, LimitReached, NotFound } from "../errors";
import { isEntitled } from "../memberships/membership";
import { checkPlaylistSlot } from "../playlists/run-slot";

export interface StartPolicy {
  /** Time a finish may take beyond the run's duration (countdown, upload), on the server's clock. */
  finishAllowanceMs: number;
  /** Started, unfinished, unexpired runs one player may hold. */
  maxOpenRuns: number;
}

export async function startRun(
  db: Db,
  policy: StartPolicy,
  input: { playerId: string; scenarioId: string; tier: TierName; clientIp: string; kioskId?: string; playlist?: PlaylistRunFields; now?: Date },
): Promise<StartedRun> {
  const now = input.now ?? new Date();
  const scenario = await db.scenario.findUnique({ where: { id: input.scenarioId } });
  if (!scenario || !scenario.active) throw new NotFound("scenario_not_found", `No playable scenario "${input.scenarioId}".`);
  const tier = getTier(input.tier)!;
  if (tier.name === "ultimate" && !input.kioskId && !(await isEntitled(db, input.playerId, now))) {
    throw new Forbidden("tier_not_entitled", "Ranked Ultimate runs are for Ultimate members. Try Ultimate unranked, or redeem a code.");
  }
  const open = await db.run.count({ where: { playerId: input.playerId, finishedAt: null, expiresAt: { gt: now } } });
  if (open >= policy.maxOpenRuns) {
    throw new LimitReached("too_many_open_runs", `You have ${open} runs in progress: finish or abandon one before starting another.`);
  }
  const version = await db.scenarioVersion.findUniqueOrThrow({
    where: { scenarioId_version: { scenarioId: scenario.id, version: scenario.currentVersion } },
  });
  if (input.playlist) {
    await checkPlaylistSlot(db, { playerId: input.playerId, scenarioId: scenario.id, version: version.version, tier: tier.name, slot: input.playlist });
  }
  const durationMs = (version.definition as { durationMs: number }).durationMs;
  const run = await db.run.create({
    data: {
      playerId: input.playerId,
      scenarioId: scenario.id,
      scenarioVersion: version.version,
      tier: tier.name,
      seed: seedToHex(crypto.randomBytes(4).readUInt32BE(0)),
      startedAt: now,
      expiresAt: new Date(now.getTime() + durationMs + policy.finishAllowanceMs),
      clientIp: input.clientIp,
      kioskId: input.kioskId,
      playlistPlayId: input.playlist?.playId,
      playlistPosition: input.playlist?.position,
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

/** The start policy the configuration sets. */
export function startPolicy(config: { RUN_FINISH_ALLOWANCE_SEC: number; MAX_OPEN_RUNS: number }): StartPolicy {
  return { finishAllowanceMs: config.RUN_FINISH_ALLOWANCE_SEC * 1000, maxOpenRuns: config.MAX_OPEN_RUNS };
}

/** The numeric seed of a stored run. */
export function runSeed(run: { seed: string }): number {
  return parseSeed(run.seed);
}

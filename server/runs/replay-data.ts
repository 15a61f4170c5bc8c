/**
 * What the replay viewer needs to play a finished run: the pinned scenario definition, the seed, the
 * tier, the sensitivity and FOV, the input log, the stored score and verdict, and the player's
 * handle. Verified runs are public; any other run is shown only to its own player, and to admins and
 * staff (who review flagged runs: GET /api/admin/runs/:runId/replay).
 */
import { getTier, type RunEnvironment, type Scenario } from "../../game/core";
import type { ReplayPayload } from "../../lib/contracts/replay";
import type { Verdict } from "../../lib/contracts/runs";
import type { Db } from "../db/client";
import { Conflict, Forbidden, NotFound, Unauthenticated } from "../errors";

/** Who watches: a player (their id, or null when anonymous), or an admin or staff member, who may watch any run. */
export type ReplayViewer = { playerId: string | null } | { admin: true };

/**
 * The replay of run `runId` for a viewer. 404 unknown run; 401 / 403 for a run that is not verified,
 * not the viewer's and the viewer no admin; 409 while the run is unfinished (no log yet).
 */
export async function replayData(db: Db, runId: string, viewer: ReplayViewer): Promise<ReplayPayload> {
  const run = await db.run.findUnique({
    where: { id: runId },
    include: { scenario: true, player: { select: { id: true, handle: true } } },
  });
  if (!run) throw new NotFound("run_not_found", "No run with that id.");
  if (run.verdict !== "verified" && !("admin" in viewer)) {
    const viewerId = viewer.playerId;
    if (!viewerId) throw new Unauthenticated("unauthenticated", "Only verified runs are public: sign in as this run's player to watch it.");
    if (viewerId !== run.playerId) throw new Forbidden("run_not_public", "Only verified runs are public; this run can be watched by its own player.");
  }
  if (!run.finishedAt || !run.log || !run.environment || !run.verdict) {
    throw new Conflict("run_not_finished", "This run has not been finished: there is no log to replay yet.");
  }
  const { userAgent: _userAgent, ...environment } = run.environment as RunEnvironment;
  const tier = getTier(run.tier)!;
  return {
    runId: run.id,
    player: run.player,
    scenario: { id: run.scenarioId, version: run.scenarioVersion, definition: run.scenario.definition as Scenario },
    seed: run.seed,
    tier: { name: tier.name, fpsCap: tier.fpsCap, addedLatencyMs: tier.addedLatencyMs },
    settings: { cm360: environment.cm360, dpi: environment.dpi, hfovDeg: environment.hfovDeg },
    environment,
    log: Buffer.from(run.log).toString("base64"),
    stored: { score: run.score, verdict: run.verdict as Verdict, reasonCode: run.reasonCode },
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt.toISOString(),
  };
}

/**
 * Starting a run at the booth (`POST /api/runs` with a booth session): the kiosk's scenario only,
 * the free run first and then the Ultimate run (no membership needed: startRun skips the check for
 * kiosk runs), each recorded on the visit, so the two form the visit's pair. A tier may be started
 * again while its run is unfinished (a start whose answer was lost) or abandoned (the pointer lock
 * was lost): the new run replaces it. A run that was submitted stays.
 */
import type { TierName } from "../../game/core";
import type { StartedRun } from "../../lib/contracts/runs";
import type { Db } from "../db/client";
import { Conflict, Forbidden } from "../errors";
import { startRun, type StartPolicy } from "../runs/start";

export async function startBoothRun(
  db: Db,
  policy: StartPolicy,
  input: { sessionId: string; playerId: string; scenarioId: string; tier: TierName; clientIp: string; now?: Date },
): Promise<StartedRun> {
  const visit = await db.boothVisit.findUniqueOrThrow({ where: { sessionId: input.sessionId }, include: { freeRun: true, ultimateRun: true } });
  if (input.scenarioId !== visit.scenarioId) {
    throw new Forbidden("kiosk_scenario_only", `This kiosk plays "${visit.scenarioId}" only.`);
  }
  const previous = input.tier === "free" ? visit.freeRun : visit.ultimateRun;
  if (previous?.finishedAt && previous.verdict !== "abandoned") throw new Conflict("booth_run_order", `This booth turn's ${input.tier} run was played already.`);
  // The free run counts as played once started and not given up (its finish may still be kept on the device).
  if (input.tier === "ultimate" && (!visit.freeRun || visit.freeRun.verdict === "abandoned")) throw new Conflict("booth_run_order", "At the booth the free run comes first, then Ultimate.");

  const run = await startRun(db, policy, { playerId: input.playerId, scenarioId: input.scenarioId, tier: input.tier, clientIp: input.clientIp, kioskId: visit.kioskId, now: input.now });
  await db.boothVisit.update({ where: { id: visit.id }, data: input.tier === "free" ? { freeRunId: run.runId } : { ultimateRunId: run.runId } });
  return run;
}

/** Test data for boards: verified runs written straight to a database, as the finish path records them. */
import type { TierName } from "../../game/core";
import { boardsFor, recordOnBoards, type VerifiedRun } from "../../server/boards/record";
import { currentChallenge, scheduleOf } from "../../server/challenge/current";
import type { Db } from "../../server/db/client";

let counter = 0;

export async function createPlayer(db: Db, handle: string, extra: { contactEmail?: string | null; disqualifiedAt?: Date | null } = {}) {
  return db.player.create({ data: { handle, handleKey: handle.toLowerCase(), ...extra } });
}

/** A verified run of `playerId` finished at `at`, on every board it counts for; returns the run's id. */
export async function recordVerifiedRun(
  db: Db,
  input: { playerId: string; score: number; at: string | Date; tier?: TierName; scenarioId?: string },
) {
  const { playerId, score, tier = "free", scenarioId = "gridshot" } = input;
  const challenge = await currentChallenge(db);
  const version = (await db.scenario.findUniqueOrThrow({ where: { id: scenarioId } })).currentVersion;
  const finishedAt = new Date(input.at);
  const row = await db.run.create({
    data: {
      id: `run-${String(++counter).padStart(6, "0")}`,
      playerId,
      scenarioId,
      scenarioVersion: version,
      tier,
      seed: "00000001",
      expiresAt: finishedAt,
      finishedAt,
      verdict: "verified",
      score,
    },
  });
  const run: VerifiedRun = { runId: row.id, playerId, scenarioId, tier, score, finishedAt, fps: tier === "free" ? 60 : 240 };
  await db.$transaction((tx) => recordOnBoards(tx, run, boardsFor(run, scheduleOf(challenge))));
  return row.id;
}

/** Test data for boards: verified runs written straight to a database, as the finish path records them. */
import type { TierName } from "../../game/core";
import type { RankStore } from "../../server/boards/ranks";
import { boardsFor, recordOnBoards, type VerifiedRun } from "../../server/boards/record";
import { currentChallenge } from "../../server/challenge/challenge";
import type { Db } from "../../server/db/client";
import { sqlOf } from "../../server/db/sql";

let counter = 0;

export async function createPlayer(db: Db, handle: string, extra: { contactEmail?: string | null; contactConsentAt?: Date | null; disqualifiedAt?: Date | null } = {}) {
  return db.player.create({ data: { handle, handleKey: handle.toLowerCase(), ...extra } });
}

/**
 * A verified run of `playerId` finished at `at`, on every board it counts for; returns the run's id.
 * With `ranks`, the improved boards are applied to that rank store too, as the finish path does.
 */
export async function recordVerifiedRun(
  db: Db,
  input: { playerId: string; score: number; at: string | Date; tier?: TierName; scenarioId?: string; ranks?: RankStore },
) {
  const { playerId, score, tier = "free", scenarioId = "gridshot" } = input;
  const challenge = await currentChallenge(db);
  const version = (await db.scenario.findUniqueOrThrow({ where: { id: scenarioId } })).currentVersion;
  const finishedAt = new Date(input.at);
  const fps = tier === "free" ? 60 : 240;
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
      fps,
    },
  });
  const run: VerifiedRun = { runId: row.id, playerId, scenarioId, tier, score, finishedAt, fps };
  const sql = await sqlOf(db);
  const improved = await sql.transaction((q) => recordOnBoards(q, run, boardsFor(run, challenge)));
  if (input.ranks) {
    const { handle } = await db.player.findUniqueOrThrow({ where: { id: playerId }, select: { handle: true } });
    const entry = { playerId, score, achievedAt: finishedAt.getTime(), runId: run.runId, runTier: tier, fps: run.fps };
    for (const b of improved) await input.ranks.apply(b, entry, handle);
  }
  return row.id;
}

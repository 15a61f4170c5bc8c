/** Test data for boards: verified runs written straight to a database, as the finish path records them. */
import type { TierName } from "../../game/core";
import type { BoardId } from "../../server/boards/board";
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

/**
 * A booth visit at `kioskId` whose free and Ultimate runs were both verified (a kiosk pair), on the
 * kiosk's scenario: its booth session, the two runs (on the boards) and the visit. Returns the run ids.
 */
export async function recordBoothPair(db: Db, input: { kioskId: string; playerId: string; free: number; ultimate: number; at: string | Date }) {
  const { kioskId, playerId } = input;
  const { scenarioId } = await db.kiosk.findUniqueOrThrow({ where: { id: kioskId } });
  const at = new Date(input.at);
  const session = await db.playerSession.create({ data: { playerId, kioskId, tokenHash: `booth-${++counter}`, expiresAt: new Date(at.getTime() + 20 * 60_000) } });
  const freeRunId = await recordVerifiedRun(db, { playerId, scenarioId, tier: "free", score: input.free, at });
  const ultimateRunId = await recordVerifiedRun(db, { playerId, scenarioId, tier: "ultimate", score: input.ultimate, at });
  await db.run.updateMany({ where: { id: { in: [freeRunId, ultimateRunId] } }, data: { kioskId } });
  await db.boothVisit.create({ data: { kioskId, playerId, sessionId: session.id, scenarioId, freeRunId, ultimateRunId, startedAt: at } });
  return { freeRunId, ultimateRunId };
}

/**
 * The board's revision once the store has loaded it (null until then: its reads come from the
 * database meanwhile). A test that reads a board waits for the load it started before closing the database.
 */
export async function loadedRevision(ranks: RankStore, board: BoardId): Promise<string> {
  for (;;) {
    const revision = await ranks.revision(board);
    if (revision !== null) return revision;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

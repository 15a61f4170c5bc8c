/**
 * The admin's board changes on each database provider (SQLite, and PostgreSQL when available), in
 * process with the in-process rank store: clearing a flagged run writes it on its 8 boards at its
 * finish time (the finish path's statements); disqualifying its player deletes those entries and
 * drops them from the rank store; reinstating writes the same entries again.
 */
import { afterAll, describe, expect, it } from "vitest";
import { MemoryRankStore } from "../../server/boards/ranks";
import { boardsFor } from "../../server/boards/record";
import { currentChallenge } from "../../server/challenge/challenge";
import { disqualifyPlayer } from "../../server/players/disqualify-player";
import { reinstatePlayer } from "../../server/players/reinstate-player";
import { clearRun } from "../../server/review/clear-run";
import { recordVerifiedRun } from "../support/boards";
import { addPlayer, challengeDb, WEEKS_ONLY } from "../support/closes";
import { postgresAvailable, postgresDatabases, sqliteDatabases, type DatabaseFactory } from "../support/databases";

const factories: DatabaseFactory[] = [sqliteDatabases(), ...(postgresAvailable ? [postgresDatabases()] : [])];
afterAll(() => factories.forEach((f) => f.close()));
const ADMIN = "admin-1";

describe.each(factories)("clearing, disqualifying and reinstating on $provider", (databases) => {
  it("writes, deletes and restores the same entries, with the rank store", async () => {
    const db = await challengeDb(await databases.fresh(), WEEKS_ONLY);
    try {
      const ranks = new MemoryRankStore(db);
      const ava = await addPlayer(db, "Ava");
      const ben = await addPlayer(db, "Ben");
      await recordVerifiedRun(db, { playerId: ben.id, score: 500, at: new Date(Date.now() - 60_000), ranks });
      const finishedAt = new Date(Date.now() - 30_000);
      const version = (await db.scenario.findUniqueOrThrow({ where: { id: "gridshot" } })).currentVersion;
      const run = await db.run.create({
        data: { playerId: ava.id, scenarioId: "gridshot", scenarioVersion: version, tier: "free", seed: "00000001", expiresAt: finishedAt, finishedAt, verdict: "flagged", reasonCode: "environment_mismatch", score: 700, fps: 60 },
      });
      const boards = boardsFor({ scenarioId: "gridshot", tier: "free", finishedAt }, await currentChallenge(db));

      const cleared = await clearRun(db, { ranks }, { runId: run.id, adminId: ADMIN, note: "looks human" });
      expect(cleared.ranks).toHaveLength(8);
      expect(cleared.ranks.every((r) => r.rank === 1 && r.improved)).toBe(true);
      const entries = await db.boardEntry.findMany({ where: { playerId: ava.id }, orderBy: [{ periodKind: "asc" }, { tier: "asc" }], omit: { id: true, updatedAt: true } });
      expect(entries).toHaveLength(8);
      expect(entries.every((e) => e.runId === run.id && e.score === 700 && e.achievedAt.getTime() === finishedAt.getTime())).toBe(true);
      expect((await db.run.findUniqueOrThrow({ where: { id: run.id } })).verdict).toBe("verified");
      await expect(clearRun(db, { ranks }, { runId: run.id, adminId: ADMIN })).rejects.toMatchObject({ code: "run_not_flagged" });
      expect((await db.auditLog.findMany({ where: { targetId: run.id } })).map((a) => a.action)).toEqual(["run.cleared"]);

      expect(await disqualifyPlayer(db, { ranks }, { playerId: ava.id, adminId: ADMIN, note: "shared account" })).toEqual({ boards: 8, forfeited: [] });
      expect(await db.boardEntry.count({ where: { playerId: ava.id } })).toBe(0);
      for (const board of boards) expect([await ranks.rankOf(board, ava.id), await ranks.rankOf(board, ben.id)]).toEqual([null, 1]);

      expect(await reinstatePlayer(db, { ranks }, { playerId: ava.id, adminId: ADMIN })).toEqual({ boards: 8 });
      expect(await db.boardEntry.findMany({ where: { playerId: ava.id }, orderBy: [{ periodKind: "asc" }, { tier: "asc" }], omit: { id: true, updatedAt: true } })).toEqual(entries);
      for (const board of boards) expect([await ranks.rankOf(board, ava.id), await ranks.rankOf(board, ben.id)]).toEqual([1, 2]);
    } finally {
      await db.$disconnect();
    }
  });
});

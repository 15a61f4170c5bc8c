/**
 * Loading a board into the rank store on real databases (SQLite, and PostgreSQL when available):
 * the keyset pages of the board's index come back in board order across ties, without disqualified
 * players; handles are read for the rows a read shows (with a cache smaller than the board, most
 * are read each time), and a rename or an account deletion shows at once with a new revision.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { BoardId } from "../../server/boards/board";
import { boardEntries, boardPages } from "../../server/boards/board-store";
import { compareEntries, type RankEntry } from "../../server/boards/rank-index";
import { MemoryRankStore } from "../../server/boards/ranks";
import { readBoardPage } from "../../server/boards/read";
import { deleteAccount } from "../../server/players/delete-account";
import { updateProfile } from "../../server/players/players";
import { createPlayer, recordVerifiedRun } from "../support/boards";
import { postgresAvailable, postgresDatabases, sqliteDatabases, type DatabaseFactory } from "../support/databases";
import { seededDb } from "../support/db";

const factories: DatabaseFactory[] = [sqliteDatabases(), ...(postgresAvailable ? [postgresDatabases()] : [])];
if (!postgresAvailable) console.warn("PostgreSQL not installed and PG_URL not set: PostgreSQL board-load tests skipped");
afterAll(() => factories.forEach((f) => f.close()));

const allTime = (scenarioId: string): BoardId => ({ scenarioId, periodKind: "all", periodKey: "all", tier: "all" });
const handles = async (ranks: MemoryRankStore, board: BoardId) => (await readBoardPage(ranks, board, 50)).entries.map((e) => e.player.handle);

describe.each(factories)("loading a board on $provider", (databases) => {
  it("reads the board in keyset pages in board order across ties, without disqualified players", async () => {
    const db = await seededDb(await databases.fresh());
    try {
      const times = ["2026-11-24T18:00:00Z", "2026-11-24T18:00:00Z", "2026-11-24T19:30:00.250Z"];
      const banned = new Set<string>();
      for (let i = 0; i < 40; i++) {
        const p = await createPlayer(db, `Load${i}`, i % 9 === 4 ? { disqualifiedAt: new Date() } : {});
        if (i % 9 === 4) banned.add(p.id);
        // Four scores and two instants: most of the order is decided by the time, then the run id.
        await recordVerifiedRun(db, { playerId: p.id, score: 100 + (i % 4), at: times[i % 3]!, scenarioId: "gridshot" });
      }
      const board = allTime("gridshot");
      const rows = await db.boardEntry.findMany({ where: board });
      const expected: RankEntry[] = rows
        .filter((r) => !banned.has(r.playerId))
        .map((r) => ({ playerId: r.playerId, score: r.score, achievedAt: r.achievedAt.getTime(), runId: r.runId, runTier: r.runTier, fps: r.fps }))
        .sort(compareEntries);
      expect(expected).toHaveLength(40 - banned.size);

      const pages: RankEntry[][] = [];
      for await (const page of boardEntries(db, board, 7)) pages.push(page);
      expect(pages.length).toBeGreaterThan(5);
      expect(pages.every((p) => p.length <= 7)).toBe(true);
      expect(pages.flat()).toEqual(expected);

      // The count that sizes the rank index before the load: every entry of the board.
      expect((await boardPages(db, board)).size).toBe(rows.length);

      const ranks = new MemoryRankStore(db);
      const read = await readBoardPage(ranks, board, 50);
      expect(read.entries.map((e) => e.player.id)).toEqual(expected.map((e) => e.playerId));
      expect(read.entries[0]).toMatchObject({ rank: 1, tier: "free", fps: 60, player: { handle: expect.stringMatching(/^Load\d+$/) } });
    } finally {
      await db.$disconnect();
    }
  });

  it("shows the handles of the rows read, and a rename or an account deletion at once", async () => {
    const db = await seededDb(await databases.fresh());
    try {
      const [ann, bob, cid] = [await createPlayer(db, "Ann"), await createPlayer(db, "Bob"), await createPlayer(db, "Cid")];
      for (const [p, score] of [[ann!, 300], [bob!, 200], [cid!, 100]] as const) {
        await recordVerifiedRun(db, { playerId: p.id, score, at: "2026-11-24T18:00:00Z", scenarioId: "gridshot-sprint" });
      }
      const board = allTime("gridshot-sprint");
      // A cache of two handles for a board of three: every read has a handle to read from the database.
      const ranks = new MemoryRankStore(db, 2);
      expect(await handles(ranks, board)).toEqual(["Ann", "Bob", "Cid"]);
      expect(await handles(ranks, board)).toEqual(["Ann", "Bob", "Cid"]);

      const before = await ranks.revision(board);
      await updateProfile(db, ranks, ann!, { handle: "Anna" });
      expect(await ranks.revision(board)).not.toBe(before);
      expect(await handles(ranks, board)).toEqual(["Anna", "Bob", "Cid"]);

      // A deleted account leaves the open boards; a closed day keeps its entry under the placeholder.
      const day: BoardId = { scenarioId: "gridshot-sprint", periodKind: "day", periodKey: "2026-11-24", tier: "all" };
      await db.periodClose.create({
        data: {
          challengeId: "ultimate-challenge",
          ...day,
          startsAt: new Date("2026-11-24T06:00:00Z"),
          endsAt: new Date("2026-11-25T06:00:00Z"),
          standings: [],
        },
      });
      expect(await handles(ranks, day)).toEqual(["Anna", "Bob", "Cid"]);
      const dayBefore = await ranks.revision(day);
      await deleteAccount(db, { ranks }, { player: { id: bob!.id, handle: "Bob" }, confirmHandle: "Bob" });
      const placeholder = (await db.player.findUniqueOrThrow({ where: { id: bob!.id } })).handle;
      expect(placeholder).toMatch(/^deleted-/);
      expect(await ranks.revision(day)).not.toBe(dayBefore);
      expect(await handles(ranks, day)).toEqual(["Anna", placeholder, "Cid"]);
      expect(await handles(ranks, board)).toEqual(["Anna", "Cid"]);
      // A store that starts now reads the same from the database.
      expect(await handles(new MemoryRankStore(db, 2), day)).toEqual(["Anna", placeholder, "Cid"]);
    } finally {
      await db.$disconnect();
    }
  });
});

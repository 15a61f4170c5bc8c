/**
 * Loading a board into the rank store on real databases (SQLite, and PostgreSQL when available):
 * the keyset pages of the board's index come back in board order across ties, without disqualified
 * players; handles are read for the rows a read shows (with a cache smaller than the board, most
 * are read each time), and a rename or an account deletion shows at once with a new revision. While
 * a board loads, its reads come from the database, the same as the loaded index answers them.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BoardId } from "../../server/boards/board";
import { boardEntries, boardPages } from "../../server/boards/board-store";
import { compareEntries, type RankEntry } from "../../server/boards/rank-index";
import { MemoryRankStore, RedisRankStore, type RankStore } from "../../server/boards/ranks";
import { connectRedis } from "../../server/boards/redis-rank";
import { readBoardPage } from "../../server/boards/read";
import { deleteAccount } from "../../server/players/delete-account";
import { updateProfile } from "../../server/players/players";
import { createPlayer, loadedRevision, recordVerifiedRun } from "../support/boards";
import { postgresAvailable, postgresDatabases, sqliteDatabases, type DatabaseFactory } from "../support/databases";
import type { Db } from "../../server/db/client";
import { seededDb } from "../support/db";
import { REDIS_SERVER, startRedis, type LocalRedis } from "../support/redis";

const factories: DatabaseFactory[] = [sqliteDatabases(), ...(postgresAvailable ? [postgresDatabases()] : [])];
if (!postgresAvailable) console.warn("PostgreSQL not installed and PG_URL not set: PostgreSQL board-load tests skipped");
afterAll(() => factories.forEach((f) => f.close()));

// The Redis store's reads while it fills its sorted set, on a real Redis (emptied before each use).
const redisInstalled = fs.existsSync(REDIS_SERVER);
if (!redisInstalled) console.warn("redis-server not installed: the Redis store's board-load test skipped");
let redis: { server: LocalRedis; client: Awaited<ReturnType<typeof connectRedis>> } | undefined;
beforeAll(async () => {
  if (!redisInstalled) return;
  const server = await startRedis();
  redis = { server, client: await connectRedis(server.url) };
});
afterAll(async () => {
  await redis?.client.close();
  await redis?.server.stop();
});
const stores: { store: string; make: (db: Db) => Promise<RankStore> }[] = [
  { store: "in-process", make: async (db) => new MemoryRankStore(db) },
  ...(redisInstalled
    ? [
        {
          store: "Redis",
          make: async (db: Db) => {
            await redis!.client.sendCommand(["FLUSHALL"]);
            return new RedisRankStore(db, redis!.client);
          },
        },
      ]
    : []),
];

const allTime = (scenarioId: string): BoardId => ({ scenarioId, periodKind: "all", periodKey: "all", tier: "all" });
const handles = async (ranks: MemoryRankStore, board: BoardId) => (await readBoardPage(ranks, board, 50)).entries.map((e) => e.player.handle);
describe.each(factories)("loading a board on $provider", (databases) => {
  it("reads the board in keyset pages in board order across ties, without disqualified players", async () => {
    const db = await seededDb(await databases.fresh());
    try {
      const times = ["2026-11-24T18:00:00Z", "2026-11-24T18:00:00Z", "2026-11-24T19:30:00.250Z"];
      const banned = new Set<string>();
      const handleOf = new Map<string, string>();
      for (let i = 0; i < 40; i++) {
        const p = await createPlayer(db, `Load${i}`, i % 9 === 4 ? { disqualifiedAt: new Date() } : {});
        handleOf.set(p.id, p.handle);
        if (i % 9 === 4) banned.add(p.id);
        // Four scores and two instants: most of the order is decided by the time, then the run id.
        await recordVerifiedRun(db, { playerId: p.id, score: 100 + (i % 4), at: times[i % 3]!, scenarioId: "gridshot" });
      }
      const board = allTime("gridshot");
      const rows = await db.boardEntry.findMany({ where: board });
      const expected: RankEntry[] = rows
        .filter((r) => !banned.has(r.playerId))
        .map((r) => ({ playerId: r.playerId, score: r.score, achievedAt: r.achievedAt.getTime(), runId: r.runId, runTier: r.runTier, fps: r.fps, handle: handleOf.get(r.playerId) }))
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
      await loadedRevision(ranks, board); // the load the read started ends before the database closes
    } finally {
      await db.$disconnect();
    }
  });

  it.each(stores)("answers reads while the board loads from the database, as the loaded $store store does, without a revision", async ({ store, make }) => {
    const db = await seededDb(await databases.fresh());
    try {
      const times = ["2026-11-24T18:00:00Z", "2026-11-24T18:00:00.001Z", "2026-11-24T19:30:00.250Z"];
      const players: string[] = [];
      for (let i = 0; i < 30; i++) {
        const p = await createPlayer(db, `Slow${i}`, i % 7 === 3 ? { disqualifiedAt: new Date() } : {});
        players.push(p.id);
        await recordVerifiedRun(db, { playerId: p.id, score: 100 + (i % 3), at: times[i % 3]!, scenarioId: "gridshot" });
      }
      const board = allTime("gridshot");
      const banned = players.filter((_, i) => i % 7 === 3);
      // Every read a board takes, from the top, after a cursor (a disqualified player's entry, and one
      // near the end) and around players (near the top, in the middle, at the end, disqualified, absent).
      const reads = async (ranks: RankStore, cursors: RankEntry[]) =>
        Promise.all([
          ranks.revision(board),
          ranks.page(board, 10),
          ...cursors.map((c) => ranks.page(board, 6, c)),
          ...players.map((p) => ranks.around(board, p, 2)),
          ranks.around(board, "nobody", 2),
          ...players.slice(0, 8).map((p) => ranks.rankOf(board, p)),
          ranks.size(board),
        ]);
      const loaded = new MemoryRankStore(db);
      const order = (await readBoardPage(loaded, board, 50)).entries;
      expect(order).toHaveLength(30 - banned.length);
      const entryOf = async (playerId: string) => {
        const row = await db.boardEntry.findFirstOrThrow({ where: { ...board, playerId } });
        return { playerId, score: row.score, achievedAt: row.achievedAt.getTime(), runId: row.runId };
      };
      const cursors = [await entryOf(banned[1]!), await entryOf(order[3]!.player.id), await entryOf(order[order.length - 2]!.player.id)];

      // All asked at once of a store that has not loaded the board: the load starts after them.
      const ranks = await make(db);
      const [during, ...whileLoading] = await reads(ranks, cursors);
      expect(during).toBeNull();
      await loadedRevision(ranks, board);
      const [after, ...fromIndex] = await reads(ranks, cursors);
      expect(after).not.toBeNull();
      expect(whileLoading).toEqual(fromIndex);
      // And what was compared is what the board shows: ranks, handles, no disqualified player.
      expect(fromIndex[0]).toMatchObject({ startRank: 1, entries: order.slice(0, 10).map((e) => ({ playerId: e.player.id, handle: e.player.handle })) });
      expect(fromIndex[2]).toMatchObject({ startRank: 5, entries: order.slice(4, 10).map((e) => ({ playerId: e.player.id })) });
      expect(fromIndex.at(-1)).toBe(order.length);
    } finally {
      await db.$disconnect();
    }
  });

  it("shows the handles loaded with the board, and a rename or an account deletion at once", async () => {
    const db = await seededDb(await databases.fresh());
    try {
      const [ann, bob, cid] = [await createPlayer(db, "Ann"), await createPlayer(db, "Bob"), await createPlayer(db, "Cid")];
      for (const [p, score] of [[ann!, 300], [bob!, 200], [cid!, 100]] as const) {
        await recordVerifiedRun(db, { playerId: p.id, score, at: "2026-11-24T18:00:00Z", scenarioId: "gridshot-sprint" });
      }
      const board = allTime("gridshot-sprint");
      const ranks = new MemoryRankStore(db);
      expect(await handles(ranks, board)).toEqual(["Ann", "Bob", "Cid"]); // from the database, while it loads
      await loadedRevision(ranks, board);
      expect(await handles(ranks, board)).toEqual(["Ann", "Bob", "Cid"]); // from the index

      const before = await loadedRevision(ranks, board);
      await updateProfile(db, ranks, ann!, { handle: "Anna" });
      expect(await loadedRevision(ranks, board)).not.toBe(before);
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
      const dayBefore = await loadedRevision(ranks, day);
      await deleteAccount(db, { ranks }, { player: { id: bob!.id, handle: "Bob" }, confirmHandle: "Bob" });
      const placeholder = (await db.player.findUniqueOrThrow({ where: { id: bob!.id } })).handle;
      expect(placeholder).toMatch(/^deleted-/);
      expect(await loadedRevision(ranks, day)).not.toBe(dayBefore);
      expect(await handles(ranks, day)).toEqual(["Anna", placeholder, "Cid"]);
      expect(await handles(ranks, board)).toEqual(["Anna", "Cid"]);
      // A store that starts now reads the same from the database.
      const fresh = new MemoryRankStore(db);
      expect(await handles(fresh, day)).toEqual(["Anna", placeholder, "Cid"]);
      await loadedRevision(fresh, day);
      expect(await handles(fresh, day)).toEqual(["Anna", placeholder, "Cid"]);
    } finally {
      await db.$disconnect();
    }
  });

  it.each(stores)("an entry a finish applies with the handle it read before a rename shows the new one ($store store)", async ({ make }) => {
    const db = await seededDb(await databases.fresh());
    try {
      const [ann, bob] = [await createPlayer(db, "Ann"), await createPlayer(db, "Bob")];
      await recordVerifiedRun(db, { playerId: ann!.id, score: 100, at: "2026-11-24T18:00:00Z", scenarioId: "gridshot-sprint" });
      const board = allTime("gridshot-sprint");
      const ranks = await make(db);
      await loadedRevision(ranks, board);
      // Ann (on the board) and Bob (on none yet) are renamed while their finishes are being verified;
      // the finishes then apply their entries with the handles they read before.
      for (const [player, handle] of [[ann!, "Anna"], [bob!, "Bobby"]] as const) {
        await db.player.update({ where: { id: player.id }, data: { handle, handleKey: handle.toLowerCase() } });
        await ranks.rename(player.id, handle);
      }
      await ranks.apply(board, { playerId: ann!.id, score: 300, achievedAt: Date.parse("2026-11-24T19:00:00Z"), runId: "run-ann-2", runTier: "free", fps: 60 }, "Ann");
      await ranks.apply(board, { playerId: bob!.id, score: 200, achievedAt: Date.parse("2026-11-24T19:00:00Z"), runId: "run-bob-1", runTier: "free", fps: 60 }, "Bob");
      expect((await ranks.page(board, 10)).entries.map((e) => e.handle)).toEqual(["Anna", "Bobby"]);
    } finally {
      await db.$disconnect();
    }
  });

  it("gives each entry its handle both ways: a lookup per row (a small board), a scan of the players (a big one)", async () => {
    const db = await seededDb(await databases.fresh());
    try {
      const players = [];
      for (let i = 0; i < 20; i++) players.push((await createPlayer(db, `Näme ${i}`))!);
      // 2 of 20 players on one board (2 × 8 < 20: looked up), all 20 on the other (scanned).
      for (const [i, p] of players.entries()) {
        await recordVerifiedRun(db, { playerId: p.id, score: 100 + i, at: "2026-11-24T18:00:00Z", scenarioId: "gridshot" });
        if (i < 2) await recordVerifiedRun(db, { playerId: p.id, score: 100 + i, at: "2026-11-24T18:00:00Z", scenarioId: "gridshot-sprint" });
      }
      for (const [scenario, count] of [["gridshot-sprint", 2], ["gridshot", 20]] as const) {
        const pages = await boardPages(db, allTime(scenario));
        expect(pages.handles === undefined).toBe(count === 2);
        const ranks = new MemoryRankStore(db);
        await loadedRevision(ranks, allTime(scenario));
        expect(await handles(ranks, allTime(scenario))).toEqual(players.slice(0, count).map((p) => p.handle).reverse());
      }
    } finally {
      await db.$disconnect();
    }
  });

  it("a rename while a board loads, or while it is out of memory, is shown once it is loaded, under a new revision", async () => {
    const db = await seededDb(await databases.fresh());
    try {
      const [ann, bob] = [await createPlayer(db, "Ann"), await createPlayer(db, "Bob")];
      for (const [p, score] of [[ann!, 300], [bob!, 200]] as const) {
        await recordVerifiedRun(db, { playerId: p.id, score, at: "2026-11-24T18:00:00Z", scenarioId: "gridshot-sprint" });
      }
      const board = allTime("gridshot-sprint");
      const ranks = new MemoryRankStore(db);
      const loading = ranks.rankOf(board, ann!.id); // starts the load: its rows are read on a later turn
      // A rename that committed after the load read its rows reaches the store while the load runs:
      // the database the load reads still says "Ann" (it is renamed there afterwards).
      const renaming = ranks.rename(ann!.id, "Anna");
      await Promise.all([loading, renaming]);
      const first = await loadedRevision(ranks, board);
      await db.player.update({ where: { id: ann!.id }, data: { handle: "Anna", handleKey: "anna" } });
      expect(await handles(ranks, board)).toEqual(["Anna", "Bob"]);

      await ranks.evict(board);
      await updateProfile(db, ranks, bob!, { handle: "Bobby" });
      const reloaded = await loadedRevision(ranks, board);
      expect(reloaded).not.toBe(first);
      expect(await handles(ranks, board)).toEqual(["Anna", "Bobby"]);
    } finally {
      await db.$disconnect();
    }
  });
});

/**
 * SQLite's group commit (server/db/sql.ts): transactions that are ready together share one COMMIT,
 * on a real database file. The commits are counted in the write-ahead log itself: each commit ends
 * with a commit frame (a frame whose header carries the database size), so the number of commit
 * frames in the log is the number of commits since it began.
 *
 * A work that fails rolls back its own writes only and fails only its own caller; a COMMIT that
 * fails (here: a foreign key checked at commit, the one way to make SQLite refuse a COMMIT on
 * purpose) fails every work of the batch, stores none of them, and leaves the connection usable by
 * the next batch and by Prisma.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db/client";
import { dbDriver } from "../../server/db/client";
import { sqliteFile } from "../../server/db/provider";
import { GROUP_COMMIT_LIMIT, sqlOf, statement, type Queries, type Sql } from "../../server/db/sql";
import { transact } from "../../server/db/transact";
import { seededDb } from "../support/db";
import { tempSqliteUrl } from "../support/server";

const insertNote = statement("test_group_note", `INSERT INTO "AuditLog" ("at", "actorType", "action", "targetId") VALUES (?, 'system', 'test.group', ?)`);
const deferForeignKeys = statement("test_defer_fks", "PRAGMA defer_foreign_keys = ON");
const orphanSession = statement("test_orphan_session", `INSERT INTO "PlayerSession" ("id", "playerId", "tokenHash", "expiresAt") VALUES (?, 'no-such-player', ?, ?)`);

/** Commits recorded in the current write-ahead log: its frames (of this log's salt) that end a transaction. */
function walCommits(dbFile: string): number {
  const wal = fs.readFileSync(`${dbFile}-wal`);
  if (wal.length < 32) return 0;
  const pageSize = wal.readUInt32BE(8);
  const [salt1, salt2] = [wal.readUInt32BE(16), wal.readUInt32BE(20)];
  let commits = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break; // a previous log's leftovers
    if (wal.readUInt32BE(at + 4) !== 0) commits++;
  }
  return commits;
}

let db: Db;
let sql: Sql;
let file: string;

beforeAll(async () => {
  const url = tempSqliteUrl();
  db = await seededDb(url);
  sql = await sqlOf(db);
  file = sqliteFile(url);
  const driver = dbDriver(db);
  if (driver.kind !== "sqlite") throw new Error("SQLite expected");
  // No checkpoint may restart the log while commits are counted in it.
  (await driver.connection()).pragma("wal_autocheckpoint = 0");
});
afterAll(() => db.$disconnect());

const note = (q: Queries, name: string) => q.run(insertNote, [new Date(), name]);
const notes = async (names: string[]) =>
  (await db.auditLog.findMany({ where: { action: "test.group", targetId: { in: names } }, select: { targetId: true } })).map((r) => r.targetId).sort();

describe("SQLite group commit", () => {
  it("commits concurrent transactions together, and one alone when it is alone", async () => {
    const names = Array.from({ length: 10 }, (_, i) => `together-${i}`);
    const before = walCommits(file);
    const answers = await Promise.all(names.map((name) => sql.transaction(async (q) => (await note(q, name), name))));
    expect(answers).toEqual(names);
    expect(walCommits(file) - before).toBe(1);
    expect(await notes(names)).toEqual([...names].sort());

    const alone = walCommits(file);
    await sql.transaction((q) => note(q, "alone-1"));
    await sql.transaction((q) => note(q, "alone-2"));
    expect(walCommits(file) - alone).toBe(2);
  });

  it(`carries at most ${GROUP_COMMIT_LIMIT} works per commit`, async () => {
    const names = Array.from({ length: GROUP_COMMIT_LIMIT + 1 }, (_, i) => `bounded-${i}`);
    const before = walCommits(file);
    await Promise.all(names.map((name) => sql.transaction((q) => note(q, name))));
    expect(walCommits(file) - before).toBe(2);
    expect(await notes(names)).toHaveLength(names.length);
  });

  it("rolls back a failing work's own writes only, and fails only its caller", async () => {
    const before = walCommits(file);
    const [a, b, c] = await Promise.allSettled([
      sql.transaction(async (q) => (await note(q, "kept-a"), "a")),
      sql.transaction(async (q) => {
        await note(q, "dropped-b");
        throw new Error("b changed its mind");
      }),
      sql.transaction(async (q) => (await note(q, "kept-c"), "c")),
    ]);
    expect(a).toEqual({ status: "fulfilled", value: "a" });
    expect(b).toMatchObject({ status: "rejected", reason: { message: "b changed its mind" } });
    expect(c).toEqual({ status: "fulfilled", value: "c" });
    expect(await notes(["kept-a", "dropped-b", "kept-c"])).toEqual(["kept-a", "kept-c"]);
    expect(walCommits(file) - before).toBe(1);
  });

  it("fails every work of a batch whose COMMIT fails, stores none, and leaves the connection usable", async () => {
    const before = walCommits(file);
    const settled = await Promise.allSettled([
      sql.transaction((q) => note(q, "lost-a")),
      sql.transaction(async (q) => {
        // Checked at COMMIT instead of at the insert: the work itself succeeds, its batch's commit does not.
        await q.run(deferForeignKeys, []);
        await q.run(orphanSession, ["orphan", "orphan-token", new Date(Date.now() + 60_000)]);
      }),
      sql.transaction((q) => note(q, "lost-c")),
    ]);
    for (const s of settled) expect(s).toMatchObject({ status: "rejected", reason: { code: "SQLITE_CONSTRAINT_FOREIGNKEY" } });
    expect(await notes(["lost-a", "lost-c"])).toEqual([]);
    expect(await db.playerSession.count({ where: { id: "orphan" } })).toBe(0);
    expect(walCommits(file) - before).toBe(0);

    // The next batch and Prisma's own transactions work as before.
    await sql.transaction((q) => note(q, "after-failure"));
    await transact(db, (tx) => tx.auditLog.create({ data: { actorType: "system", action: "test.group", targetId: "prisma-after" } }));
    expect(await notes(["after-failure", "prisma-after"])).toEqual(["after-failure", "prisma-after"]);
  });

  it("keeps Prisma's own transactions out of a batch", async () => {
    // A Prisma transaction started while a batch is queued runs before or after it, never inside:
    // the batch's failure does not take the Prisma transaction's write with it.
    const results = await Promise.allSettled([
      sql.transaction(async (q) => {
        await note(q, "batch-lost");
        await q.run(deferForeignKeys, []);
        await q.run(orphanSession, ["orphan-2", "orphan-token-2", new Date(Date.now() + 60_000)]);
      }),
      transact(db, (tx) => tx.auditLog.create({ data: { actorType: "system", action: "test.group", targetId: "prisma-beside" } })),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled"]);
    expect(await notes(["batch-lost", "prisma-beside"])).toEqual(["prisma-beside"]);
  });
});

/**
 * The finish path against real databases (SQLite, and PostgreSQL when available), in process:
 * a verified run reaches its 8 boards in one pass and the answer carries its ranks from the rank
 * store; a repeat answers the same; two concurrent finishes store one verdict; another submission
 * for a finished run is refused; a rejected run writes no board entry and is audited. On
 * PostgreSQL the server itself counts the statements a warm verified finish sends
 * (pg_stat_statements): at most 6.
 */
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { getScenario, parseSeed, Rng, TIERS } from "../../game/core";
import { MemoryRankStore } from "../../server/boards/ranks";
import type { Db } from "../../server/db/client";
import { finishRun } from "../../server/runs/finish";
import { startRun } from "../../server/runs/start";
import { seededDb } from "../support/db";
import { finishBody } from "../support/api";
import { runHumanClicker } from "../support/bots";
import { addPlayer } from "../support/closes";
import { postgresAvailable, postgresDatabases, sqliteDatabases, type DatabaseFactory } from "../support/databases";

const factories: DatabaseFactory[] = [sqliteDatabases(), ...(postgresAvailable ? [postgresDatabases()] : [])];
if (!postgresAvailable) console.warn("PostgreSQL not installed and PG_URL not set: PostgreSQL finish tests skipped");
afterAll(() => factories.forEach((f) => f.close()));

const sprint = getScenario("gridshot-sprint")!;
const POLICY = { finishAllowanceMs: 10_000, maxOpenRuns: 10 };

/** A started free run of a new player, with a human-like log, finished 2 s after its end. */
async function playedRun(db: Db, handle: string, rngSeed: number) {
  const player = await addPlayer(db, handle);
  const startedAt = new Date(Date.now() - sprint.durationMs - 2000);
  const run = await startRun(db, POLICY, { playerId: player.id, scenarioId: sprint.id, tier: "free", clientIp: "test", now: startedAt });
  const log = runHumanClicker(sprint, parseSeed(run.seed), TIERS.free, new Rng(rngSeed)).sim.log();
  return { player, run, body: finishBody(log), now: new Date(startedAt.getTime() + sprint.durationMs + 2000) };
}

async function setUp(databases: DatabaseFactory) {
  const url = await databases.fresh();
  const db = await seededDb(url);
  return { url, db, ranks: new MemoryRankStore(db) };
}

describe.each(factories)("finishing a run on $provider", (databases) => {
  it("puts a verified run on its 8 boards in one pass and answers its ranks; a repeat answers the same", async () => {
    const { db, ranks } = await setUp(databases);
    try {
      const a = await playedRun(db, "Ava", 1);
      const first = await finishRun(db, { ranks }, { runId: a.run.runId, playerId: a.player.id, body: a.body, now: a.now });
      expect(first.run.verdict).toBe("verified");
      const entries = await db.boardEntry.findMany({ where: { playerId: a.player.id } });
      expect(entries).toHaveLength(8); // day, week, challenge, all x the "all" and "free" filters
      expect(new Set(entries.map((e) => e.score))).toEqual(new Set([first.run.score]));
      expect(first.ranks).toHaveLength(8);
      expect(first.ranks!.every((r) => r.rank === 1 && r.improved)).toBe(true);

      // After a second player's run, a repeat of Ava's finish answers her stored result with her ranks of now.
      const b = await playedRun(db, "Ben", 2);
      const second = await finishRun(db, { ranks }, { runId: b.run.runId, playerId: b.player.id, body: b.body, now: b.now });
      expect(second.run.verdict).toBe("verified");
      const repeat = await finishRun(db, { ranks }, { runId: a.run.runId, playerId: a.player.id, body: a.body });
      expect(repeat.run).toEqual(first.run);
      const expectedRank = second.run.score! > first.run.score! ? 2 : 1;
      expect(repeat.ranks!.map((r) => r.rank)).toEqual(Array(8).fill(expectedRank));
      expect(repeat.ranks!.every((r) => r.improved)).toBe(true);

      // Another submission for a finished run changes nothing.
      await expect(
        finishRun(db, { ranks }, { runId: a.run.runId, playerId: a.player.id, body: b.body }),
      ).rejects.toMatchObject({ code: "run_already_finished" });
      expect(await db.boardEntry.count({ where: { playerId: a.player.id, score: first.run.score! } })).toBe(8);
    } finally {
      await db.$disconnect();
    }
  });

  it("stores one verdict when the same run is finished twice at once", async () => {
    const { db, ranks } = await setUp(databases);
    try {
      const a = await playedRun(db, "Cy", 3);
      const input = { runId: a.run.runId, playerId: a.player.id, body: a.body, now: a.now };
      const [x, y] = await Promise.all([finishRun(db, { ranks }, input), finishRun(db, { ranks }, input)]);
      expect(x.run).toEqual(y.run);
      expect(x.ranks).toEqual(y.ranks);
      expect(await db.boardEntry.count({ where: { playerId: a.player.id } })).toBe(8);
      expect(await db.auditLog.count({ where: { targetId: a.run.runId } })).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });

  it("writes no board entry for a rejected run, and audits it", async () => {
    const { db, ranks } = await setUp(databases);
    try {
      const a = await playedRun(db, "Dee", 4);
      const body = { ...a.body, log: a.body.log.slice(0, 200) };
      const outcome = await finishRun(db, { ranks }, { runId: a.run.runId, playerId: a.player.id, body, now: a.now });
      expect(outcome.run.verdict).toBe("rejected");
      expect(outcome.ranks).toBeUndefined();
      expect(await db.boardEntry.count({ where: { playerId: a.player.id } })).toBe(0);
      const audits = await db.auditLog.findMany({ where: { targetId: a.run.runId } });
      expect(audits.map((e) => e.action)).toEqual(["run.rejected"]);
      const stored = await db.run.findUniqueOrThrow({ where: { id: a.run.runId } });
      expect(stored.verdict).toBe("rejected");
      expect(stored.finishedAt).not.toBeNull();
    } finally {
      await db.$disconnect();
    }
  });

  it.runIf(databases.provider === "postgresql")("sends at most 6 statements for a warm verified finish (counted by PostgreSQL)", async () => {
    const { url, db, ranks } = await setUp(databases);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      // Warm: the challenge, the scenario version and the boards are loaded by a first finish.
      const a = await playedRun(db, "Eli", 5);
      await finishRun(db, { ranks }, { runId: a.run.runId, playerId: a.player.id, body: a.body, now: a.now });
      const b = await playedRun(db, "Fay", 6);
      await admin.query("SELECT pg_stat_statements_reset()");
      const outcome = await finishRun(db, { ranks }, { runId: b.run.runId, playerId: b.player.id, body: b.body, now: b.now });
      expect(outcome.run.verdict).toBe("verified");
      const { rows } = await admin.query<{ query: string; calls: string }>(
        `SELECT query, calls FROM pg_stat_statements
         WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'`,
      );
      const total = rows.reduce((n, r) => n + Number(r.calls), 0);
      expect(total, rows.map((r) => `${r.calls}x ${r.query.slice(0, 80)}`).join("\n")).toBeLessThanOrEqual(6);
      expect(total).toBeGreaterThanOrEqual(4); // the read, the run's write, the boards' upsert, the commit
    } finally {
      await admin.end();
      await db.$disconnect();
    }
  });
});

/**
 * Migrations and a Prisma round trip on each provider: SQLite always, PostgreSQL on a server the
 * test starts (or PG_URL's).
 */
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../server/db/client";
import { listMigrations, migrate, pendingMigrationSql } from "../../server/db/migrate";
import { postgresAvailable, postgresDatabases, sqliteDatabases, type DatabaseFactory } from "../support/databases";

const factories: DatabaseFactory[] = [sqliteDatabases(), ...(postgresAvailable ? [postgresDatabases()] : [])];
if (!postgresAvailable) console.warn("PostgreSQL not installed and PG_URL not set: PostgreSQL tests skipped");
afterAll(() => factories.forEach((f) => f.close()));

describe.each(factories)("$provider", (databases) => {
  it("migrates an empty database, then a re-run is a no-op", async () => {
    const url = await databases.fresh();
    const all = listMigrations(databases.provider);
    expect(all.length).toBeGreaterThan(0);
    expect(await migrate(url)).toEqual(all);
    expect(await migrate(url)).toEqual([]);

    const db = createDb(url);
    try {
      const recorded = await db.$queryRawUnsafe<{ migration_name: string; finished_at: unknown }[]>(
        'SELECT migration_name, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
      );
      expect(recorded.map((r) => r.migration_name)).toEqual(all);
      expect(recorded.every((r) => r.finished_at !== null)).toBe(true);
    } finally {
      await db.$disconnect();
    }
  });

  it("round-trips a player, a scenario and a run, and enforces unique handles", async () => {
    const url = await databases.fresh();
    await migrate(url);
    const db = createDb(url);
    try {
      const player = await db.player.create({
        data: { handle: "Flicker", handleKey: "flicker", settings: { cm360: 34.6, fov: 103 } },
      });
      await db.scenario.create({
        data: {
          id: "gridshot",
          name: "Gridshot",
          kind: "clicking-static",
          currentVersion: "v1",
          versions: { create: { version: "v1", definition: { durationMs: 60000 } } },
        },
      });
      const log = new Uint8Array([0x46, 0x42, 0x4c, 1, 0, 255]);
      const run = await db.run.create({
        data: {
          playerId: player.id,
          scenarioId: "gridshot",
          scenarioVersion: "v1",
          tier: "ultimate",
          seed: "9e3779b9",
          expiresAt: new Date(Date.now() + 120_000),
          log,
          environment: { refreshHz: 240, rawInput: false },
          score: 1234,
          fps: 239.6,
        },
      });

      const back = await db.run.findUniqueOrThrow({ where: { id: run.id }, include: { player: true, scenario: true } });
      expect(back.player.handle).toBe("Flicker");
      expect(back.scenario.definition).toEqual({ durationMs: 60000 });
      expect(Array.from(back.log!)).toEqual(Array.from(log));
      expect(back.environment).toEqual({ refreshHz: 240, rawInput: false });
      expect(back).toMatchObject({ tier: "ultimate", score: 1234, fps: 239.6, verdict: null });
      expect((await db.player.findUniqueOrThrow({ where: { id: player.id } })).settings).toEqual({ cm360: 34.6, fov: 103 });

      await expect(db.player.create({ data: { handle: "FLICKER", handleKey: "flicker" } })).rejects.toThrow(
        /Unique constraint/,
      );
      expect(await db.player.count()).toBe(1);
    } finally {
      await db.$disconnect();
    }
  });

  it("has a migration for every change of the schema", async () => {
    const scratch = await databases.fresh();
    expect(await pendingMigrationSql(databases.provider, scratch)).toBe("");
  });
});

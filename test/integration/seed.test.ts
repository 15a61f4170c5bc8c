/** The demo data: players whose runs went through the real verification path. */
import { expect, it } from "vitest";
import { createDb } from "../../server/db/client";
import { migrate } from "../../server/db/migrate";
import { seedBaseData, seedDemo } from "../../prisma/seed";
import { tempSqliteUrl } from "../support/server";

it("seeds demo players with verified runs on the boards, once", async () => {
  const url = tempSqliteUrl();
  await migrate(url);
  const db = createDb(url);
  try {
    await seedBaseData(db);
    await seedBaseData(db); // idempotent
    expect(await db.challenge.count()).toBe(1);
    expect(await db.scenario.count()).toBe(5);

    expect(await seedDemo(db)).toBe(6);
    // Three Ultimate members play both tiers, three free players the free tier: 2 scenarios each.
    expect(await db.membership.count()).toBe(3);
    const runs = await db.run.findMany();
    expect(runs).toHaveLength(3 * 2 * 2 + 3 * 2);
    expect(runs.filter((r) => r.tier === "ultimate")).toHaveLength(6);
    expect(runs.every((r) => r.verdict === "verified" && r.score! > 0)).toBe(true);
    const week = await db.boardEntry.findMany({ where: { scenarioId: "gridshot", periodKind: "all", tier: "all" } });
    expect(week).toHaveLength(6);
    expect(await seedDemo(db)).toBe(0);
    expect(await db.run.count()).toBe(18);
  } finally {
    await db.$disconnect();
  }
});

/**
 * The Players and Review queue pages in Chromium, as an admin uses them: find a player, disqualify
 * them with a note (refused without one) and reinstate them; clear a flagged run from the queue.
 */
import { expect, it } from "vitest";
import { createDb } from "../../server/db/client";
import { addAdmin, adminSession } from "../support/admin";
import { createPlayer, recordVerifiedRun } from "../support/boards";
import { useServerAndBrowser } from "../support/e2e";
import { seededSqliteUrl } from "../support/server";

const databaseUrl = seededSqliteUrl();
const env = useServerAndBrowser({ DATABASE_URL: databaseUrl });

it("disqualifies and reinstates a player from /admin/players, and clears a flagged run from /admin/review", async () => {
  const db = createDb(databaseUrl);
  let flaggedId: string;
  try {
    const zed = await createPlayer(db, "Zed");
    await recordVerifiedRun(db, { playerId: zed.id, score: 4000, at: new Date(Date.now() - 60_000) });
    const quin = await createPlayer(db, "Quin");
    const version = (await db.scenario.findUniqueOrThrow({ where: { id: "gridshot" } })).currentVersion;
    const finishedAt = new Date(Date.now() - 30_000);
    flaggedId = (
      await db.run.create({
        data: { playerId: quin.id, scenarioId: "gridshot", scenarioVersion: version, tier: "free", seed: "00000001", expiresAt: finishedAt, finishedAt, verdict: "flagged", reasonCode: "personal_best_jump", score: 3000, fps: 60 },
      })
    ).id;
  } finally {
    await db.$disconnect();
  }
  const token = await adminSession(env.server.url, await addAdmin(databaseUrl));
  const context = await env.browser.newContext();
  await context.addCookies([{ name: "fb_admin", value: token, url: env.server.url }]);
  const page = await context.newPage();
  const board = async () => (await (await fetch(`${env.server.url}/api/leaderboards/gridshot?period=week`)).json()).entries.map((e: { player: { handle: string } }) => e.player.handle);

  await page.goto(`${env.server.url}/admin/players`);
  await page.getByLabel("Handle or player id").fill("ze");
  await page.getByRole("button", { name: "Search" }).click();
  const row = page.locator('tr[data-player="Zed"]');
  await row.getByRole("button", { name: "Disqualify" }).click();
  await expect.poll(() => row.getByRole("alert").textContent()).toContain("needs a note");
  expect(await board()).toEqual(["Zed"]);
  await row.getByLabel("Note").fill("account shared with a pro");
  await row.getByRole("button", { name: "Disqualify" }).click();
  await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain("account shared with a pro");
  expect(await row.textContent()).toContain("Disqualified");
  expect(await board()).toEqual([]);
  await row.getByRole("button", { name: "Reinstate" }).click();
  await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain("In good standing");
  expect(await board()).toEqual(["Zed"]);

  await page.goto(`${env.server.url}/admin/review`);
  const queued = page.locator(`tr[data-run="${flaggedId}"]`);
  expect(await queued.textContent()).toContain("personal_best_jump");
  expect(await queued.getByRole("link", { name: "Watch the replay" }).getAttribute("href")).toBe(`/runs/${flaggedId}/replay`);
  await queued.getByRole("button", { name: "Clear" }).click();
  await expect.poll(() => page.locator("tr[data-run]").count(), { timeout: 10_000 }).toBe(0);
  expect(await board()).toEqual(["Zed", "Quin"]);
  await context.close();
});

/**
 * /leaderboards in Chromium: the week's board in order with the viewer highlighted, the reset
 * countdown, and a verified run appearing without a reload.
 */
import { expect, it } from "vitest";
import { getScenario, parseSeed, Rng, TIERS } from "../../game/core";
import { createDb } from "../../server/db/client";
import { apiClient, finishBody } from "../support/api";
import { createPlayer, recordVerifiedRun } from "../support/boards";
import { runHumanClicker } from "../support/bots";
import { useServerAndBrowser } from "../support/e2e";
import { seededSqliteUrl } from "../support/server";

const databaseUrl = seededSqliteUrl();
const env = useServerAndBrowser({ DATABASE_URL: databaseUrl });
const sprint = getScenario("gridshot-sprint")!;

it("shows the week's board live, with the viewer highlighted and the reset countdown", async () => {
  const api = apiClient(env.server.url);
  const me = await api.player("me");
  const db = createDb(databaseUrl);
  const now = Date.now();
  for (let i = 0; i < 12; i++) {
    const p = await createPlayer(db, `Rival${String(i).padStart(2, "0")}`);
    await recordVerifiedRun(db, { playerId: p.id, score: 5000 - i * 100, at: new Date(now - 60_000 + i), scenarioId: sprint.id });
  }
  await recordVerifiedRun(db, { playerId: me.id, score: 4150, at: new Date(now - 30_000), scenarioId: sprint.id, tier: "ultimate" });
  await db.$disconnect();

  // A run that will be finished while the page is open.
  const newcomer = await api.player("new");
  const run = (await api.post("/api/runs", { scenario: sprint.id, tier: "free" }, newcomer.token)).body;
  const log = runHumanClicker(sprint, parseSeed(run.seed), TIERS.free, new Rng(77)).sim.log();

  const context = await env.browser.newContext();
  await context.addCookies([{ name: "fb_session", value: me.token, url: env.server.url }]);
  const page = await context.newPage();
  await page.goto(`${env.server.url}/leaderboards`);
  await page.getByLabel("scenario").selectOption(sprint.id);
  const rows = page.locator("table.board tbody tr");
  await expect.poll(() => rows.first().getAttribute("data-player")).toBe("Rival00");
  expect(await rows.count()).toBe(13);
  const mine = page.locator("tr.me");
  expect(await mine.locator("td").first().textContent()).toBe("10");
  expect(await mine.textContent()).toContain("(you)");
  await expect.poll(() => page.locator(".board-status").textContent()).toMatch(/● live · resets in \d+d \d+h|● live · resets in \d+h \d+m/);

  await page.getByLabel("tier").selectOption("ultimate");
  await expect.poll(() => rows.count()).toBe(1);
  await page.getByLabel("tier").selectOption("all");
  await expect.poll(() => rows.count()).toBe(13);

  await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(run.startedAt) + sprint.durationMs + 300 - Date.now())));
  const finished = await api.post(`/api/runs/${run.runId}/finish`, finishBody(log), newcomer.token);
  expect(finished.body.run.verdict).toBe("verified");
  // No reload: the new entry arrives over socket.io.
  await expect.poll(() => page.locator(`tr[data-player="${newcomer.handle}"]`).count(), { timeout: 5000 }).toBe(1);
  expect(await rows.count()).toBe(14);
  await context.close();
});

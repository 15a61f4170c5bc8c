/**
 * The week's top 10 under the game (/play/<scenario>) in Chromium: listed as soon as the page
 * opens, but followed over socket.io only once it is scrolled into view (it starts below the fold,
 * and a player who never looks at it should not download socket.io-client or hold a socket).
 */
import { expect, it } from "vitest";
import { getScenario, parseSeed, Rng, TIERS } from "../../game/core";
import { createDb } from "../../server/db/client";
import { apiClient, finishBody } from "../support/api";
import { createPlayer, recordVerifiedRun } from "../support/boards";
import { runHumanClicker } from "../support/bots";
import { useServerAndBrowser } from "../support/e2e";
import { tempSqliteUrl } from "../support/server";

const databaseUrl = tempSqliteUrl();
const env = useServerAndBrowser({ DATABASE_URL: databaseUrl });
const sprint = getScenario("gridshot-sprint")!;

it("lists the week's top 10 under the game at once and follows it live from when it is scrolled into view", async () => {
  const db = createDb(databaseUrl);
  const rival = await createPlayer(db, "Rival00");
  await recordVerifiedRun(db, { playerId: rival.id, score: 100_000, at: new Date(Date.now() - 60_000), scenarioId: sprint.id });
  await db.$disconnect();
  const api = apiClient(env.server.url);
  const newcomer = await api.player("new");
  const run = (await api.post("/api/runs", { scenario: sprint.id, tier: "free" }, newcomer.token)).body;
  const log = runHumanClicker(sprint, parseSeed(run.seed), TIERS.free, new Rng(77)).sim.log();

  const context = await env.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const sockets: string[] = [];
  page.on("websocket", (ws) => sockets.push(ws.url()));
  await page.goto(`${env.server.url}/play/${sprint.id}`, { waitUntil: "networkidle" });
  const top = page.locator(".weekly-top");
  await expect.poll(() => top.locator("tr[data-player]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-player")))).toEqual(["Rival00"]);
  expect(await top.evaluate((el) => el.getBoundingClientRect().top > window.innerHeight)).toBe(true);
  expect(sockets).toEqual([]);

  await top.scrollIntoViewIfNeeded();
  await expect.poll(() => sockets.length).toBe(1);
  await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(run.startedAt) + sprint.durationMs + 300 - Date.now())));
  const finished = await api.post(`/api/runs/${run.runId}/finish`, finishBody(log), newcomer.token);
  expect(finished.body.run.verdict).toBe("verified");
  // No reload: the new entry arrives over socket.io.
  await expect.poll(() => top.locator(`tr[data-player="${newcomer.handle}"]`).count(), { timeout: 5000 }).toBe(1);
  await context.close();
});

/**
 * The replay viewer in Debian's Chromium, on a run verified through the real API: the public replay
 * page draws the run (targets in the 3D view and on the aim map), plays it at 4x to the end with
 * the stored score, and seeks, pauses and steps with the mouse and the keyboard.
 */
import { expect, it } from "vitest";
import { getScenario, parseSeed, Rng, TIERS } from "../../game/core";
import { apiClient, finishBody } from "../support/api";
import { runHumanClicker } from "../support/bots";
import { screenshotPixels, useServerAndBrowser } from "../support/e2e";

const sprint = getScenario("gridshot-sprint")!;
const env = useServerAndBrowser();

it("replays a verified run: draws it, plays at 4x to the stored score, seeks, pauses and steps", async () => {
  const api = apiClient(env.server.url);
  const player = await api.player("rv");
  const started = await api.post("/api/runs", { scenario: sprint.id, tier: "free" }, player.token);
  const log = runHumanClicker(sprint, parseSeed(started.body.seed), TIERS.free, new Rng(11)).sim.log();
  // A run is finished once its duration has passed on the server's clock.
  await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(started.body.startedAt) + sprint.durationMs + 300 - Date.now())));
  const finished = await api.post(`/api/runs/${started.body.runId}/finish`, finishBody(log), player.token);
  expect(finished.body.run.verdict).toBe("verified");
  const stored: number = finished.body.run.score;
  expect(stored).toBeGreaterThan(0);

  // Anyone may watch a verified run: a fresh browser context, no session.
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${env.server.url}/runs/${started.body.runId}/replay`);
  const check = page.locator("[data-check]");
  await check.waitFor({ timeout: 15_000 });
  expect([await check.getAttribute("data-check"), await check.textContent()]).toEqual(["match", `Replayed score = stored score (${stored})`]);
  expect(await page.getByRole("heading", { level: 2 }).textContent()).toBe(`${sprint.name} · ${player.handle}`);
  const scene = page.locator('[data-replay="scene"]');
  const map = page.locator('[data-replay="map"]');
  const time = page.locator('[data-replay="time"]');
  const score = page.locator('[data-replay="score"]');
  const final = page.locator('[data-replay="final"]');
  const seconds = async () => Number(await time.textContent());
  expect(await time.textContent()).toBe("0.0");

  await page.getByLabel("Speed").selectOption("4");
  await page.getByRole("button", { name: "Play", exact: true }).click();
  // Targets appear in the 3D view and on the aim map as the run plays.
  await expect.poll(async () => (await screenshotPixels(scene)).warm, { timeout: 4000 }).toBeGreaterThan(200);
  expect((await screenshotPixels(scene)).colours).toBeGreaterThan(20);
  expect((await screenshotPixels(map)).warm).toBeGreaterThan(20);
  expect(await seconds()).toBeGreaterThan(0);

  // 15 s at 4x: the end, with the stored score.
  await expect.poll(() => final.textContent(), { timeout: 15_000 }).toBe(`Final score ${stored}`);
  expect(await time.textContent()).toBe("15.0");
  expect(await score.textContent()).toBe(String(stored));
  expect(await page.locator('[data-replay="hits"]').textContent()).toBe(String(finished.body.run.result.hits));
  expect(await page.locator('[data-replay="misses"]').textContent()).toBe(String(finished.body.run.result.misses));
  expect(await page.getByRole("button", { name: "Play again" }).isVisible()).toBe(true);

  // Seek back to 5 s: the scoreboard of that moment.
  await page.getByLabel("Seek").fill("5000");
  expect(await time.textContent()).toBe("5.0");
  expect(await final.textContent()).toBe("");
  const scoreAt5 = Number(await score.textContent());
  expect(scoreAt5).toBeLessThan(stored);

  // Play at 1x, pause with Space: time stands still.
  await page.getByLabel("Speed").selectOption("1");
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await expect.poll(seconds).toBeGreaterThan(5.5);
  await page.locator(".replay-arena").focus();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Play", exact: true }).waitFor();
  const paused = await seconds();
  await page.waitForTimeout(500);
  expect(await seconds()).toBe(paused);
  expect(paused).toBeLessThan(8);

  // Arrows step 5 s; Home goes back to the start.
  await page.keyboard.press("ArrowLeft");
  expect(await seconds()).toBeCloseTo(Math.max(0, paused - 5), 0);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  expect(await seconds()).toBeCloseTo(Math.max(0, paused - 5) + 10, 0);
  await page.keyboard.press("Home");
  expect([await time.textContent(), await score.textContent()]).toEqual(["0.0", "0"]);
  await page.close();
});

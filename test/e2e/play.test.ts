/**
 * A ranked run in Debian's Chromium: sign-up, pointer lock, synthetic mouse input aimed at the
 * core's own target positions (with an overshoot and a correction, as a hand would), hits on
 * screen, a results screen whose score is the one the core computes from the run's log, and the
 * server's verdict on the same log.
 */
import fs from "node:fs";
import { expect, it } from "vitest";
import { decodeLog, getScenario, replay, TIERS } from "../../game/core";
import { screenshotPixels, useServerAndBrowser } from "../support/e2e";
import { flickAtTargets, playContext, signUp, startRun } from "../support/play";

const SETTINGS = { cm360: 30, dpi: 800 };
const scenario = getScenario("gridshot-sprint")!;

const env = useServerAndBrowser();

it("plays a ranked run: pointer lock, hits from synthetic input, results = the core's replay = the server's score", async () => {
  const context = await playContext(env.browser, SETTINGS);
  const page = await context.newPage();
  await page.goto(`${env.server.url}/play/${scenario.id}`);
  await signUp(page);
  const { seed, mouse } = await startRun(page, scenario);
  expect((await screenshotPixels(page.locator("canvas"))).colours).toBeGreaterThan(20);
  const clicks = await flickAtTargets(page, { scenario, seed, settings: SETTINGS, mouse, maxClicks: 8 });
  expect(clicks).toBeGreaterThanOrEqual(3);
  await expect.poll(() => page.locator('[data-hud="score"]').textContent()).not.toBe("0");

  const results = page.getByTestId("results");
  await results.waitFor({ timeout: 20_000 });
  const shownScore = Number(await results.locator('[data-result="score"]').textContent());

  // The log the page recorded, downloaded as a player would, replayed here by the same core.
  await results.getByText("Run details").click();
  const [download] = await Promise.all([page.waitForEvent("download"), results.locator('[data-result="log"]').click()]);
  const log = new Uint8Array(fs.readFileSync(await download.path()));
  const result = replay(scenario, seed, TIERS.free, decodeLog(log), SETTINGS);

  expect(result.shots).toBe(clicks);
  expect(result.hits).toBe(clicks);
  expect(result.kills).toBe(clicks);
  expect(shownScore).toBe(result.score);
  expect(shownScore).toBeGreaterThan(0);
  const verdict = results.locator("[data-verdict]");
  await verdict.waitFor({ timeout: 10_000 });
  expect(await verdict.getAttribute("data-verdict")).toBe("verified");
  expect(await verdict.textContent()).toContain(`server score ${result.score}`);
  expect(await page.evaluate(() => document.pointerLockElement)).toBeNull();

  // Without a membership, Ultimate is offered unranked ("Try Ultimate"); free runs are ranked.
  const other = await context.newPage();
  await other.goto(`${env.server.url}/play/${scenario.id}`);
  await other.getByText(/Playing as/).waitFor();
  await other.getByRole("button", { name: /Click to start · ranked · Free tier/ }).waitFor();
  await other.getByLabel(/^Ultimate/).check();
  await other.getByRole("button", { name: /Click to start · practice · Try Ultimate \(unranked\)/ }).waitFor();
  await other.getByTestId("ultimate-note").waitFor();
  await context.close();
});

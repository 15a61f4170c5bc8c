/**
 * A ranked run in Debian's Chromium: sign-up, pointer lock, synthetic mouse input aimed at the
 * core's own target positions (with an overshoot and a correction, as a hand would), hits on
 * screen, a results screen whose score is the one the core computes from the run's log, and the
 * server's verdict on the same log.
 */
import { expect, it } from "vitest";
import { decodeLog, getScenario, replay, TIERS } from "../../game/core";
import { clickTargets, screenshotPixels, useServerAndBrowser } from "../support/e2e";

const SETTINGS = { cm360: 30, dpi: 800 };
const scenario = getScenario("gridshot-sprint")!;

const env = useServerAndBrowser();

it("plays a ranked run: pointer lock, hits from synthetic input, results = the core's replay = the server's score", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript((settings) => {
    localStorage.setItem("flickboard.settings.v1", JSON.stringify(settings));
  }, SETTINGS);
  const page = await context.newPage();
  await page.goto(`${env.server.url}/play/${scenario.id}`);
  await page.getByLabel("handle").fill(`e2e${Date.now() % 1e8}`);
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.getByText(/Playing as/).waitFor();

  // The aim starts wherever the start click leaves the mouse.
  const start = (await page.getByRole("button", { name: /Click to start/ }).boundingBox())!;
  const x = Math.round(start.x + start.width / 2);
  const y = Math.round(start.y + start.height / 2);
  await page.mouse.click(x, y);
  await expect.poll(() => page.evaluate(() => document.pointerLockElement?.tagName ?? null)).toBe("CANVAS");
  // The run's seed is the one the server chose.
  const seed = Number(await page.locator(".arena").getAttribute("data-seed"));
  // The countdown ends and the clock runs.
  await expect.poll(() => page.locator('[data-hud="time"]').textContent(), { timeout: 8000 }).not.toBe("15.0");
  expect((await screenshotPixels(page.locator("canvas"))).colours).toBeGreaterThan(20);

  // Up to 8 targets, while 3 s of the run are left.
  const clicks = await clickTargets(page, { scenario, seed, settings: SETTINGS, from: { x, y }, maxTargets: 8, minSecondsLeft: 3 });
  expect(clicks).toBeGreaterThanOrEqual(3);
  await expect.poll(() => page.locator('[data-hud="score"]').textContent()).not.toBe("0");

  const results = page.getByTestId("results");
  await results.waitFor({ timeout: 20_000 });
  const shownScore = Number(await results.locator('[data-result="score"]').textContent());

  // The log the page recorded, replayed here by the same core.
  const href = await results.locator('[data-result="log"]').getAttribute("href");
  const logBase64 = await page.evaluate(async (url) => {
    const bytes = new Uint8Array(await (await fetch(url!)).arrayBuffer());
    let s = "";
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  }, href);
  const result = replay(scenario, seed, TIERS.free, decodeLog(new Uint8Array(Buffer.from(logBase64, "base64"))), SETTINGS);

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

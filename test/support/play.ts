/**
 * Drives /play/[scenario] in Chromium as a player would: sign-up, the start click that takes
 * pointer lock, synthetic mouse flicks aimed at the core's own target positions (with an overshoot
 * and a correction, as a hand would). Shared by browser tests.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { anglesToward, radiansPerCount, spawnPosition, vec3, type Aim, type Scenario } from "../../game/core";

export interface AimSettings {
  cm360: number;
  dpi: number;
}

/** A browser context whose pages play at 1280×720 with these aim settings saved. */
export async function playContext(browser: Browser, settings: AimSettings): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript((settings) => {
    localStorage.setItem("flickboard.settings.v1", JSON.stringify(settings));
  }, settings);
  return context;
}

/** Signs up on the open play page with a fresh handle, so the next run is ranked. */
export async function signUp(page: Page): Promise<void> {
  await page.getByLabel("handle").fill(`e2e${Date.now() % 1e8}`);
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.getByText(/Playing as/).waitFor();
}

/**
 * Clicks "Click to start" and waits until the canvas holds pointer lock and the run's clock runs.
 * Returns the run's seed (the server's, for a ranked run) and where the start click left the mouse.
 */
export async function startRun(page: Page, scenario: Scenario): Promise<{ seed: number; mouse: { x: number; y: number } }> {
  const button = page.getByRole("button", { name: /Click to start/ });
  await button.scrollIntoViewIfNeeded();
  const start = (await button.boundingBox())!;
  const mouse = { x: Math.round(start.x + start.width / 2), y: Math.round(start.y + start.height / 2) };
  await page.mouse.click(mouse.x, mouse.y);
  await page.waitForFunction(() => document.pointerLockElement?.tagName === "CANVAS");
  const seed = Number(await page.locator(".arena").getAttribute("data-seed"));
  // The countdown ends and the clock runs.
  const full = (scenario.durationMs / 1000).toFixed(1);
  await page.waitForFunction((full) => document.querySelector('[data-hud="time"]')?.textContent !== full, full, { timeout: 8000 });
  return { seed, mouse };
}

/**
 * Aims at each target in spawn order (every kill spawns the next index) and clicks, up to
 * `maxClicks` times while more than `minSecondsLeft` (default 3 s) of the run are left (a loaded
 * machine moves the mouse slowly); returns the clicks made. Under pointer lock every mouse event moves the aim by its offset
 * from the previous one, so the aim starts wherever `mouse` (the start click) left it.
 */
export async function flickAtTargets(
  page: Page,
  options: {
    scenario: Scenario;
    seed: number;
    settings: AimSettings;
    mouse: { x: number; y: number };
    maxClicks: number;
    minSecondsLeft?: number;
    /** Called right after each click (the k-th, from 0), before the next flick. */
    afterClick?: (k: number) => Promise<void>;
  },
): Promise<number> {
  const { scenario, seed, settings, maxClicks, minSecondsLeft = 3 } = options;
  let { x, y } = options.mouse;
  const rpc = radiansPerCount(settings);
  const aim = { yaw: 0, pitch: 0 };
  const target: Aim = { yaw: 0, pitch: 0 };
  let clicks = 0;
  for (let k = 0; k < maxClicks && Number(await page.locator('[data-hud="time"]').textContent()) > minSecondsLeft; k++, clicks++) {
    anglesToward(spawnPosition(scenario, seed, k, vec3()), target);
    const dx = Math.round((target.yaw - aim.yaw) / rpc);
    const dy = -Math.round((target.pitch - aim.pitch) / rpc);
    // Overshoot by 15 %, then come back: a hand's flick, not an aimbot's jump.
    await page.mouse.move(x + dx * 1.15, y + dy * 1.15, { steps: 12 });
    x += dx;
    y += dy;
    await page.mouse.move(x, y, { steps: 6 });
    aim.yaw += dx * rpc;
    aim.pitch -= dy * rpc;
    await page.waitForTimeout(80); // past the tier's input latency and a presented frame
    await page.mouse.down();
    await page.mouse.up();
    await options.afterClick?.(k);
    await page.waitForTimeout(80); // the next target spawns on the kill and shows on the next frame
  }
  return clicks;
}

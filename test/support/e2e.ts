/** For browser tests: the real server and Chromium, started before the file's tests, stopped after. */
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { anglesToward, radiansPerCount, spawnPosition, vec3, type Aim, type RunSettings, type Scenario } from "../../game/core";
import { launchBrowser } from "./browser";
import { startAppServer, type AppServer } from "./server";

export function useServerAndBrowser(env: Record<string, string> = {}): { server: AppServer; browser: Browser } {
  const handles = {} as { server: AppServer; browser: Browser };
  beforeAll(async () => {
    [handles.server, handles.browser] = await Promise.all([startAppServer(env), launchBrowser()]);
  });
  afterAll(async () => {
    await handles.browser?.close();
    await handles.server?.stop();
  });
  return handles;
}

/**
 * What a screenshot of an element shows, decoded by the browser itself: how many distinct colours (a
 * canvas that drew something has many) and how many "warm" pixels, clearly redder than blue, as the
 * default orange targets are (the room and the page are grey-blue).
 */
export async function screenshotPixels(element: Locator): Promise<{ colours: number; warm: number }> {
  const png = (await element.screenshot()).toString("base64");
  return element.page().evaluate(async (data) => {
    const img = new Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    let warm = 0;
    for (let i = 0; i < px.length; i += 4) {
      seen.add((px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!);
      if (px[i]! - px[i + 2]! > 60 && px[i]! >= px[i + 1]!) warm++;
    }
    return { colours: seen.size, warm };
  }, png);
}

/**
 * Plays a started run under pointer lock as a hand would: aims at its targets in spawn order (every
 * kill spawns the next index), overshooting by 15 % and coming back, and clicks each. Under pointer
 * lock every mouse event moves the aim by its offset from the previous one, so `from` is where the
 * start click left the mouse. Stops after `maxTargets`, or once the HUD clock is down to
 * `minSecondsLeft` (a loaded machine moves the mouse slowly). Answers how many clicks it made.
 */
export async function clickTargets(
  page: Page,
  run: { scenario: Scenario; seed: number; settings: RunSettings; from: { x: number; y: number }; maxTargets: number; minSecondsLeft: number },
): Promise<number> {
  const rpc = radiansPerCount(run.settings);
  let { x, y } = run.from;
  const aim = { yaw: 0, pitch: 0 };
  const target: Aim = { yaw: 0, pitch: 0 };
  let clicks = 0;
  for (let k = 0; k < run.maxTargets && Number(await page.locator('[data-hud="time"]').textContent()) > run.minSecondsLeft; k++, clicks++) {
    anglesToward(spawnPosition(run.scenario, run.seed, k, vec3()), target);
    const dx = Math.round((target.yaw - aim.yaw) / rpc);
    const dy = -Math.round((target.pitch - aim.pitch) / rpc);
    await page.mouse.move(x + dx * 1.15, y + dy * 1.15, { steps: 12 });
    x += dx;
    y += dy;
    await page.mouse.move(x, y, { steps: 6 });
    aim.yaw += dx * rpc;
    aim.pitch -= dy * rpc;
    await page.waitForTimeout(80); // past the tier's input latency and a presented frame
    await page.mouse.down();
    await page.mouse.up();
    await page.waitForTimeout(80); // the next target spawns on the kill and shows on the next frame
  }
  return clicks;
}

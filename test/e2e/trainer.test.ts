/**
 * The trainer's loop in Debian's Chromium: the restart key starts a new run at once (a ranked run
 * under way is abandoned on the server first), Esc on a ranked run asks before abandoning it, the
 * hit marker shows on a hit (screenshot: test-results/trainer-hit-marker.png), the arena goes full
 * screen (or fills the window where the browser refuses), the HUD starts every run from its own
 * numbers, and a signed-in player's settings are kept on the server and load in another browser.
 *
 * Headless Chromium does not release pointer lock for a synthetic Esc key press, so the tests
 * release it as Esc does, with document.exitPointerLock(): the page sees the same
 * pointerlockchange event.
 */
import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { expect, it } from "vitest";
import { getScenario } from "../../game/core";
import { seriousViolations } from "../support/axe";
import { withDb } from "../support/db";
import { useServerAndBrowser } from "../support/e2e";
import { flickAtTargets, playContext, signUp, startRun } from "../support/play";
import { ROOT } from "../support/routes";
import { seededSqliteUrl } from "../support/server";

const SETTINGS = { cm360: 30, dpi: 800 };
/** 15 s runs; the ranked run that goes through the restart and the Esc dialog is a 60 s one (a loaded machine is slow). */
const scenario = getScenario("gridshot-sprint")!;
const longScenario = getScenario("gridshot")!;
const fullTime = (s: typeof scenario) => (s.durationMs / 1000).toFixed(1);
const FULL_TIME = fullTime(scenario);
/** A ranked flow with several server round trips and software WebGL on a loaded machine. */
const FLOW_TIMEOUT_MS = 150_000;
/** How long a change the page makes (a server answer, a frame) may take to show. */
const POLL = { timeout: 10_000 };
const SHOTS = path.join(ROOT, "test-results");

const databaseUrl = seededSqliteUrl();
const env = useServerAndBrowser({ DATABASE_URL: databaseUrl });

/** The ids of the runs the page starts on the server, in order. */
function watchStartedRuns(page: Page): string[] {
  const ids: string[] = [];
  page.on("response", async (res) => {
    if (res.request().method() === "POST" && new URL(res.url()).pathname === "/api/runs" && res.ok()) ids.push((await res.json()).runId);
  });
  return ids;
}

/** An API call from the page, with its player's cookie. */
async function call(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; body: any }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const res = await fetch(url, { method, headers: body ? { "content-type": "application/json" } : {}, body: body ? JSON.stringify(body) : undefined });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    { method, url, body },
  );
}

/**
 * Records each shot marker as the session sets it ("hit" or "miss", with its opacity then). With
 * `freeze`, the page stops drawing frames at the first one, so that it can be photographed:
 * photographing software-rendered WebGL takes longer than the marker shows.
 */
async function watchShots(page: Page, { freeze }: { freeze: boolean }): Promise<() => Promise<string[]>> {
  await page.evaluate((freeze) => {
    const w = window as unknown as { shots: string[]; frozen: boolean; raf: typeof requestAnimationFrame };
    const marker = document.querySelector('[data-testid="shot-marker"]')!;
    w.shots = [];
    w.raf = window.requestAnimationFrame;
    let next = 0;
    window.requestAnimationFrame = (cb) => (next = w.raf.call(window, cb));
    new MutationObserver(() => {
      const shot = marker.getAttribute("data-shot");
      if (!shot) return;
      w.shots.push(`${shot}, opacity ${getComputedStyle(marker).opacity}`);
      if (!freeze) return;
      cancelAnimationFrame(next); // the frame loop asked for its next frame before it took the shot
      window.requestAnimationFrame = () => 0;
      w.frozen = true;
    }).observe(marker, { attributes: true, attributeFilter: ["data-shot"] });
  }, freeze);
  return () => page.evaluate(() => (window as unknown as { shots: string[] }).shots);
}

/** Counts the sounds the page makes (each is one Web Audio oscillator). */
async function countTones(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { tones: number };
    w.tones = 0;
    const create = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      if (this.state === "running") w.tones++;
      return create.call(this);
    };
  });
}
const tones = (page: Page) => page.evaluate(() => (window as unknown as { tones: number }).tones);

const hud = (page: Page, field: "time" | "score" | "accuracy") => page.locator(`[data-hud="${field}"]`).textContent();
const runVerdict = (runId: string) => withDb(databaseUrl, (db) => db.run.findUniqueOrThrow({ where: { id: runId } })).then((r) => r.verdict);

it("R restarts a ranked run at once: the open run is abandoned on the server, a new one runs with no countdown from full time and 0", async () => {
  const scenario = longScenario;
  const FULL_TIME = fullTime(scenario);
  const context = await playContext(env.browser, SETTINGS);
  await countTones(context);
  const page = await context.newPage();
  const started = watchStartedRuns(page);
  await page.goto(`${env.server.url}/play/${scenario.id}`);
  await signUp(page);
  const first = await startRun(page, scenario);
  await expect.poll(() => started.length, POLL).toBe(1);
  // Full screen (the default): the arena, then pointer lock on its canvas.
  expect(await page.evaluate(() => document.fullscreenElement?.getAttribute("data-phase"))).toBe("playing");

  // A hit shows the marker at the crosshair (photographed: the page stops drawing frames as it shows;
  // the run is restarted below anyway) and makes a sound.
  const shots = await watchShots(page, { freeze: true });
  expect(await flickAtTargets(page, { ...first, scenario, settings: SETTINGS, maxClicks: 1 })).toBe(1);
  await page.waitForFunction(() => (window as unknown as { frozen: boolean }).frozen);
  expect(await shots()).toEqual(["hit, opacity 1"]);
  expect(await tones(page)).toBe(1);
  expect(await page.getByTestId("shot-marker").getAttribute("data-shot")).toBe("hit");
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.locator(".arena").screenshot({ path: path.join(SHOTS, "trainer-hit-marker.png") });
  await page.evaluate(() => {
    window.requestAnimationFrame = (window as unknown as { raf: typeof requestAnimationFrame }).raf;
  });
  expect(await hud(page, "score")).not.toBe("0");
  expect(await hud(page, "accuracy")).toBe("100%");

  // What the HUD and the countdown show from here on, as they change.
  await page.evaluate(() => {
    const shown: Record<string, string[]> = ((window as unknown as { shown: Record<string, string[]> }).shown = {});
    for (const el of document.querySelectorAll("[data-hud], .countdown")) {
      const name = el.getAttribute("data-hud") ?? "countdown";
      shown[name] = [];
      new MutationObserver(() => el.textContent && shown[name]!.push(el.textContent)).observe(el, { childList: true, characterData: true, subtree: true });
    }
  });
  const shown = () => page.evaluate(() => (window as unknown as { shown: Record<string, string[]> }).shown);

  // R: the run under way is abandoned on the server, and a new one starts on a new seed.
  const abandoned = page.waitForResponse((res) => res.url().endsWith(`/api/runs/${started[0]}/abandon`));
  await page.keyboard.press("KeyR");
  expect((await abandoned).status()).toBe(204);
  await expect.poll(() => started.length, POLL).toBe(2);
  await page.waitForFunction((seed) => document.querySelector(".arena")?.getAttribute("data-seed") !== String(seed), first.seed);
  expect(await runVerdict(started[0]!)).toBe("abandoned");
  expect((await call(page, "POST", `/api/runs/${started[0]}/abandon`)).body.error.code).toBe("run_already_finished");

  // No countdown: the new run's clock runs from full time, with the score at 0 and no accuracy yet.
  await page.waitForFunction(() => document.pointerLockElement?.tagName === "CANVAS");
  await expect.poll(async () => Number((await shown()).time!.at(-1)), POLL).toBeLessThan(Number(FULL_TIME));
  const hudAfterR = await shown();
  expect(hudAfterR.countdown).toEqual([]);
  expect(hudAfterR.time![0]).toBe(FULL_TIME);
  expect(Number(hudAfterR.time!.at(-1))).toBeLessThan(Number(FULL_TIME));
  expect(hudAfterR.score![0]).toBe("0");
  expect(hudAfterR.accuracy![0]).toBe("—");
  expect(await page.locator(".arena").getAttribute("data-phase")).toBe("playing");

  // Esc on a ranked run asks; "Keep playing" takes the mouse back and the run goes on.
  await page.evaluate(() => document.exitPointerLock());
  const dialog = page.getByRole("alertdialog", { name: "Abandon this ranked run?" });
  await dialog.waitFor();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Keep playing");
  expect(await seriousViolations(page)).toEqual([]);
  const timeAtEsc = Number(await hud(page, "time"));
  await expect.poll(async () => Number(await hud(page, "time")), POLL).toBeLessThan(timeAtEsc); // the clock keeps running
  await dialog.getByRole("button", { name: "Keep playing" }).click();
  await page.waitForFunction(() => document.pointerLockElement?.tagName === "CANVAS");
  await dialog.waitFor({ state: "detached" });
  expect(await page.locator(".arena").getAttribute("data-phase")).toBe("playing");

  // Esc again and "Abandon": the run ends, and the server has it abandoned.
  await page.evaluate(() => document.exitPointerLock());
  await dialog.waitFor();
  const abandonedSecond = page.waitForResponse((res) => res.url().endsWith(`/api/runs/${started[1]}/abandon`));
  await dialog.getByRole("button", { name: "Abandon" }).click();
  expect((await abandonedSecond).status()).toBe(204);
  await page.getByText("You abandoned the ranked run.").waitFor();
  expect(await page.locator(".arena").getAttribute("data-phase")).toBe("abandoned");
  expect(await runVerdict(started[1]!)).toBe("abandoned");
  expect(started).toHaveLength(2);
  await context.close();
}, FLOW_TIMEOUT_MS);

it("counts down on a retry when asked to, with the HUD at the new run's full time and 0 during the countdown; a miss has its cue; R on the results", async () => {
  const context = await playContext(env.browser, SETTINGS);
  await countTones(context);
  // A browser that refuses full screen: the arena fills the window instead.
  await context.addInitScript(() => {
    Element.prototype.requestFullscreen = () => Promise.reject(new TypeError("Permissions check failed"));
  });
  const page = await context.newPage();
  await page.goto(`${env.server.url}/play/${scenario.id}`);
  // A visitor's free runs are ranked (as a guest); "Try Ultimate" without a membership is practice, restarted locally.
  await page.getByLabel(/^Ultimate: /).check();
  await page.getByRole("button", { name: /Click to start · practice · Try Ultimate/ }).waitFor();
  await page.getByLabel("Countdown on retry").check();
  const first = await startRun(page, scenario);
  expect(await page.locator(".arena").getAttribute("class")).toContain("arena-filled");
  expect(await page.locator(".arena").boundingBox()).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
  // A shot at the empty wall above the targets (the aim then comes back), then one at a target.
  const shots = await watchShots(page, { freeze: false });
  await page.mouse.move(first.mouse.x, first.mouse.y - 500, { steps: 10 });
  await page.mouse.down();
  await page.mouse.up();
  await page.mouse.move(first.mouse.x, first.mouse.y, { steps: 10 });
  await flickAtTargets(page, { ...first, scenario, settings: SETTINGS, maxClicks: 1 });
  await expect.poll(() => hud(page, "score"), POLL).not.toBe("0");
  expect(await shots()).toEqual(["miss, opacity 1", "hit, opacity 1"]);
  expect(await tones(page)).toBe(2);
  expect(await hud(page, "accuracy")).toBe("50%");

  await page.keyboard.press("KeyR");
  await page.waitForFunction(() => document.querySelector(".countdown")?.textContent !== "");
  expect(await page.locator(".arena").getAttribute("data-seed")).not.toBe(String(first.seed));
  expect(await hud(page, "time")).toBe(FULL_TIME);
  expect(await hud(page, "score")).toBe("0");
  expect(await hud(page, "accuracy")).toBe("—");
  // Then the practice run starts on its own, pointer lock kept.
  await expect.poll(() => hud(page, "time"), POLL).not.toBe(FULL_TIME);
  expect(await page.evaluate(() => document.pointerLockElement?.tagName)).toBe("CANVAS");

  // It ends on 0.0; on its results, R starts the next run (counting down, as asked).
  await page.getByTestId("results").waitFor({ timeout: 30_000 });
  expect(await hud(page, "time")).toBe("0.0");
  await page.getByTestId("restart-hint").waitFor();
  const second = await page.locator(".arena").getAttribute("data-seed");
  await page.keyboard.press("KeyR");
  await page.waitForFunction(() => document.querySelector(".countdown")?.textContent !== "");
  expect(await page.locator(".arena").getAttribute("data-seed")).not.toBe(second);
  expect(await hud(page, "time")).toBe(FULL_TIME);
  expect(await page.getByTestId("results").count()).toBe(0);
  await context.close();
}, FLOW_TIMEOUT_MS);

it("keeps a signed-in player's settings on the server and loads them in another browser", async () => {
  const context = await playContext(env.browser, SETTINGS);
  const page = await context.newPage();
  await page.goto(`${env.server.url}/play/${scenario.id}`);
  await signUp(page);
  const sync = page.getByTestId("settings-sync");
  // A new player's account takes this browser's settings.
  await expect.poll(() => sync.getAttribute("data-sync"), POLL).toBe("account");
  expect((await call(page, "GET", "/api/players/me")).body.player.settings).toMatchObject(SETTINGS);

  await page.getByLabel("Crosshair size").fill("26");
  await page.getByLabel("Crosshair gap").fill("3");
  await page.getByLabel("Crosshair outline").check();
  const volume = page.getByLabel("Volume");
  await volume.focus();
  for (let i = 0; i < 7; i++) await volume.press("ArrowLeft"); // 60 to 25 in steps of 5
  const restartKey = page.getByRole("button", { name: /Restart key/ });
  await restartKey.click();
  expect(await restartKey.getAttribute("aria-pressed")).toBe("true");
  await page.keyboard.press("KeyT");
  expect(await restartKey.getAttribute("aria-pressed")).toBe("false");
  await expect.poll(() => sync.getAttribute("data-sync"), POLL).toBe("account");
  const saved = { crosshairSize: 26, crosshairGap: 3, crosshairOutline: true, volume: 25, restartKey: "KeyT" };
  expect((await call(page, "GET", "/api/players/me")).body.player.settings).toMatchObject({ ...SETTINGS, ...saved });

  // The shot marker fades out here; with reduced motion (below) it does not move at all.
  // Its motion as a hit sets it (the attribute set here as the session sets it).
  const markerMotion = (p: Page) =>
    p.getByTestId("shot-marker").evaluate((el) => {
      const fade = getComputedStyle(el).transitionDuration;
      el.setAttribute("data-shot", "hit");
      const pop = getComputedStyle(el).animationName;
      el.removeAttribute("data-shot");
      return { fade, pop: pop !== "none" };
    });
  expect(await markerMotion(page)).toEqual({ fade: "0.15s", pop: true });

  // Another browser (nothing in its localStorage, reduced motion asked for), signed in as the same player.
  const other = await env.browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: "reduce" });
  await other.addCookies(await context.cookies());
  const second = await other.newPage();
  await second.goto(`${env.server.url}/play/${scenario.id}`);
  await second.getByText(/Playing as/).waitFor();
  await expect.poll(() => second.getByLabel("Crosshair size").inputValue(), POLL).toBe("26");
  expect(await second.getByLabel("Crosshair gap").inputValue()).toBe("3");
  expect(await second.getByLabel("Crosshair outline").isChecked()).toBe(true);
  expect(await second.getByRole("button", { name: /Restart key/ }).textContent()).toBe("T");
  expect(await second.getByLabel("cm/360").inputValue()).toBe(String(SETTINGS.cm360));
  // The crosshair is drawn with them.
  expect(await second.locator("[data-crosshair]").evaluate((el) => getComputedStyle(el).getPropertyValue("--ch-size"))).toBe("26px");
  expect(await markerMotion(second)).toEqual({ fade: "0s", pop: false });

  // A tracking scenario's HUD measures time on target.
  await second.goto(`${env.server.url}/play/smooth-track`);
  await second.getByRole("button", { name: /Click to start/ }).waitFor();
  expect(await second.locator('[data-hud="accuracy"]').locator("..").textContent()).toBe("On target —");
  await other.close();
  await context.close();
});

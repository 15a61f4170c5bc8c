/**
 * The booth in Debian's Chromium: pairing, the attract screen, sign-up, the how-to, a free and an
 * Ultimate run played with synthetic mouse input, the result side by side, the automatic return to
 * the attract screen; the big screen updating without a reload; and a run whose finish could not be
 * sent kept across a reload and uploaded exactly once when the network returns. Screenshots of the
 * attract, result and display screens at 1920x1080 go to test-results/.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { parseScenario, type Scenario } from "../../game/core";
import { runCli } from "../support/cli";
import { withDb } from "../support/db";
import { useServerAndBrowser } from "../support/e2e";
import { flickAtTargets } from "../support/play";
import { ROOT } from "../support/routes";
import { seededSqliteUrl } from "../support/server";

const databaseUrl = seededSqliteUrl();
const env = useServerAndBrowser({ DATABASE_URL: databaseUrl });
const SHOTS = path.join(ROOT, "test-results");
const FULL_HD = { width: 1920, height: 1080 };
/** Smaller while playing: software WebGL at full HD is slow on a loaded machine. */
const PLAY_VIEW = { width: 1280, height: 720 };
const SETTINGS = { cm360: 30, dpi: 800 };
/** Long enough for a few aimed clicks from a loaded machine. */
const RUN_SECONDS = 10;
/** The booth flow takes a few minutes of real time: the how-to, two runs, the idle timeout. */
const FLOW_TIMEOUT_MS = 180_000;

async function createKiosk(name: string) {
  const out = await runCli("kiosk-create.ts", ["--name", name, "--run-seconds", String(RUN_SECONDS), "--idle-seconds", "8", "--cm360", String(SETTINGS.cm360)], { DATABASE_URL: databaseUrl });
  expect(out.code, out.stderr).toBe(0);
  return {
    code: /Pairing code: (\S+)/.exec(out.stdout)![1]!,
    pin: /Staff PIN: (\d{6})/.exec(out.stdout)![1]!,
    id: /\((c[a-z0-9]+)\)/.exec(out.stdout)![1]!,
  };
}

async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name) });
}

/** No scroll bars: the document is no larger than the window. */
async function fitsWindow(page: Page) {
  return page.evaluate(() => {
    const d = document.documentElement;
    return d.scrollHeight <= window.innerHeight && d.scrollWidth <= window.innerWidth;
  });
}

async function pair(page: Page, code: string) {
  await page.goto(`${env.server.url}/kiosk`);
  await page.getByLabel("pairing code").fill(code);
  await page.getByRole("button", { name: "Pair" }).click();
  await page.locator('[data-screen="attract"]').waitFor();
  await page.getByTestId("challenge-top").waitFor();
}

async function signUp(page: Page, handle: string) {
  await page.keyboard.press("Enter");
  await page.getByTestId("signup").waitFor();
  await page.getByLabel("handle", { exact: true }).fill(handle);
  await expect.poll(() => page.getByTestId("handle-check").textContent()).toBe("Available");
  await page.getByLabel("e-mail", { exact: true }).fill(`${handle}@example.com`);
  await page.getByLabel(/Contact me/).check();
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await page.getByTestId("howto").waitFor();
}

/**
 * Plays the run waiting for its click: aims at each target in spawn order from the server's seed
 * (with an overshoot and a correction, as a hand would) and clicks it. `whilePlaying` runs once the
 * run is under way.
 */
async function playRun(page: Page, scenario: Scenario, tier: "free" | "ultimate", whilePlaying?: () => Promise<void>) {
  const start = page.getByRole("button", { name: new RegExp(`Click to start your ${tier === "free" ? "Free" : "Ultimate"} run`) });
  await start.waitFor({ timeout: 20_000 });
  const box = (await start.boundingBox())!;
  const x = Math.round(box.x + box.width / 2);
  const y = Math.round(box.y + box.height / 2);
  await page.mouse.click(x, y);
  await expect.poll(() => page.evaluate(() => document.pointerLockElement?.tagName ?? null)).toBe("CANVAS");
  const seed = Number(await page.locator(`.kiosk-arena[data-tier="${tier}"]`).getAttribute("data-seed"));
  await expect.poll(() => page.locator('[data-hud="time"]').textContent(), { timeout: 8000 }).not.toBe(RUN_SECONDS.toFixed(1));
  await whilePlaying?.();

  const clicks = await flickAtTargets(page, { scenario, seed, settings: SETTINGS, mouse: { x, y }, maxClicks: 6, minSecondsLeft: 1.5 });
  expect(clicks).toBeGreaterThanOrEqual(2);
  // The run ends on its own; the pointer is released.
  await expect.poll(() => page.evaluate(() => document.pointerLockElement), { timeout: 20_000 }).toBeNull();
}

async function boothScenario(kioskId: string): Promise<Scenario> {
  const { scenarioId } = await withDb(databaseUrl, (db) => db.kiosk.findUniqueOrThrow({ where: { id: kioskId } }));
  const res = await fetch(`${env.server.url}/api/scenarios/${scenarioId}`);
  return parseScenario((await res.json()).scenario.definition);
}

it("walks the booth: pair, sign up, free then Ultimate, the result, back to the attract screen; the big screen updates live", async () => {
  const kiosk = await createKiosk("E2E booth");
  const scenario = await boothScenario(kiosk.id);
  const handle = `booth${Date.now() % 1e8}`;

  const display = await (await env.browser.newContext({ viewport: FULL_HD })).newPage();
  await display.goto(`${env.server.url}/kiosk/display/ultimate-challenge`);
  await display.getByTestId("live").waitFor();
  expect(await display.locator(`[data-testid="display-day"] li[data-handle="${handle}"]`).count()).toBe(0);
  const displayLoads: string[] = [];
  display.on("framenavigated", (f) => f === display.mainFrame() && displayLoads.push(f.url()));

  const context = await env.browser.newContext({ viewport: FULL_HD });
  const page = await context.newPage();
  await pair(page, kiosk.code);
  expect(await fitsWindow(page)).toBe(true);
  await screenshot(page, "kiosk-attract-1920x1080.png");

  await page.setViewportSize(PLAY_VIEW);
  await signUp(page, handle);
  // The how-to ends by itself after 10 seconds; the free run waits for its click.
  await playRun(page, scenario, "free");
  await page.getByTestId("between").waitFor({ timeout: 20_000 });
  const freeScore = Number(await page.locator('[data-run="free"]').textContent());
  await page.getByRole("button", { name: "Continue to the Ultimate run" }).click();
  await playRun(page, scenario, "ultimate");

  const result = page.getByTestId("result");
  await result.waitFor({ timeout: 20_000 });
  await page.setViewportSize(FULL_HD);
  const scores = await result.locator("[data-score]").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-score"))));
  expect(scores[0]).toBe(freeScore);
  expect(scores.every((s) => s > 0)).toBe(true);
  expect(await result.getByTestId("ratio").textContent()).toBe(`${(scores[1]! / scores[0]!).toFixed(1)}x on Ultimate`);
  expect(await result.locator('[data-status="verified"]').count()).toBe(2);
  expect(await result.getByTestId("day-rank").textContent()).toMatch(/Rank of the day#\d+/);
  await result.getByTestId("qr").waitFor();
  expect(await result.getByTestId("qr").getAttribute("data-url")).toBe(`${env.server.url}/players/${handle}`);
  expect(await fitsWindow(page)).toBe(true);
  await screenshot(page, "kiosk-result-1920x1080.png");
  // The player's token was never stored: no session cookie, nothing but the kiosk's setup in storage.
  expect((await context.cookies()).map((c) => c.name)).toEqual(["fb_kiosk"]);
  expect(await page.evaluate(() => [Object.keys(localStorage), Object.keys(sessionStorage)])).toEqual([["flickboard.kiosk.config.v1"], []]);

  // The big screen shows the new player without a reload.
  await display.locator(`[data-testid="display-day"] li[data-handle="${handle}"]`).waitFor({ timeout: 15_000 });
  await expect.poll(() => display.getByTestId("uplift").textContent(), { timeout: 20_000 }).toMatch(/x on Ultimate \(median of 1 player\)/);
  expect(displayLoads).toEqual([]);
  expect(await fitsWindow(display)).toBe(true);
  await screenshot(display, "kiosk-display-1920x1080.png");

  // Left alone, the result screen goes back to the attract screen and the player's session ends.
  await page.locator('[data-screen="attract"]').waitFor({ timeout: 20_000 });
  await withDb(databaseUrl, async (db) => {
    const player = await db.player.findUniqueOrThrow({ where: { handleKey: handle }, include: { boothVisits: { include: { freeRun: true, ultimateRun: true } } } });
    await expect.poll(() => db.playerSession.count({ where: { playerId: player.id, revokedAt: null } })).toBe(0);
    expect(player).toMatchObject({ kioskId: kiosk.id, contactEmail: `${handle}@example.com` });
    const [visit] = player.boothVisits;
    expect(visit!.freeRun).toMatchObject({ kioskId: kiosk.id, tier: "free", verdict: "verified", score: scores[0] });
    expect(visit!.ultimateRun).toMatchObject({ kioskId: kiosk.id, tier: "ultimate", verdict: "verified", score: scores[1] });
  });

  // Staff leave kiosk mode only with the kiosk's PIN.
  await page.getByRole("button", { name: "Staff" }).click();
  await page.getByLabel("staff PIN").fill(kiosk.pin === "000000" ? "000001" : "000000");
  await page.getByRole("button", { name: "Unlock" }).click();
  await page.getByText("That PIN is not this kiosk's.").waitFor();
  await page.getByLabel("staff PIN").fill(kiosk.pin);
  await page.getByRole("button", { name: "Unlock" }).click();
  await page.getByRole("button", { name: "Leave kiosk mode" }).click();
  await page.waitForURL(`${env.server.url}/`);
  await context.close();
  await display.context().close();
}, FLOW_TIMEOUT_MS);

it("keeps a run whose finish cannot be sent across a reload, and uploads it exactly once when the network returns", async () => {
  const kiosk = await createKiosk("Offline booth");
  const scenario = await boothScenario(kiosk.id);
  const handle = `offline${Date.now() % 1e8}`;
  const context = await env.browser.newContext({ viewport: PLAY_VIEW });
  const page = await context.newPage();
  await pair(page, kiosk.code);
  await signUp(page, handle);
  await page.getByTestId("howto").click();
  await playRun(page, scenario, "free");
  await page.getByRole("button", { name: "Continue to the Ultimate run" }).click({ timeout: 20_000 });

  // The venue network goes away while the Ultimate run is played: every API call fails.
  const blockApi = (route: { abort(): Promise<void> }) => route.abort();
  await playRun(page, scenario, "ultimate", async () => {
    await page.route("**/api/**", blockApi);
  });
  const result = page.getByTestId("result");
  await result.waitFor({ timeout: 20_000 });
  expect(await result.locator('[data-run="ultimate"] [data-status]').getAttribute("data-status")).toBe("kept");
  expect(await result.locator('[data-run="ultimate"]').textContent()).toContain("Saved, will upload.");

  // A reload loses nothing: the kiosk opens offline with the run still kept.
  await page.reload();
  await page.locator('[data-screen="attract"]').waitFor();
  await page.getByTestId("pending").waitFor();
  expect(await page.getByTestId("pending").textContent()).toBe("1 run saved, will upload");

  // Back after the run's deadline: the kiosk was silent when its finish was due, so it is let in late.
  const run = await withDb(databaseUrl, (db) => db.run.findFirstOrThrow({ where: { kioskId: kiosk.id, tier: "ultimate" } }));
  expect(run.finishedAt).toBeNull();
  await new Promise((r) => setTimeout(r, Math.max(0, run.expiresAt.getTime() + 500 - Date.now())));
  const uploads: string[] = [];
  page.on("request", (req) => {
    if (req.method() === "POST" && req.url().includes(`/api/kiosks/me/runs/${run.id}/finish`)) uploads.push(req.url());
  });
  await page.unroute("**/api/**", blockApi);
  await page.getByTestId("pending").waitFor({ state: "detached", timeout: 20_000 });
  // A few more heartbeats: nothing is sent again.
  await page.waitForTimeout(5000);
  expect(uploads).toHaveLength(1);

  await withDb(databaseUrl, async (db) => {
    const uploaded = await db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(uploaded).toMatchObject({ verdict: "verified", kioskOnlineAt: null });
    expect(uploaded.lateUploadAt).not.toBeNull();
    expect((uploaded.findings as { code: string }[]).map((f) => f.code)).toContain("late_upload");
    expect(await db.boardEntry.count({ where: { runId: run.id, periodKind: "day", tier: "ultimate" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "run.late_upload", targetId: run.id } })).toBe(1);
  });
  await context.close();
}, FLOW_TIMEOUT_MS);

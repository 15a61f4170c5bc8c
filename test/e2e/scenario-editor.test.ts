/**
 * Issue 16's first "done when", in Debian's Chromium against the real server: a named player makes a
 * scenario in the editor from a built-in preset, watches the live preview move, sees a field's
 * out-of-bounds value refused beside it and a blocked name refused by the server, publishes and
 * copies the share code; a second player opens
 * the code, plays a ranked run on it with synthetic input, and is on that version's board (the API's
 * and the share page's top list).
 */
import { expect, it } from "vitest";
import { parseScenario } from "../../game/core";
import type { BoardPage } from "../../lib/contracts/boards";
import { pageCall, useServerAndBrowser } from "../support/e2e";
import { flickAtTargets, playContext, startRun } from "../support/play";

const SETTINGS = { cm360: 30, dpi: 800 };
/** How long a change the page makes (a server answer, a preview frame) may take to show. */
const POLL = { timeout: 15_000 };

const env = useServerAndBrowser();

it("a player makes, previews and publishes a scenario; another opens its code, plays it ranked and is on its board", { timeout: 240_000 }, async () => {
  // Player A, with a handle (a guest may not publish: the editor says so).
  const maker = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await maker.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.server.url });
  const editor = await maker.newPage();
  await editor.goto(`${env.server.url}/scenarios/new`);
  await editor.getByTestId("handle-needed").waitFor();
  const handle = `maker${Date.now() % 1e7}`;
  expect((await pageCall(editor, "POST", "/api/players", { handle })).status).toBe(201);
  await editor.reload();

  // From the Strafe Shot preset: a short run, large targets that sway a little (a flick at the spawn
  // point still lands), so the ranked run below is quick and scores.
  await editor.getByLabel("Start from a built-in").selectOption("strafe-shot");
  await editor.getByLabel("Name").fill("Sway Check");
  await editor.getByLabel("Description").fill("Big targets, small sway.");
  // Another kind brings the target health, motion and scoring its rules need: no field is flagged.
  await editor.getByLabel("Kind").selectOption({ label: "Tracking" });
  expect(await editor.getByLabel("Kind").inputValue()).toBe("tracking");
  await expect.poll(() => editor.locator("[data-issue-for]:not(:empty)").count(), POLL).toBe(0);
  await editor.getByLabel("Kind").selectOption({ label: "Clicking · moving" });
  await editor.getByLabel("Duration (ms)").fill("10000");
  await editor.getByLabel("Radius (world units)").fill("1.5");
  await editor.getByLabel("Speed (°/s)").fill("10");
  await editor.getByLabel("Amplitude (°)").fill("2");

  // The preview runs the draft (once typing pauses: one target now, where the preset had three):
  // frames are presented and the target moves.
  const preview = editor.getByTestId("preview");
  const frame = async () => Number((await preview.getAttribute("data-preview-frame")) ?? 0);
  await expect.poll(() => preview.getAttribute("data-preview-targets"), POLL).toMatch(/^-?\d+\.\d\d,-?\d+\.\d\d,-?\d+\.\d\d$/);
  const targets = await preview.getAttribute("data-preview-targets");
  const seen = await frame();
  await expect.poll(frame, POLL).toBeGreaterThan(seen + 5);
  await expect.poll(() => preview.getAttribute("data-preview-targets"), POLL).not.toBe(targets);

  // Out of bounds: the message shows beside the field as it is typed, and nothing can be saved.
  const count = editor.getByLabel("Targets at once");
  await count.fill("5");
  const issue = editor.locator('[data-issue-for="targets.count"]');
  await expect.poll(() => issue.textContent()).toBe("at most 4 in a player-made scenario");
  expect(await count.getAttribute("aria-invalid")).toBe("true");
  expect(await editor.getByRole("button", { name: "Publish" }).isDisabled()).toBe(true);
  await count.fill("1");
  await expect.poll(() => issue.textContent()).toBe("");

  // The server's refusal (names pass the handles' blocklist) shows under the buttons; nothing is made.
  await editor.getByLabel("Name").fill("Hitler Drill");
  await editor.getByRole("button", { name: "Save draft" }).click();
  await editor.getByRole("alert").filter({ hasText: "name: that name is not allowed" }).waitFor(POLL);
  expect(new URL(editor.url()).pathname).toBe("/scenarios/new");
  await editor.getByLabel("Name").fill("Sway Check");

  // Publish: the scenario is created, published as version 1, and its code can be copied.
  await editor.getByRole("button", { name: "Publish" }).click();
  await editor.getByRole("status").filter({ hasText: "Published as version 1." }).waitFor(POLL);
  const share = editor.getByTestId("share");
  await share.getByRole("button", { name: "Copy code" }).click();
  await share.getByRole("status").filter({ hasText: "Code copied." }).waitFor();
  const code = await editor.evaluate(() => navigator.clipboard.readText());
  expect(code).toMatch(/^[2-9a-hjkmnp-z]{7}$/);
  expect(await share.locator("[data-share-code]").textContent()).toBe(code);
  expect(new URL(editor.url()).pathname).toMatch(/^\/scenarios\/[^/]+\/edit$/);
  // An edit after publishing is pending until published again (as a new version).
  await editor.getByLabel("Name").fill("Sway Check 2");
  await editor.getByText(/unpublished changes/).waitFor();
  await editor.getByRole("button", { name: "Publish a new version" }).waitFor();
  await maker.close();

  // A code nobody has is a 404 page; player B opens this one (typed in upper case) and plays the
  // latest version, ranked.
  expect((await fetch(`${env.server.url}/s/zzzzzzz`)).status).toBe(404);
  const player = await playContext(env.browser, SETTINGS);
  const page = await player.newPage();
  await page.goto(`${env.server.url}/s/${code.toUpperCase()}`);
  await page.getByRole("heading", { name: "Sway Check" }).waitFor();
  expect(await page.getByRole("link", { name: handle }).count()).toBe(1);
  await page.getByText("Big targets, small sway.").waitFor();
  const scenarioId = `${code}-v1`;
  await page.getByRole("main").getByRole("link", { name: "Play", exact: true }).click();
  await page.waitForURL(`**/play/${scenarioId}`);
  await page.getByRole("heading", { name: "Sway Check" }).waitFor();

  const res = await fetch(`${env.server.url}/api/scenarios/${scenarioId}`);
  const scenario = parseScenario(((await res.json()) as { scenario: { definition: unknown } }).scenario.definition);
  const { seed, mouse } = await startRun(page, scenario);
  const clicks = await flickAtTargets(page, { scenario, seed, settings: SETTINGS, mouse, maxClicks: 8 });
  expect(clicks).toBeGreaterThanOrEqual(2);
  const results = page.getByTestId("results");
  await results.waitFor({ timeout: 30_000 });
  const verdict = results.locator("[data-verdict]");
  await verdict.waitFor({ timeout: 20_000 });
  expect(await verdict.getAttribute("data-verdict")).toBe("verified");
  const score = Number(await results.locator('[data-result="score"]').textContent());
  expect(score).toBeGreaterThan(0);

  // On that version's board, under B's (guest) handle, with that score...
  const me = (await pageCall(page, "GET", "/api/players/me")).body.player as { handle: string };
  const board = await fetch(`${env.server.url}/api/leaderboards/${scenarioId}?period=week&tier=all`);
  expect(board.status).toBe(200);
  const { entries } = (await board.json()) as BoardPage;
  expect(entries.map((e) => [e.player.handle, e.score])).toEqual([[me.handle, score]]);
  // ...and in the share page's top list (boards are cached for a few seconds: the page is opened
  // again until the browser asks for the board afresh).
  await page.goto(`${env.server.url}/s/${code}`);
  const top = page.locator(".weekly-top tr[data-player]");
  await expect
    .poll(async () => {
      await page.reload();
      await page.locator(".weekly-top").waitFor();
      await page.waitForTimeout(1000);
      return top.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-player")));
    }, { timeout: 30_000, interval: 2000 })
    .toEqual([me.handle]);
  await player.close();
});

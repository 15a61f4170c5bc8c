/**
 * A new visitor's first run counts, in Debian's Chromium against the real server: with no cookie the
 * first start makes a guest player and a ranked run; the results are announced in a live region, take
 * focus, show the verdict and where the run placed (rank on each board, the personal best); the handle
 * claimed from the results puts the run on the board under that name. A guest may also choose a
 * handle before a run, in the account box; refusals show inline. A touch-only phone gets a
 * "needs a mouse" notice instead of a start button, with the boards still there and no sideways scroll.
 */
import path from "node:path";
import type { Locator } from "playwright-core";
import { expect, it } from "vitest";
import { getScenario } from "../../game/core";
import type { BoardPage } from "../../lib/contracts/boards";
import { seriousViolations } from "../support/axe";
import { useServerAndBrowser } from "../support/e2e";
import { flickAtTargets, playContext, startRun } from "../support/play";
import { ROOT } from "../support/routes";

const SETTINGS = { cm360: 30, dpi: 800 };
const scenario = getScenario("gridshot-sprint")!;

const env = useServerAndBrowser();
const SHOTS = path.join(ROOT, "test-results");

/** The element is on screen and on top at its centre: not cut off by the arena, not covered. */
function onTop(element: Locator): Promise<boolean> {
  return element.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight && e.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
  });
}

it("a new visitor plays a ranked run as a guest, sees where it placed, and claims a handle from the results", { timeout: 120_000 }, async () => {
  const context = await playContext(env.browser, SETTINGS);
  expect(await context.cookies()).toEqual([]);
  const page = await context.newPage();
  await page.goto(`${env.server.url}/play/${scenario.id}`);
  // No player yet: the first run is ranked all the same; choosing a handle is offered, not required.
  await page.getByText(/you play as a guest until you choose a handle/).waitFor();
  expect(await page.getByText("Practice run").count()).toBe(0);
  await page.getByRole("button", { name: /Click to start · ranked · Free tier/ }).waitFor();

  const { seed, mouse } = await startRun(page, scenario);
  const session = (await context.cookies()).find((c) => c.name === "fb_session");
  expect(session?.httpOnly).toBe(true);
  const clicks = await flickAtTargets(page, { scenario, seed, settings: SETTINGS, mouse, maxClicks: 6 });
  expect(clicks).toBeGreaterThanOrEqual(3);

  const results = page.getByTestId("results");
  await results.waitFor({ timeout: 20_000 });
  const score = Number(await results.locator('[data-result="score"]').textContent());
  expect(score).toBeGreaterThan(0);
  // Focus moves to the results heading.
  expect(await page.evaluate(() => document.activeElement?.tagName + ":" + document.activeElement?.textContent)).toBe(`H2:Score ${score}`);

  const verdict = results.locator("[data-verdict]");
  await verdict.waitFor({ timeout: 15_000 });
  expect(await verdict.getAttribute("data-verdict")).toBe("verified");

  // Where it placed: the only player on a fresh server is first of one (the top 100 %) on every board; a first personal best.
  const personalBest = results.locator('[data-result="personal-best"]');
  await personalBest.waitFor({ timeout: 10_000 });
  expect(await personalBest.textContent()).toBe("First personal best on this scenario");
  const boards = await results.locator("[data-board]").evaluateAll((cells) => cells.map((c) => [c.getAttribute("data-board"), c.textContent]));
  expect(boards.map(([board]) => board)).toEqual(expect.arrayContaining(["day/all", "week/all", "all/all", "all/free"]));
  for (const [, text] of boards) expect(text).toBe("#1 of 1 · top 100 %");

  // The live region says it all: score, verdict, this week's rank.
  const status = page.getByRole("status").filter({ hasText: /^Score/ });
  expect(await status.getAttribute("aria-live")).toBe("polite");
  await expect.poll(() => status.textContent()).toBe(`Score ${score}, verified, rank 1 this week, first personal best on this scenario`);

  // The debug figures are folded away; "Play again" is never cut off: inside the arena on a laptop's
  // screen, after the results (which leave the arena) in a short window and at a phone's width.
  expect(await results.locator("details.run-details").getAttribute("open")).toBeNull();
  expect(await results.getByText("Frame JS time").isVisible()).toBe(false);
  const again = results.getByRole("button", { name: "Play again" });
  for (const size of [
    { width: 1366, height: 768, inArena: true },
    { width: 1280, height: 720, inArena: true },
    { width: 800, height: 500, inArena: false },
    { width: 390, height: 844, inArena: false },
  ]) {
    await page.setViewportSize(size);
    await again.scrollIntoViewIfNeeded();
    expect(await onTop(again), `${size.width}x${size.height}`).toBe(true);
    const [arena, panel] = [await page.locator(".arena").boundingBox(), await results.boundingBox()];
    expect(panel!.y + panel!.height <= arena!.y + arena!.height + 0.5, `${size.width}x${size.height}`).toBe(true);
    if (size.inArena) expect(await page.locator(".arena-canvas").isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, `results-${size.width}x${size.height}.png`) });
    expect(await seriousViolations(page), `axe at ${size.width}x${size.height}`).toEqual([]);
  }
  await page.setViewportSize({ width: 1366, height: 768 });

  // The run is on the week's board under the guest's generated handle...
  const before = await weekBoard();
  expect(before.entries[0]!.player.handle).toMatch(/^guest-/);
  expect(before.entries[0]!.score).toBe(score);

  // ...a taken or refused handle is answered inline with the server's reason...
  const claim = results.locator("form.claim");
  await claim.getByLabel("handle").fill("guest-mine");
  await claim.getByRole("button", { name: "Put this on the board" }).click();
  await claim.getByRole("alert").filter({ hasText: /kept for guests/ }).waitFor();

  // ...and the claim renames the same player: the same run, on the same board, under the chosen handle.
  const handle = `claim${Date.now() % 1e7}`;
  await claim.getByLabel("handle").fill(handle);
  await claim.getByRole("button", { name: "Put this on the board" }).click();
  await results.getByTestId("claimed").filter({ hasText: `On the board as ${handle}` }).waitFor();
  const after = await weekBoard();
  expect(after.entries).toHaveLength(1);
  expect(after.entries[0]).toMatchObject({ player: { handle }, score, runId: before.entries[0]!.runId });

  // Back at the start, the named player plays on; nothing asks for a handle again.
  await results.getByRole("button", { name: "Play again" }).click();
  await page.getByText(new RegExp(`Playing as ${handle}: runs are ranked`)).waitFor();
  expect(await page.getByRole("button", { name: "Save handle" }).count()).toBe(0);
  await context.close();

  async function weekBoard(): Promise<BoardPage> {
    const res = await fetch(`${env.server.url}/api/leaderboards/${scenario.id}?period=week&tier=all`);
    expect(res.status).toBe(200);
    return (await res.json()) as BoardPage;
  }
});

it("a guest chooses a handle before a run, from the account box; a taken handle is refused there", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.server.url}/play/${scenario.id}`);
  await page.getByRole("button", { name: /Click to start · ranked/ }).waitFor();
  // Ultimate without a membership stays a practice run, for a visitor too.
  await page.getByLabel(/^Ultimate/).check();
  await page.getByRole("button", { name: /Click to start · practice · Try Ultimate \(unranked\)/ }).waitFor();
  // A guest as the first start makes one (the start itself is played in the test above).
  expect(await page.evaluate(() => fetch("/api/players/guest", { method: "POST" }).then((r) => r.status))).toBe(201);
  await page.reload();
  await page.getByText(/Playing as guest-\w+ \(guest\): runs are ranked/).waitFor();
  // Signing out would lose a guest's runs: it is not offered until they have a handle.
  expect(await page.getByRole("button", { name: "Sign out" }).count()).toBe(0);

  const taken = `taken${Date.now() % 1e7}`;
  const signUp = await fetch(`${env.server.url}/api/players`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: env.server.url, "sec-fetch-site": "same-origin" },
    body: JSON.stringify({ handle: taken }),
  });
  expect(signUp.status).toBe(201);
  const form = page.locator("form.account").filter({ has: page.getByRole("button", { name: "Save handle" }) });
  await form.getByLabel("handle").fill(taken);
  await form.getByRole("button", { name: "Save handle" }).click();
  await form.getByRole("alert").filter({ hasText: /taken/i }).waitFor();
  expect(await form.getByLabel("handle").getAttribute("aria-invalid")).toBe("true");
  const handle = `pre${Date.now() % 1e7}`;
  await form.getByLabel("handle").fill(handle);
  await form.getByRole("button", { name: "Save handle" }).click();
  await page.getByText(new RegExp(`Playing as ${handle}: runs are ranked`)).waitFor();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
  await context.close();
});

it("on a touch-only phone: a notice that a mouse and keyboard are needed, no start button, the boards, no sideways scroll", async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(`${env.server.url}/play/${scenario.id}`, { waitUntil: "networkidle" });
  // What Chromium answers for this device: no fine pointer anywhere.
  expect(await page.evaluate(() => matchMedia("(any-pointer: fine)").matches)).toBe(false);
  const notice = page.getByTestId("touch-notice");
  await notice.waitFor();
  await page.screenshot({ path: path.join(SHOTS, "play-touch-390x844.png") });
  expect(await notice.textContent()).toContain("Flickboard needs a mouse and keyboard");
  expect(await page.getByRole("button", { name: /Click to start/ }).count()).toBe(0);
  await page.locator(".weekly-top").waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await context.close();
});

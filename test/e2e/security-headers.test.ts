/**
 * The security headers in Chromium: the pages, a ranked run and its replay work under the
 * Content-Security-Policy with no violation reported, and another origin cannot frame the site.
 */
import http from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getScenario } from "../../game/core";
import { screenshotPixels, useServerAndBrowser, watchPolicies } from "../support/e2e";
import { flickAtTargets, playContext, signUp, startRun } from "../support/play";
import { freePort } from "../support/ports";

const env = useServerAndBrowser();
const scenario = getScenario("gridshot-sprint")!;

it("loads the home page, leaderboards and scenario list with Next's scripts running and no violation", async () => {
  const context = await env.browser.newContext();
  const complaints = await watchPolicies(context);
  const page = await context.newPage();
  const pages: [string, () => Promise<void>][] = [
    ["/", () => page.getByRole("link", { name: "Play now" }).waitFor()],
    ["/leaderboards", () => page.getByLabel("scenario").waitFor()],
    ["/play", () => page.getByRole("link", { name: /Gridshot/i }).first().waitFor()],
  ];
  for (const [path, ready] of pages) {
    await page.goto(`${env.server.url}${path}`);
    await ready();
    // Next's client runtime ran (its scripts were allowed) and hydrated the page.
    await page.waitForFunction(() => (window as unknown as { next?: { version: string } }).next?.version);
    expect(await complaints(page), path).toEqual([]);
  }
  // A client-side navigation loads the next page's chunks through the nonced runtime.
  await page.getByRole("link", { name: /Gridshot/i }).first().click();
  await page.waitForURL(/\/play\/.+/);
  await page.getByRole("button", { name: /Click to start/ }).waitFor();
  expect(await complaints(page)).toEqual([]);
  await context.close();
});

it("renders three.js, plays a ranked run and replays it under the policy with no violation", async () => {
  const settings = { cm360: 30, dpi: 800 };
  const context = await playContext(env.browser, settings);
  const complaints = await watchPolicies(context);
  const page = await context.newPage();
  await page.goto(`${env.server.url}/play/${scenario.id}`);
  await signUp(page);
  const finished = page.waitForResponse((res) => /\/api\/runs\/[^/]+\/finish$/.test(new URL(res.url()).pathname));
  const { seed, mouse } = await startRun(page, scenario);
  expect((await screenshotPixels(page.locator("canvas"))).colours).toBeGreaterThan(20);
  expect(await flickAtTargets(page, { scenario, seed, settings, mouse, maxClicks: 4 })).toBeGreaterThan(0);
  const verdict = page.getByTestId("results").locator("[data-verdict]");
  await verdict.waitFor({ timeout: 30_000 });
  expect(await verdict.getAttribute("data-verdict")).toBe("verified");
  expect(await complaints(page)).toEqual([]);

  // The replay viewer (three.js and the aim map) plays the run back.
  const runId: string = (await (await finished).json()).run.id;
  await page.goto(`${env.server.url}/runs/${runId}/replay`);
  await page.locator("[data-check]").waitFor({ timeout: 15_000 });
  await page.getByLabel("Speed").selectOption("4");
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await expect.poll(async () => (await screenshotPixels(page.locator('[data-replay="scene"]'))).warm, { timeout: 4000 }).toBeGreaterThan(200);
  expect(await complaints(page)).toEqual([]);
  await context.close();
});

/** A page on another origin (a second local server) that frames a page of its own and /leaderboards. */
let framer: { server: http.Server; url: string };
beforeAll(async () => {
  const port = await freePort();
  const server = http.createServer((req, res) => {
    res.setHeader("content-type", "text/html");
    if (req.url === "/own") return res.end("<p id=own>framed fine</p>");
    res.end(`<iframe name="own" src="/own"></iframe><iframe name="board" src="${env.server.url}/leaderboards"></iframe>`);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  framer = { server, url: `http://localhost:${port}` };
});
afterAll(() => new Promise<void>((resolve) => (framer?.server ? framer.server.close(() => resolve()) : resolve())));

it("refuses to be framed by another origin", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const refusals: string[] = [];
  page.on("console", (msg) => refusals.push(msg.text()));
  await page.goto(framer.url, { waitUntil: "load" });
  // The framing page works: its own frame loads.
  expect(await page.frame({ name: "own" })!.locator("#own").textContent()).toBe("framed fine");
  // /leaderboards does not: Chromium puts an error page in its place and says why.
  const board = page.frame({ name: "board" })!;
  expect(board.url()).not.toContain("/leaderboards");
  expect(await board.locator("select").count()).toBe(0);
  expect(refusals.join("\n")).toMatch(/frame-ancestors 'none'/);
  await context.close();
});

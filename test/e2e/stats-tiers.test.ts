/**
 * The /stats/tiers page on the demo data in Chromium: the figures with the numbers behind them, the
 * claim beside them, uPlot's chart drawn on its canvas with no Content-Security-Policy violation,
 * its table alternative, a period chosen by link, and the method with what it cannot show.
 */
import { expect, it } from "vitest";
import { screenshotPixels, useServerAndBrowser, watchPolicies } from "../support/e2e";

const env = useServerAndBrowser({ SEED_DEMO: "true" });

it("shows the tier figures, draws the chart under the CSP and switches the period by link", { timeout: 120_000 }, async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const violations = await watchPolicies(context);
  const page = await context.newPage();
  const res = await page.goto(`${env.server.url}/stats/tiers?scenario=gridshot`);
  expect(res?.status()).toBe(200);

  expect(await page.getByRole("heading", { level: 1 }).textContent()).toMatch(/^Free vs Ultimate: /);
  expect(await page.getByTestId("paired-figure").textContent()).toMatch(/with verified runs on both tiers \(\d+ runs\)/);
  expect(await page.getByTestId("kiosk-figure").textContent()).toMatch(/same person, same minute, same machine/);
  expect(await page.getByTestId("claim").textContent()).toMatch(/1\.6x/);
  await page.locator('[data-testid="tier-chart"][data-drawn="true"] canvas').waitFor();
  expect((await screenshotPixels(page.getByTestId("tier-chart").locator("canvas"))).colours).toBeGreaterThan(10);
  // The chart's numbers as a table: one row per band, as many players as the per-tier table says.
  await page.getByText("The chart as a table").click();
  const bands = page.getByRole("table", { name: "Players per band of best score" });
  expect(await bands.locator("tbody tr").count()).toBeGreaterThan(0);
  expect(await page.getByRole("heading", { name: "What it cannot show" }).isVisible()).toBe(true);
  expect(await page.locator("#method").textContent()).toMatch(/Who chose Ultimate/);
  await page.screenshot({ path: "test-results/stats-tiers.png", fullPage: true });

  await page.getByRole("link", { name: "Today" }).click();
  await page.waitForURL(/period=day/);
  expect(await page.getByRole("link", { name: "Today" }).getAttribute("aria-current")).toBe("page");
  expect(await violations(page)).toEqual([]);

  const missing = await page.goto(`${env.server.url}/stats/tiers?scenario=no-such-scenario`);
  expect(missing?.status()).toBe(404);
  await page.goto(`${env.server.url}/stats/tiers?scenario=gridshot&period=fortnight`);
  expect(await page.locator("p[role=alert]").textContent()).toMatch(/unknown period kind/);
  await context.close();
});

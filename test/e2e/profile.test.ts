/**
 * A demo player's profile in Chromium, reached from a board: the handle on /leaderboards links to
 * /players/<handle>, which shows the personal bests and a uPlot chart drawn on a canvas, with no
 * Content-Security-Policy complaint; its Open Graph and Twitter images answer as PNGs; an unknown
 * handle is a 404 (page and image). The big screen and a scenario's weekly top link handles too.
 */
import { expect, it } from "vitest";
import { withDb } from "../support/db";
import { useServerAndBrowser, watchPolicies } from "../support/e2e";

const env = useServerAndBrowser({ SEED_DEMO: "true" });

it("opens a player's profile from the board: bests, a drawn chart, and share images that answer as PNGs", { timeout: 120_000 }, async () => {
  const context = await env.browser.newContext();
  const violations = await watchPolicies(context);
  const page = await context.newPage();
  await page.goto(`${env.server.url}/leaderboards`);
  await page.getByRole("button", { name: "All time" }).click();
  const first = page.locator("table.board tbody tr").first();
  await expect.poll(() => first.getAttribute("data-player")).toBeTruthy();
  const handle = (await first.getAttribute("data-player"))!;
  const score = Number(await first.locator("td").nth(2).textContent());

  await first.getByRole("link", { name: handle }).click();
  await page.waitForURL(`**/players/${encodeURIComponent(handle)}`);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(handle);
  // The board's entry is this player's best on one tier: the bests show it.
  const bests = await page.getByTestId("bests").textContent();
  expect(bests).toContain(score.toLocaleString("en-US"));

  expect(await page.title()).toBe(`${handle} · Flickboard`);
  expect(await page.locator('meta[name="description"]').getAttribute("content")).toContain(score.toLocaleString("en-US"));

  for (const id of ["score-chart", "trends-chart"]) {
    const chart = page.getByTestId(id).first();
    await expect.poll(() => chart.getAttribute("data-drawn")).toBe("true");
    const canvas = await chart.locator("canvas").boundingBox();
    expect(canvas!.width, id).toBeGreaterThan(100);
    expect(canvas!.height, id).toBeGreaterThan(100);
  }
  expect(await page.getByTestId("ranks").locator("tbody tr").count()).toBeGreaterThan(0);
  expect(await page.getByTestId("runs").locator('a[href$="/replay"]').count()).toBeGreaterThan(0);
  expect(await violations(page)).toEqual([]);

  for (const meta of ['meta[property="og:image"]', 'meta[name="twitter:image"]']) {
    const url = await page.locator(meta).getAttribute("content");
    expect(url, meta).toMatch(new RegExp(`^${env.server.url}/players/${handle}/`));
    const image = await fetch(url!);
    expect(image.status, url!).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    const bytes = new Uint8Array(await image.arrayBuffer());
    expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join("")).toBe("PNG");
  }
  await context.close();
});

it("a handle in another case opens the same profile; an unknown handle is a 404", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const same = await page.goto(`${env.server.url}/players/flickqueen`);
  expect(same?.status()).toBe(200);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("FlickQueen");
  const missing = await page.goto(`${env.server.url}/players/no-such-player`);
  expect(missing?.status()).toBe(404);
  expect((await fetch(`${env.server.url}/players/no-such-player/opengraph-image`)).status).toBe(404);
  await context.close();
});

it("the big screen and a scenario's weekly top link every handle to its profile", async () => {
  const challenge = await withDb(env.server.env.DATABASE_URL, (db) => db.challenge.findFirstOrThrow({ select: { id: true } }));
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const hrefs = async (rows: string) => {
    await page.locator(rows).first().waitFor();
    return page.locator(rows).evaluateAll((els) => els.map((e) => [e.getAttribute("data-handle") ?? e.getAttribute("data-player"), e.querySelector("a")?.getAttribute("href")]));
  };
  const linked = (pairs: (string | null | undefined)[][]) => pairs.map(([handle]) => [handle, `/players/${encodeURIComponent(handle!)}`]);

  await page.goto(`${env.server.url}/kiosk/display/${challenge.id}`);
  const big = await hrefs('[data-testid="display-challenge"] li[data-handle]');
  expect(big.length).toBeGreaterThan(0);
  expect(big).toEqual(linked(big));

  await page.goto(`${env.server.url}/play/gridshot`);
  const top = await hrefs(".weekly-top tr[data-player]");
  expect(top.length).toBeGreaterThan(0);
  expect(top).toEqual(linked(top));
  await context.close();
});

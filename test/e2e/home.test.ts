/**
 * The home page in Debian's Chromium, on a database whose challenge has a closed week (Ava, Ben and
 * Cy won it, test/support/closes.ts) and runs until 60 days from now: the pitch and its links, the
 * challenge with its prizes, the countdown to the next weekly close ticking in the viewer's time zone
 * and the challenge's, the latest week's winners; what it says before the start and after the end;
 * and GET /api/challenge, which answers the same.
 */
import { beforeAll, expect, it } from "vitest";
import { DEFAULT_CHALLENGE } from "../../server/challenge/defaults";
import { createDb } from "../../server/db/client";
import { seriousViolations } from "../support/axe";
import { closedWeekDatabase, DAY, DST_WEEK } from "../support/closes";
import { useServerAndBrowser } from "../support/e2e";
import { seededSqliteUrl } from "../support/server";

const databaseUrl = seededSqliteUrl();

/** Sets the challenge's dates straight in the database (the server sees the new version within a second). */
async function setDates(startsAt: Date, endsAt: Date) {
  const db = createDb(databaseUrl);
  try {
    await db.challenge.update({ where: { id: DEFAULT_CHALLENGE.id }, data: { startsAt, endsAt } });
  } finally {
    await db.$disconnect();
  }
}

beforeAll(async () => {
  await closedWeekDatabase(databaseUrl);
  await setDates(DST_WEEK.startsAt, new Date(Date.now() + 60 * DAY));
}, 120_000);
const env = useServerAndBrowser({ DATABASE_URL: databaseUrl });

it("renders the home page in Chromium", async () => {
  const page = await env.browser.newPage();
  await page.goto(env.server.url);
  await expect(page.title()).resolves.toBe("Flickboard");
  expect(await page.locator("h1").textContent()).toContain("Train your aim");
  await page.getByRole("link", { name: "Play now" }).waitFor();
  await page.getByRole("link", { name: "Leaderboards", exact: true }).last().waitFor();
  await page.close();
});

it("shows the challenge, its featured scenario and its weekly prizes", async () => {
  const page = await env.browser.newPage();
  await page.goto(env.server.url);
  expect(await page.getByRole("heading", { level: 2 }).textContent()).toBe(DEFAULT_CHALLENGE.name);
  expect(await page.getByText("On now").count()).toBe(1);
  expect(await page.getByRole("link", { name: "Play Gridshot" }).getAttribute("href")).toBe("/play/gridshot");
  const prizes = page.getByRole("region", { name: "Every week prizes" });
  expect(await prizes.locator("li").allTextContents()).toEqual([
    "1st Six-month Ultimate membership + $100 gift card",
    "2nd Six-month Ultimate membership + $100 gift card",
    "3rd Six-month Ultimate membership + $100 gift card",
  ]);
  // Only weekly prize boards in this challenge: no day or challenge prizes, one countdown.
  expect(await page.getByRole("region", { name: /Event days|Whole challenge/ }).count()).toBe(0);
  expect(await page.getByRole("timer").count()).toBe(1);
  await page.close();
});

it("counts down to the next weekly close, ticking, in the viewer's time zone and the challenge's", async () => {
  // The server renders the countdown and both lines (the viewer's in UTC until the browser knows better).
  const html = await (await fetch(env.server.url)).text();
  expect(html).toMatch(/This week&#x27;s board closes in(?:<!-- -->)? <span role="timer"[^>]*>\d+d \d\dh \d\dm \d\ds<\/span>/);
  expect(html).toMatch(/Your time: <time dateTime="[^"]+">[^<]+ UTC<\/time>/);

  const context = await env.browser.newContext({ timezoneId: "Asia/Tokyo" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (msg) => msg.type() === "error" && errors.push(msg.text()));
  page.on("pageerror", (err) => errors.push(err.message));
  await page.goto(env.server.url);
  const timer = page.getByRole("timer");
  const viewer = page.locator('[data-zone="viewer"]');
  const challenge = page.locator('[data-zone="challenge"]');
  await expect.poll(() => viewer.textContent()).toMatch(/^Your time: Thu, .+ 2\d\d\d, \d{1,2}:00\sPM GMT\+9$/);
  expect(await challenge.textContent()).toMatch(/^Challenge time: Thu, .+ 2\d\d\d, 12:00\sAM C[SD]T$/);
  // Both lines name the same instant: the next Thursday 00:00 in Chicago, at most a week away.
  const at = Date.parse((await viewer.locator("time").getAttribute("datetime"))!);
  expect(await challenge.locator("time").getAttribute("datetime")).toBe(new Date(at).toISOString());
  expect(at - Date.now()).toBeGreaterThan(0);
  expect(at - Date.now()).toBeLessThanOrEqual(7 * DAY + 3_600_000);

  const first = await timer.textContent();
  expect(first).toMatch(/^\d+d \d\dh \d\dm \d\ds$|^\d\dh \d\dm \d\ds$/);
  await expect.poll(() => timer.textContent(), { timeout: 3000 }).not.toBe(first);
  // The browser took over the server's text without a hydration mismatch.
  expect(errors).toEqual([]);
  await context.close();
});

it("shows the latest closed week's winners with their scores; no serious axe-core violation or sideways overflow on a desktop and a phone", async () => {
  for (const viewport of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
    const page = await env.browser.newPage({ viewport });
    await page.goto(env.server.url, { waitUntil: "networkidle" });
    const week = page.getByRole("region", { name: `Week of ${DST_WEEK.key.slice(0, 10)}` });
    expect(await week.locator("li").allTextContents()).toEqual(["1st Ava 600 (in review)", "2nd Ben 500 (in review)", "3rd Cy 400 (in review)"]);
    expect(await seriousViolations(page), `${viewport.width} px`).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${viewport.width} px`).toBe(0);
    await page.close();
  }
});

it("before the start it says when the challenge starts; after the end that it ended", async () => {
  const page = await env.browser.newPage();
  await setDates(new Date(Date.now() + 3 * DAY), new Date(Date.now() + 60 * DAY));
  await expect
    .poll(async () => {
      await page.goto(env.server.url);
      return page.getByText("Coming up").count();
    })
    .toBe(1);
  expect(await page.getByText("The challenge has not started yet").count()).toBe(1);
  expect(await page.locator("p", { has: page.getByRole("timer") }).textContent()).toMatch(/^The challenge starts in 2d 23h \d\dm \d\ds$/);
  expect(await seriousViolations(page)).toEqual([]);

  await setDates(DST_WEEK.startsAt, new Date(Date.now() - DAY));
  await expect
    .poll(async () => {
      await page.goto(env.server.url);
      return page.getByText(/^The challenge ended .+\. Thanks for playing!$/).count();
    })
    .toBe(1);
  expect(await page.getByRole("timer").count()).toBe(0);
  expect(await seriousViolations(page)).toEqual([]);
  // The winners stay on the page.
  expect(await page.getByRole("region", { name: `Week of ${DST_WEEK.key.slice(0, 10)}` }).locator("li").count()).toBe(3);
  await page.close();
});

it("GET /api/challenge answers what the page shows, with an ETag and a short public Cache-Control", async () => {
  await setDates(DST_WEEK.startsAt, new Date(Date.now() + 60 * DAY));
  const url = `${env.server.url}/api/challenge`;
  await expect.poll(async () => (await (await fetch(url)).json()).state).toBe("running");
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get("cache-control")).toBe("public, max-age=2, stale-while-revalidate=10");
  const body = await res.json();
  expect(body).toMatchObject({ id: DEFAULT_CHALLENGE.id, name: DEFAULT_CHALLENGE.name, timeZone: "America/Chicago", featured: { id: "gridshot", name: "Gridshot" } });
  expect(body.nextCloses).toEqual([{ kind: "week", periodKey: expect.any(String), closeAt: expect.any(String) }]);
  expect(body.winners[0].boards[0].places.map((p: { handle: string }) => p.handle)).toEqual(["Ava", "Ben", "Cy"]);

  const etag = res.headers.get("etag")!;
  expect(etag).toMatch(/^W\/"/);
  expect((await fetch(url, { headers: { "if-none-match": etag } })).status).toBe(304);
  const post = await fetch(url, { method: "POST", headers: { "content-type": "application/json", origin: env.server.url }, body: "{}" });
  expect(post.status).toBe(405);
});

/**
 * The prize dashboard in Debian's Chromium, end to end (issue 11's "Done when"): an admin made with
 * the CLI signs in through the page, sees a closed week's winners under review (players with runs
 * verified through the real API, then the week's close), watches the winner's replay draw and finish
 * with the stored score, approves two winners, disqualifies the third's player and sees the fourth
 * offered the place, moves a prize through every state, downloads a board's CSV whose rows match the
 * board, and finds each action in the audit log page.
 */
import fs from "node:fs";
import type { Page } from "playwright-core";
import { beforeAll, expect, it } from "vitest";
import { getScenario, parseSeed, Rng, TIERS } from "../../game/core";
import { currentChallenge } from "../../server/challenge/challenge";
import { periodAt } from "../../server/boards/periods";
import { CLOSE_GRACE_MS } from "../../server/closes/due";
import { runDueCloses } from "../../server/closes/run";
import { ADMIN_PASSWORD } from "../support/admin";
import { apiClient, finishBody } from "../support/api";
import { runHumanClicker } from "../support/bots";
import { challengeDb, DAY, WEEKS_ONLY } from "../support/closes";
import { runCli } from "../support/cli";
import { withDb } from "../support/db";
import { screenshotPixels, useServerAndBrowser } from "../support/e2e";
import { seededSqliteUrl } from "../support/server";

const sprint = getScenario("gridshot-sprint")!;
const databaseUrl = seededSqliteUrl();
// A challenge under way, whose weekly prize board is the sprint's (runs of 15 s).
beforeAll(async () => {
  const db = await challengeDb(databaseUrl, { ...WEEKS_ONLY, startsAt: new Date(Date.now() - 10 * DAY), endsAt: new Date(Date.now() + 60 * DAY), featuredScenarioId: sprint.id });
  await db.$disconnect();
}, 120_000);
const env = useServerAndBrowser({ DATABASE_URL: databaseUrl });
const EMAIL = "payouts@flick.test";

/** Five players each with a run verified through the API, consenting to prize contact; in the week board's order. */
async function playersWithVerifiedRuns() {
  const api = apiClient(env.server.url);
  const players = await Promise.all(["ava", "ben", "cy", "dee", "eli"].map((p) => api.player(p)));
  const runs = await Promise.all(
    players.map(async (player, i) => {
      const started = await api.post("/api/runs", { scenario: sprint.id, tier: "free" }, player.token);
      return { player, started, log: runHumanClicker(sprint, parseSeed(started.body.seed), TIERS.free, new Rng(100 + i)).sim.log() };
    }),
  );
  await new Promise((r) => setTimeout(r, Math.max(...runs.map((r) => Date.parse(r.started.body.startedAt))) + sprint.durationMs + 300 - Date.now()));
  const finished: { id: string; handle: string; token: string; runId: string; score: number }[] = [];
  for (const r of runs) {
    const res = await api.post(`/api/runs/${r.started.body.runId}/finish`, finishBody(r.log), r.player.token);
    expect(res.body.run.verdict).toBe("verified");
    finished.push({ ...r.player, runId: r.started.body.runId as string, score: res.body.run.score as number });
  }
  await withDb(databaseUrl, async (db) => {
    for (const p of finished) await db.player.update({ where: { id: p.id }, data: { contactEmail: `${p.handle}@example.test`, contactConsentAt: new Date() } });
  });
  const board = await api.get(`/api/leaderboards/${sprint.id}?period=week&tier=all`);
  return board.body.entries.map((e: any) => finished.find((p) => p.id === e.player.id)!) as typeof finished;
}

/** Closes this week (as the scheduler will once it has ended): the test's clock is set past its end and grace. */
async function closeThisWeek() {
  return withDb(databaseUrl, async (db) => {
    const week = periodAt("week", new Date(), await currentChallenge(db, { fresh: true }))!;
    const report = await runDueCloses(db, { now: new Date(week.endsAt!.getTime() + CLOSE_GRACE_MS) });
    expect(report.failed).toEqual([]);
    return week;
  });
}

const card = (page: Page, place: number, handle: string) => page.getByRole("article", { name: `Place ${place}: ${handle}` });

it("reviews, pays out, exports and audits a closed week's winners", { timeout: 300_000 }, async () => {
  const ranked = await playersWithVerifiedRuns();
  expect(ranked.length).toBe(5);
  const week = await closeThisWeek();
  const created = await runCli("admin-create.ts", ["--email", EMAIL], { DATABASE_URL: databaseUrl, ADMIN_PASSWORD });
  expect(created.code, created.stderr).toBe(0);

  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${env.server.url}/admin/awards`);
  expect(new URL(page.url()).pathname).toBe("/admin/login");
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("admin-email").waitFor();

  // The week's winners, under review, with their runs and histories.
  await page.getByRole("link", { name: "Awards" }).click();
  await page.waitForURL("**/admin/awards");
  const [first, second, third, fourth] = ranked as [(typeof ranked)[0], (typeof ranked)[0], (typeof ranked)[0], (typeof ranked)[0]];
  for (const [i, p] of [first, second, third].entries()) {
    const c = card(page, i + 1, p.handle);
    await c.waitFor();
    expect(await c.getByText(`score ${p.score} · free`).count()).toBe(1);
    expect(await c.getByText(`${sprint.id} · week ${week.key} · all`).count()).toBe(1);
    expect(await c.getByTestId("history").textContent()).toBe("verified 1");
  }
  expect(await page.getByRole("article").count()).toBe(3);

  // The winner's replay, opened from the card: it draws the run and ends with the stored score.
  await card(page, 1, first.handle).getByRole("link", { name: "Watch the replay" }).click();
  await page.waitForURL(`**/runs/${first.runId}/replay`);
  const check = page.locator("[data-check]");
  await check.waitFor({ timeout: 15_000 });
  expect([await check.getAttribute("data-check"), await check.textContent()]).toEqual(["match", `Replayed score = stored score (${first.score})`]);
  await page.getByLabel("Speed").selectOption("4");
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await expect.poll(async () => (await screenshotPixels(page.locator('[data-replay="scene"]'))).warm, { timeout: 5000 }).toBeGreaterThan(200);
  await expect.poll(() => page.locator('[data-replay="final"]').textContent(), { timeout: 15_000 }).toBe(`Final score ${first.score}`);
  await page.goBack();

  // Approve the first two; disqualify the third's player: the fourth is offered the place.
  for (const [i, p] of [first, second].entries()) {
    const c = card(page, i + 1, p.handle);
    await c.getByLabel("Approval note").fill(`replay checked ${i + 1}`);
    await c.getByRole("button", { name: "Approve" }).click();
    await c.getByRole("status").getByText(`${p.handle} approved`).waitFor();
  }
  const thirdCard = card(page, 3, third.handle);
  await thirdCard.getByLabel("What to disqualify").selectOption("player");
  await thirdCard.getByLabel("Disqualification note").fill("aim assist in the replay");
  await thirdCard.getByRole("button", { name: "Disqualify" }).click();
  await thirdCard.getByRole("status").getByText(`The place was offered to ${fourth.handle} (rank 4, offer 2)`).waitFor();
  await thirdCard.getByRole("link", { name: "Awards in review" }).click();
  await card(page, 3, fourth.handle).getByText("(offer 2)").waitFor();
  expect(await page.getByRole("article").count()).toBe(1);

  // The first prize through every state, each change in its history; the consented contact shown.
  await page.getByRole("link", { name: "Fulfilment" }).click();
  await page.waitForURL("**/admin/fulfilment");
  const prize = page.getByRole("article", { name: `Prize of ${first.handle}` });
  expect(await prize.getByRole("link", { name: `${first.handle}@example.test` }).count()).toBe(1);
  for (const [status, note] of [["contacted", "emailed the winner"], ["claimed", ""], ["fulfilled", "shipped"]] as const) {
    if (note) await prize.getByLabel("Note").fill(note);
    await prize.getByRole("button", { name: `Mark ${status}` }).click();
    await expect.poll(() => prize.locator(".admin-status").textContent(), { timeout: 10_000 }).toBe(status);
  }
  const history = await prize.locator(".admin-history li").allTextContents();
  expect(history.map((h) => h.split(" · ").slice(1).join(" · "))).toEqual([
    "prize.awarded · system",
    `award.approved · ${EMAIL} · “replay checked 1”`,
    `award.contacted · ${EMAIL} · “emailed the winner”`,
    `award.claimed · ${EMAIL}`,
    `award.fulfilled · ${EMAIL} · “shipped”`,
  ]);
  expect(await prize.getByRole("button").count()).toBe(0);

  // A board's CSV, downloaded from the exports page: its rows are the board's.
  await page.getByRole("link", { name: "Exports" }).click();
  await page.waitForURL("**/admin/exports");
  await page.getByLabel("Scenario").selectOption(sprint.id);
  await page.getByLabel("Period", { exact: true }).selectOption("challenge");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download board.csv" }).click()]);
  const csv = fs.readFileSync((await download.path())!, "utf8");
  const board = await apiClient(env.server.url).get(`/api/leaderboards/${sprint.id}?period=challenge&tier=all&limit=100`);
  expect(csv).toBe(
    ["rank,handle,player_id,score,achieved_at,run_id,run_tier", ...board.body.entries.map((e: any) => [e.rank, e.player.handle, e.player.id, e.score, e.achievedAt, e.runId, e.tier].join(","))]
      .map((line) => `${line}\r\n`)
      .join(""),
  );
  expect(board.body.entries.length).toBeGreaterThanOrEqual(4);

  // Each action in the audit log: the admin's, and the close's (actor "system").
  await page.getByRole("link", { name: "Audit log" }).click();
  await page.waitForURL("**/admin/audit");
  await page.getByLabel("Actor").fill(EMAIL);
  await page.getByRole("button", { name: "Filter" }).click();
  await page.waitForURL("**/admin/audit?actor=*");
  const actions = async () => page.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action")));
  expect(await actions()).toEqual([
    "award.fulfilled",
    "award.claimed",
    "award.contacted",
    "prize.offered",
    "award.disqualified",
    "player.disqualified",
    "award.approved",
    "award.approved",
    "admin.login",
  ]);
  await page.getByLabel("Actor").fill("system");
  await page.getByLabel("Action").fill("prize.");
  await page.getByRole("button", { name: "Filter" }).click();
  await page.waitForURL("**/admin/audit?actor=system&action=prize.*");
  expect(await actions()).toEqual(["prize.awarded", "prize.awarded", "prize.awarded"]);
  await page.getByLabel("Actor").fill("cli");
  await page.getByLabel("Action").fill("");
  await page.getByRole("button", { name: "Filter" }).click();
  await page.waitForURL("**/admin/audit?actor=cli*");
  expect(await actions()).toEqual(["admin.created"]);
  await context.close();
});

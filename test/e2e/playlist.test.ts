/**
 * A playlist played back to back in Debian's Chromium against the real server: two short player-made
 * scenarios put in a playlist on /playlists/new by their share codes; another player opens it by its
 * code, signs up, plays each item as a ranked run with synthetic flicks (the next item once the first
 * is verified), and sees the summary (each score, the personal-best change, the total the server
 * summed) and the playlist's board with themselves on it.
 */
import { expect, it } from "vitest";
import { builtInScenarios, draftOf, type Scenario } from "../../game/core";
import { apiClient } from "../support/api";
import { useServerAndBrowser } from "../support/e2e";
import { flickAtTargets, playContext, signUp, startRun } from "../support/play";

const SETTINGS = { cm360: 30, dpi: 800 };
const env = useServerAndBrowser();

/**
 * Two published 8-second scenarios made by another player over the API; that player then builds the
 * playlist on /playlists/new from their share codes (a one-item playlist is refused first, with the
 * server's words). Answers the playlist's code and the scenarios.
 */
async function shortPlaylist(): Promise<{ code: string; scenarios: Scenario[] }> {
  const api = apiClient(env.server.url);
  const author = await api.player("plau");
  const base = draftOf(builtInScenarios.find((s) => s.id === "gridshot-sprint")!);
  const made: { code: string; scenario: Scenario }[] = [];
  for (const name of ["Quick Grid A", "Quick Grid B"]) {
    const created = await api.post("/api/player-scenarios", { draft: { ...base, name, durationMs: 8000 } }, author.token);
    const published = await api.post(`/api/player-scenarios/${created.body.scenario.id}/publish`, {}, author.token);
    made.push({ code: published.body.scenario.code, scenario: published.body.scenario.latest.definition });
  }

  const context = await env.browser.newContext();
  await context.addCookies([{ name: "fb_session", value: author.token, url: env.server.url }]);
  const page = await context.newPage();
  await page.goto(`${env.server.url}/playlists/new`);
  await page.getByLabel("Name", { exact: true }).fill("Two quick grids");
  const addByCode = async (code: string) => {
    await page.getByLabel("scenario share code").fill(code.toUpperCase());
    await page.getByRole("button", { name: "Add by code" }).click();
  };
  await addByCode(made[0]!.code);
  await page.getByText(`Quick Grid A (${made[0]!.scenario.id})`).waitFor();
  await page.getByRole("button", { name: "Create the playlist" }).click();
  expect(await page.locator("form").getByRole("alert").textContent()).toBe("items: a playlist holds 2 to 10 scenarios, not 1.");
  await addByCode(made[1]!.code);
  await page.getByText(`Quick Grid B (${made[1]!.scenario.id})`).waitFor();
  await page.getByRole("button", { name: "Create the playlist" }).click();
  await page.waitForURL(/\/p\/[2-9a-hjkmnp-z]{7}$/);
  const code = new URL(page.url()).pathname.split("/").pop()!;
  await context.close();
  return { code, scenarios: made.map((m) => m.scenario) };
}

it("plays a two-scenario playlist and sees the summary and the playlist board", { timeout: 180_000 }, async () => {
  const { code, scenarios } = await shortPlaylist();
  const context = await playContext(env.browser, SETTINGS);
  const page = await context.newPage();
  await page.goto(`${env.server.url}/p/${code}`);
  await page.getByRole("heading", { name: "Two quick grids" }).waitFor();
  expect(await page.locator("ol li").allTextContents()).toEqual(["Quick Grid A · 8 s", "Quick Grid B · 8 s"]);
  await page.getByRole("link", { name: "Play · Free tier" }).click();
  await page.waitForURL(/\/play\?tier=free$/);
  await signUp(page);
  const handle = (await page.locator("p", { hasText: "Playing as" }).locator("strong").textContent())!;

  const scores: number[] = [];
  for (const [i, scenario] of scenarios.entries()) {
    await page.getByRole("heading", { name: scenario.name, level: 1 }).waitFor();
    const { seed, mouse } = await startRun(page, scenario);
    const clicks = await flickAtTargets(page, { scenario, seed, settings: SETTINGS, mouse, maxClicks: 6 });
    expect(clicks).toBeGreaterThanOrEqual(2);
    const verdict = page.getByTestId("results").locator("[data-verdict]");
    await verdict.waitFor({ timeout: 20_000 });
    expect(await verdict.getAttribute("data-verdict")).toBe("verified");
    scores.push(Number(/server score (\d+)/.exec((await verdict.textContent())!)![1]));
    await page.getByRole("button", { name: i === 0 ? `Next: ${scenarios[1]!.name}` : "Finish the playlist" }).click();
  }

  const summary = page.getByTestId("playlist-summary");
  await summary.waitFor();
  const rows = await summary.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
  expect(rows).toEqual([
    ["1", "Quick Grid A", String(scores[0]), "First personal best on this scenario"],
    ["2", "Quick Grid B", String(scores[1]), "First personal best on this scenario"],
  ]);
  expect(Number(await summary.getByTestId("playlist-total").textContent())).toBe(scores[0]! + scores[1]!);
  expect(await summary.locator("li").allTextContents()).toEqual(["All tiers: #1 of 1 · your best total", "Free tier: #1 of 1 · your best total"]);

  const board = page.getByTestId("playlist-board");
  const mine = board.locator(`tr[data-player="${handle}"]`);
  await mine.waitFor();
  expect(await mine.locator("td").allTextContents()).toEqual(["1", `${handle} (you)`, String(scores[0]! + scores[1]!)]);
  await context.close();
});

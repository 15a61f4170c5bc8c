/**
 * Every page the app has (from its page.tsx files, so a new page is covered without editing this
 * test) in Debian's Chromium, at desktop size and at a phone's width: axe-core finds no serious or
 * critical violation, and nothing overflows sideways (no horizontal scroll at 390 px). Admin pages
 * are opened signed in as an admin; the demo data fills the boards and gives a run to replay and its
 * player's profile. Pages that show a player more when signed in (SIGNED_IN_PAGES) are opened again
 * as a signed-in player. And the leaderboards' period toggles expose which one is pressed, readable
 * at >= 4.5:1.
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { draftOf, getScenario } from "../../game/core";
import { createDb } from "../../server/db/client";
import { addAdmin, adminSession } from "../support/admin";
import { apiClient } from "../support/api";
import { contrastOf, seriousViolations, type Violation } from "../support/axe";
import { useServerAndBrowser } from "../support/e2e";
import { appRoutes, fillRoute } from "../support/routes";

const env = useServerAndBrowser({ SEED_DEMO: "true" });
/** Pages with more to check for a signed-in player (one with stored settings): the editor opens for a named one. */
const SIGNED_IN_PAGES = ["/account", "/scenarios/new"];
const SIZES = [
  { name: "desktop", width: 1366, height: 768 },
  { name: "phone", width: 390, height: 844 },
];

it("the leaderboards' period toggles say which one is on (aria-pressed), and the pressed one is readable (contrast >= 4.5:1)", async () => {
  const page = await env.browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${env.server.url}/leaderboards`, { waitUntil: "networkidle" });
  const periods = page.getByRole("group", { name: "period" }).getByRole("button");
  const states = () => periods.evaluateAll((buttons) => buttons.map((b) => `${b.textContent} ${b.getAttribute("aria-pressed")}`));
  expect(await states()).toEqual(["Today false", "This week true", "Challenge false", "All time false"]);
  await page.getByRole("button", { name: "Today" }).click();
  await page.getByRole("button", { name: "Today", pressed: true }).waitFor();
  expect(await states()).toEqual(["Today true", "This week false", "Challenge false", "All time false"]);

  const pressed = await contrastOf(page, '.segmented [aria-pressed="true"]');
  expect(pressed.violations).toBe(0);
  expect(pressed.ratios).toHaveLength(1);
  expect(pressed.ratios[0]).toBeGreaterThanOrEqual(4.5);
  await page.close();
});

it("every page: no serious axe-core violation and no sideways overflow, on a desktop and on a phone", { timeout: 300_000 }, async () => {
  const db = createDb(env.server.env.DATABASE_URL);
  const [challenge, run] = await Promise.all([
    db.challenge.findFirstOrThrow({ select: { id: true } }),
    db.run.findFirstOrThrow({ where: { verdict: "verified", log: { not: null } }, select: { id: true, player: { select: { handle: true } } } }),
  ]);
  await db.$disconnect();
  const admin = await addAdmin(env.server.env.DATABASE_URL);
  const adminToken = await adminSession(env.server.url, admin);

  const api = apiClient(env.server.url);
  const player = await api.player("a11y");
  expect((await api.call("PATCH", "/api/players/me", { body: { settings: { cm360: 30, dpi: 800 } }, token: player.token })).status).toBe(200);
  // A published scenario of the player's: its share page for everyone, its editor for them.
  const made = (await api.post("/api/player-scenarios", { draft: draftOf(getScenario("strafe-shot")!) }, player.token)).body.scenario;
  expect((await api.post(`/api/player-scenarios/${made.id}/publish`, {}, player.token)).status).toBe(200);
  const samples: Record<string, string> = { scenario: "gridshot", challenge: challenge.id, runId: run.id, handle: run.player.handle, id: made.id, code: made.code };
  // A playlist of two built-ins, for its page and its play-through.
  samples.playlistCode = (await api.post("/api/playlists", { name: "Warm-up", items: ["gridshot", "smooth-track"] }, player.token)).body.playlist.code;

  const found: Record<string, Violation[] | string> = {};
  const check = async (page: Page, state: string, path: string) => {
    const res = await page.goto(`${env.server.url}${path}`, { waitUntil: "networkidle" });
    expect(res?.status(), path).toBe(200);
    const violations = await seriousViolations(page);
    if (violations.length) found[`${state} ${path}`] = violations;
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wider = document.documentElement.scrollWidth - width;
      // The outermost elements that reach past the viewport's right edge: where to look.
      const culprits = [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > width + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > width + 1))
        .map((e) => `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(" ").join(".")}` : ""}`);
      return wider > 0 ? `${wider}px wider than the viewport: ${culprits.slice(0, 5).join(", ")}` : null;
    });
    if (overflow) found[`${state} ${path} overflow`] = overflow;
  };
  // The two sizes in parallel, each in a browser context of its own: most of a page's time is spent
  // waiting for the network to be quiet, not on a core.
  await Promise.all(
    SIZES.map(async (size) => {
      const context = await env.browser.newContext({ viewport: { width: size.width, height: size.height } });
      await context.addCookies([{ name: "fb_admin", value: adminToken, url: env.server.url }]);
      const page = await context.newPage();
      for (const route of appRoutes("page.tsx")) await check(page, size.name, fillRoute(route, samples));
      await context.addCookies([{ name: "fb_session", value: player.token, url: env.server.url }]);
      for (const path of [...SIGNED_IN_PAGES, `/scenarios/${made.id}/edit`]) await check(page, `${size.name} signed in`, path);
      await context.close();
    }),
  );
  expect(found).toEqual({});
});

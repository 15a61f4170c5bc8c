/**
 * Which pages download three.js (issue 12): only the page that renders the game. The home page,
 * the scenario list and the boards do not, their link prefetches included. And the game page
 * carries no zod: it checks settings by their rules and plays the scenario the server parsed.
 * Measured the way `npm run bench -- pages` measures, in Chromium against the production build.
 */
import { expect, it } from "vitest";
import { GAME_PAGE, measurePages, PAGES } from "../../bench/pages";
import { useAppServer } from "../support/app";

const env = useAppServer();

it("loads three.js on the game page only, prefetches included", async () => {
  const pages = await measurePages(env.server.url);
  expect(pages.map((p) => p.path)).toEqual(PAGES);
  for (const page of pages) expect({ path: page.path, three: page.three }).toEqual({ path: page.path, three: page.path === GAME_PAGE });
  expect(pages.find((p) => p.path === GAME_PAGE)!.zod).toBe(false);
});

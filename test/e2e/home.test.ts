/** The browser harness: Debian's Chromium loads the real server's home page. */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { startAppServer, type AppServer } from "../support/server";

let server: AppServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it("renders the home page in Chromium", async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  await expect(page.title()).resolves.toBe("Flickboard");
  expect(await page.locator("h1").textContent()).toContain("Train your aim");
  await page.getByRole("link", { name: "Play now" }).waitFor();
});

/** The browser harness: Debian's Chromium loads the real server's home page. */
import { expect, it } from "vitest";
import { useServerAndBrowser } from "../support/e2e";

const env = useServerAndBrowser();

it("renders the home page in Chromium", async () => {
  const page = await env.browser.newPage();
  await page.goto(env.server.url);
  await expect(page.title()).resolves.toBe("Flickboard");
  expect(await page.locator("h1").textContent()).toContain("Train your aim");
  await page.getByRole("link", { name: "Play now" }).waitFor();
});

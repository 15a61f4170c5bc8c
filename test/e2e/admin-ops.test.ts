/**
 * The dashboard's overview, settings and kiosks in Chromium: an admin made with the CLI signs in,
 * sees the runs-per-hour chart drawn on its canvas with no Content-Security-Policy violation, saves
 * a settings change (a bad time zone refused first), and registers a kiosk, seeing its pairing code once.
 */
import { expect, it } from "vitest";
import { ADMIN_PASSWORD } from "../support/admin";
import { runCli } from "../support/cli";
import { screenshotPixels, useServerAndBrowser, watchPolicies } from "../support/e2e";
import { seededSqliteUrl } from "../support/server";

const DATABASE_URL = seededSqliteUrl();
const env = useServerAndBrowser({ DATABASE_URL });
const EMAIL = "ops-e2e@flick.test";

it("an admin created with the CLI signs in, sees the overview chart drawn, saves a settings change and registers a kiosk, with no policy violation", async () => {
  const created = await runCli("admin-create.ts", ["--email", EMAIL, "--role", "admin"], { DATABASE_URL, ADMIN_PASSWORD });
  expect(created.code, created.stderr).toBe(0);

  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const violations = await watchPolicies(context);
  const page = await context.newPage();
  await page.goto(`${env.server.url}/admin/login`);
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  await page.waitForURL(`${env.server.url}/admin`);

  // The overview: the figures, and uPlot's canvas drawn (axes, grid and labels: many colours).
  await expect.poll(() => page.getByTestId("overview-periods").locator("tbody tr").count()).toBe(9);
  const chart = page.getByTestId("runs-chart");
  await page.locator('[data-testid="runs-chart"][data-drawn="true"] canvas').waitFor();
  const canvas = chart.locator("canvas");
  expect(await canvas.evaluate((c: HTMLCanvasElement) => [c.width > 300, c.height > 100])).toEqual([true, true]);
  expect((await screenshotPixels(canvas)).colours).toBeGreaterThan(10);
  await page.screenshot({ path: "test-results/admin-overview.png", fullPage: true });

  // Settings: a change is saved and shown; a bad time zone is refused with its reason.
  await page.getByRole("link", { name: "Challenge settings" }).click();
  await page.waitForURL(`${env.server.url}/admin/settings`);
  await page.getByLabel("Name").fill("Winter Flick Cup");
  await page.getByLabel("Time zone (IANA)").fill("Mars/Olympus");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect.poll(() => page.getByTestId("settings-error").textContent()).toContain("timeZone");
  await page.getByLabel("Time zone (IANA)").fill("America/Chicago");
  await page.getByRole("button", { name: "Save settings" }).click();
  await page.getByTestId("settings-saved").waitFor();
  await page.reload();
  expect(await page.getByLabel("Name").inputValue()).toBe("Winter Flick Cup");
  expect(await page.getByTestId("upcoming-closes").textContent()).toMatch(/Weekly: .+ · .+ · /);

  // Kiosks: register one; its pairing code and PIN are shown once, and it is listed.
  await page.getByRole("link", { name: "Kiosks" }).click();
  await page.waitForURL(`${env.server.url}/admin/kiosks`);
  await page.getByLabel("Name").fill("Hall B booth");
  await page.getByRole("button", { name: "Register" }).click();
  await expect.poll(() => page.getByTestId("pairing-code").textContent()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  expect(await page.getByTestId("staff-pin").textContent()).toMatch(/^\d{6}$/);
  await expect.poll(() => page.getByTestId("kiosk-list").textContent()).toContain("Hall B booth");

  expect(await violations(page)).toEqual([]);
  await context.close();
}, 120_000);

/**
 * Every page the app has (from its page.tsx files, so a new page is covered without editing this
 * test) in Debian's Chromium, at desktop size and at a phone's width: axe-core finds no serious or
 * critical violation, and nothing overflows sideways (no horizontal scroll at 390 px). Admin pages
 * are opened signed in as an admin; the demo data fills the boards and gives a run to replay and its player's profile.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { createDb } from "../../server/db/client";
import { addAdmin, adminSession } from "../support/admin";
import { useServerAndBrowser } from "../support/e2e";
import { appRoutes, fillRoute } from "../support/routes";

const env = useServerAndBrowser({ SEED_DEMO: "true" });
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const SIZES = [
  { name: "desktop", width: 1366, height: 768 },
  { name: "phone", width: 390, height: 844 },
];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's serious and critical violations on the page as it is now (run through DevTools, so the page's CSP does not apply). */
async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
  });
}

it("every page: no serious axe-core violation and no sideways overflow, on a desktop and on a phone", { timeout: 300_000 }, async () => {
  const db = createDb(env.server.env.DATABASE_URL);
  const [challenge, run] = await Promise.all([
    db.challenge.findFirstOrThrow({ select: { id: true } }),
    db.run.findFirstOrThrow({ where: { verdict: "verified", log: { not: null } }, select: { id: true, player: { select: { handle: true } } } }),
  ]);
  await db.$disconnect();
  const samples: Record<string, string> = { scenario: "gridshot", challenge: challenge.id, runId: run.id, handle: run.player.handle };
  const admin = await addAdmin(env.server.env.DATABASE_URL);
  const adminToken = await adminSession(env.server.url, admin);

  const found: Record<string, Violation[] | string> = {};
  for (const size of SIZES) {
    const context = await env.browser.newContext({ viewport: { width: size.width, height: size.height } });
    await context.addCookies([{ name: "fb_admin", value: adminToken, url: env.server.url }]);
    const page = await context.newPage();
    for (const route of appRoutes("page.tsx")) {
      const path = fillRoute(route, samples);
      const res = await page.goto(`${env.server.url}${path}`, { waitUntil: "networkidle" });
      expect(res?.status(), path).toBe(200);
      const violations = await seriousViolations(page);
      if (violations.length) found[`${size.name} ${path}`] = violations;
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const wider = document.documentElement.scrollWidth - width;
        // The outermost elements that reach past the viewport's right edge: where to look.
        const culprits = [...document.querySelectorAll("body *")]
          .filter((e) => e.getBoundingClientRect().right > width + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > width + 1))
          .map((e) => `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(" ").join(".")}` : ""}`);
        return wider > 0 ? `${wider}px wider than the viewport: ${culprits.slice(0, 5).join(", ")}` : null;
      });
      if (overflow) found[`${size.name} ${path} overflow`] = overflow;
    }
    await context.close();
  }
  expect(found).toEqual({});
});

/**
 * axe-core in Debian's Chromium for the browser tests: the page's serious and critical violations,
 * and the colour contrast of chosen elements. axe is evaluated through DevTools, so the page's
 * Content-Security-Policy does not apply to it.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
  });
}

/** axe-core's colour-contrast check of the elements `selector` finds: each one's ratio, and the violations. */
export async function contrastOf(page: Page, selector: string): Promise<{ ratios: number[]; violations: number }> {
  await page.evaluate(AXE);
  return page.evaluate(async (include) => {
    type Node = { any: { data?: { contrastRatio?: number } }[] };
    const axe = (window as unknown as { axe: { run: (ctx: object, opts: object) => Promise<{ passes: { nodes: Node[] }[]; violations: { nodes: Node[] }[] }> } }).axe;
    const result = await axe.run({ include: [include] }, { runOnly: ["color-contrast"] });
    const ratios = [...result.passes, ...result.violations].flatMap((r) => r.nodes.map((n) => n.any[0]?.data?.contrastRatio ?? 0));
    return { ratios, violations: result.violations.length };
  }, selector);
}

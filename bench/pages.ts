/**
 * bench:pages — the JavaScript each page makes a browser download, in Chromium against the
 * production build: every script response from opening the page until the network is quiet
 * (Next's link prefetches included), its size gzip-compressed here (level 6, what a proxy would
 * send), and whether three.js and zod are among it (three's error-message prefix
 * "THREE.WebGLRenderer:" and zod's class name "$ZodType" are in no other code).
 */
import zlib from "node:zlib";
import { launchBrowser } from "../test/support/browser";
import { startAppServer, tempSqliteUrl } from "../test/support/server";

/** The home page, the scenario list, a page that plays a scenario (the game), the boards. */
export const PAGES = ["/", "/play", "/play/gridshot", "/leaderboards"];
/** The page that renders the game, and its budget (issue 12). */
export const GAME_PAGE = "/play/gridshot";
const PLAY_BUDGET_KB = 250;
const THREE_SIGNATURE = "THREE.WebGLRenderer:";
const ZOD_SIGNATURE = "$ZodType";

export interface PageScripts {
  path: string;
  scripts: number;
  gzipBytes: number;
  three: boolean;
  zod: boolean;
}

export async function measurePages(baseUrl: string, paths = PAGES): Promise<PageScripts[]> {
  const browser = await launchBrowser();
  const out: PageScripts[] = [];
  try {
    for (const path of paths) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      const bodies = new Map<string, Promise<Buffer | null>>();
      page.on("response", (res) => {
        if (res.request().resourceType() === "script" && !bodies.has(res.url())) bodies.set(res.url(), res.body().catch(() => null));
      });
      await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
      await page.waitForTimeout(1500); // prefetches start after idle
      await page.waitForLoadState("networkidle");
      let gzipBytes = 0;
      let three = false;
      let zod = false;
      for (const body of await Promise.all(bodies.values())) {
        if (!body) continue;
        gzipBytes += zlib.gzipSync(body, { level: 6 }).length;
        three ||= body.includes(THREE_SIGNATURE);
        zod ||= body.includes(ZOD_SIGNATURE);
      }
      out.push({ path, scripts: bodies.size, gzipBytes, three, zod });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

export async function benchPages(): Promise<string[]> {
  const server = await startAppServer({ DATABASE_URL: tempSqliteUrl() });
  try {
    return (await measurePages(server.url)).map(
      (p) =>
        `${p.path}: ${p.scripts} scripts, ${(p.gzipBytes / 1024).toFixed(0)} KB gzip, three.js ${p.three ? "loaded" : "not loaded"}, zod ${p.zod ? "loaded" : "not loaded"}` +
        (p.path === GAME_PAGE ? ` (budget ${PLAY_BUDGET_KB} KB)` : ""),
    );
  } finally {
    await server.stop();
  }
}

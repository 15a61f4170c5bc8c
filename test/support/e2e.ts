/** For browser tests: the real server and Chromium, started before the file's tests, stopped after. */
import type { Browser, BrowserContext, CDPSession, Locator, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { anglesToward, radiansPerCount, spawnPosition, vec3, type Aim, type RunSettings, type Scenario } from "../../game/core";
import { launchBrowser } from "./browser";
import { startAppServer, type AppServer } from "./server";

export function useServerAndBrowser(env: Record<string, string> = {}): { server: AppServer; browser: Browser } {
  const handles = {} as { server: AppServer; browser: Browser };
  beforeAll(async () => {
    [handles.server, handles.browser] = await Promise.all([startAppServer(env), launchBrowser()]);
  });
  afterAll(async () => {
    await handles.browser?.close();
    await handles.server?.stop();
  });
  return handles;
}

/** The app's URL with the host name localhost: a passkey's relying party must be a host name, not an IP address. */
export const hostNamedUrl = (server: AppServer) => server.url.replace("127.0.0.1", "localhost");

/**
 * A page of the app (at `appUrl`, see hostNamedUrl) in `context`, with Chromium's virtual platform
 * authenticator (CDP), which holds passkeys and approves every request as a user would.
 */
export async function deviceWithAuthenticator(context: BrowserContext, appUrl: string): Promise<{ page: Page; cdp: CDPSession; authenticatorId: string }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  await page.goto(`${appUrl}/`);
  return { page, cdp, authenticatorId };
}

/** A same-origin JSON request from the page (with its cookie), answered as { status, body }. */
export function pageCall(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(path, { method, headers: body === undefined ? {} : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: res.status === 204 ? null : await res.json() };
    },
    { method, path, body },
  );
}

/**
 * Every policy complaint a page of `context` makes: `securitypolicyviolation` events (recorded by a
 * listener installed before any page script runs) and the console's CSP and Permissions-Policy errors.
 */
export async function watchPolicies(context: BrowserContext): Promise<(page: Page) => Promise<string[]>> {
  await context.addInitScript(() => {
    const seen: string[] = ((window as unknown as { cspViolations: string[] }).cspViolations = []);
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"}`));
  });
  const consoleErrors: string[] = [];
  context.on("console", (msg) => {
    if (/Content.Security.Policy|Permissions.Policy|Refused to/i.test(msg.text())) consoleErrors.push(msg.text());
  });
  return async (page) => [...consoleErrors, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))];
}

/**
 * What a screenshot of an element shows, decoded by the browser itself: how many distinct colours (a
 * canvas that drew something has many) and how many "warm" pixels, clearly redder than blue, as the
 * default orange targets are (the room and the page are grey-blue).
 */
export async function screenshotPixels(element: Locator): Promise<{ colours: number; warm: number }> {
  const png = (await element.screenshot()).toString("base64");
  return element.page().evaluate(async (data) => {
    // A Blob, not a data: URL, which the page's Content-Security-Policy (img-src 'self') refuses.
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const img = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    let warm = 0;
    for (let i = 0; i < px.length; i += 4) {
      seen.add((px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!);
      if (px[i]! - px[i + 2]! > 60 && px[i]! >= px[i + 1]!) warm++;
    }
    return { colours: seen.size, warm };
  }, png);
}


/** For browser tests: the real server and Chromium, started before the file's tests, stopped after. */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
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

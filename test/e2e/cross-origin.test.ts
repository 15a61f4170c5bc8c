/**
 * Finding F4 as an attacker plays it, in Chromium: a signed-in player visits a page on the same
 * site (another port) that tries to start a run with the player's cookie. Before the fix a `no-cors`
 * text/plain fetch did; now every variant is refused and nothing is written.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb } from "../../server/db/client";
import { useServerAndBrowser } from "../support/e2e";
import { seededSqliteUrl } from "../support/server";

const databaseUrl = seededSqliteUrl();
const env = useServerAndBrowser({ DATABASE_URL: databaseUrl });
let attacker: http.Server;
let attackerUrl: string;

/** The attacker's page: three ways to post to the app with whatever cookies the browser holds. */
function attackPage(appUrl: string): string {
  const body = JSON.stringify({ scenario: "gridshot", tier: "free" });
  return `<!doctype html><title>free skins</title>
<form id="f" method="POST" action="${appUrl}/api/runs" enctype="text/plain" target="sink"><input name='${body.slice(0, -2)}' value='"}'></form>
<iframe name="sink"></iframe>
<script>
  const done = [];
  const post = (headers, mode) => fetch("${appUrl}/api/runs", { method: "POST", mode, credentials: "include", headers, body: ${JSON.stringify(body)} })
    .then(() => "sent", (e) => "blocked: " + e.message);
  Promise.all([
    post({ "content-type": "text/plain" }, "no-cors"),
    post({ "content-type": "application/json" }, "cors"),
    new Promise((r) => { document.querySelector("iframe").onload = () => r("form"); document.getElementById("f").submit(); }),
  ]).then((r) => { window.results = r; });
</script>`;
}

beforeAll(async () => {
  attacker = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(attackPage(env.server.url));
  });
  await new Promise<void>((r) => attacker.listen(0, "127.0.0.1", r));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => attacker.close(() => r())));

it("a signed-in player's cookie cannot start a run from another page of the same site", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.server.url);
  const signUp = await page.evaluate(async () => {
    const res = await fetch("/api/players", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ handle: "csrfvictim" }) });
    return { status: res.status, body: await res.json() };
  });
  expect(signUp.status).toBe(201);
  // The cookie works from the app's own pages.
  const own = await page.evaluate(async () => (await fetch("/api/runs", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenario: "gridshot", tier: "free" }) })).status);
  expect(own).toBe(201);

  const evil = await context.newPage();
  await evil.goto(attackerUrl);
  await evil.waitForFunction(() => (window as unknown as { results?: unknown }).results, null, { timeout: 10_000 });

  const db = createDb(databaseUrl);
  try {
    expect(await db.run.count({ where: { playerId: signUp.body.player.id } })).toBe(1);
  } finally {
    await db.$disconnect();
  }
  await context.close();
});

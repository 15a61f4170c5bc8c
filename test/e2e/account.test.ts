/**
 * The account pages in Chromium, as a player uses them: a guest claims a handle on /account, adds a
 * passkey there, and a second device (a browser context whose virtual authenticator holds a copy of
 * the passkey, as a synced passkey provider would) signs in on /signin and sees the handle, the
 * stored settings and the verified run; it then ends the first device's session from the list. The
 * e-mailed links go through the pages: a prize contact confirmed by its link on /email, and a
 * sign-in by e-mail on /signin, and what /email says for a used, an expired and a broken link. The
 * player's data downloaded from /account, and the account deleted there once the handle is typed.
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { getScenario, parseSeed, Rng, TIERS } from "../../game/core";
import { CONTACT_CONSENT_TEXT } from "../../lib/contracts/accounts";
import { createDb } from "../../server/db/client";
import { hashToken } from "../../server/players/session";
import { apiClient, finishBody } from "../support/api";
import { runHumanClicker } from "../support/bots";
import { deviceWithAuthenticator, hostNamedUrl, pageCall, useServerAndBrowser } from "../support/e2e";
import { lastLinkToken, mailsTo } from "../support/mail";

const env = useServerAndBrowser();
const sprint = getScenario("gridshot-sprint")!;

/** The link e-mailed to `to` after `before` messages, once the server has written it to its log. */
async function nextLinkToken(to: string, before: number): Promise<string> {
  await expect.poll(() => mailsTo(env.server.output(), to).length, { timeout: 10_000 }).toBeGreaterThan(before);
  return lastLinkToken(env.server.output(), to);
}

const headerLink = (page: Page, name: string) => page.getByRole("banner").getByRole("link", { name, exact: true });

it("a guest claims a handle and adds a passkey on /account; another device signs in with it, sees handle, settings and runs, and ends the first device's session", { timeout: 120_000 }, async () => {
  const appUrl = hostNamedUrl(env.server);
  const api = apiClient(appUrl);
  const one = await env.browser.newContext();
  const two = await env.browser.newContext();
  try {
    const first = await deviceWithAuthenticator(one, appUrl);
    const guest = await pageCall(first.page, "POST", "/api/players/guest", {});
    expect(guest.status).toBe(201);
    const settings = { cm360: 27.5, dpi: 1600, hfovDeg: 95, crosshairStyle: "dot", crosshairSize: 12, crosshairGap: 3 };
    expect((await pageCall(first.page, "PATCH", "/api/players/me", { settings })).status).toBe(200);
    // A ranked run, played through the API while the pages are used; finished after its 15 s.
    const started = await api.post("/api/runs", { scenario: sprint.id, tier: "free" }, guest.body.token);
    expect(started.status).toBe(201);

    await first.page.goto(`${appUrl}/account`);
    await expect.poll(() => headerLink(first.page, "Account").count()).toBe(1);
    await first.page.getByText(`You play as the guest ${guest.body.player.handle}`).waitFor();
    expect(await first.page.getByText("Choose a handle first: a guest cannot add a passkey.").count()).toBe(1);
    const handle = `acc${Date.now().toString(36)}`;
    await first.page.getByLabel("Your handle").fill(handle);
    await first.page.getByRole("button", { name: "Claim handle" }).click();
    await first.page.getByRole("status").filter({ hasText: `${handle} is yours` }).waitFor();
    // Focus follows the change: to the section's heading.
    expect(await first.page.evaluate(() => document.activeElement?.textContent)).toBe("Handle");

    await first.page.getByRole("button", { name: "Add a passkey" }).click();
    await first.page.getByRole("status").filter({ hasText: "Passkey added" }).waitFor();
    expect(await first.page.getByRole("list", { name: "Your passkeys" }).getByRole("listitem").count()).toBe(1);

    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(started.body.startedAt) + sprint.durationMs + 300 - Date.now())));
    const log = runHumanClicker(sprint, parseSeed(started.body.seed), TIERS.free, new Rng(7)).sim.log();
    const finished = await api.post(`/api/runs/${started.body.runId}/finish`, finishBody(log), guest.body.token);
    expect(finished.body.run.verdict).toBe("verified");

    // The passkey reaches the second device, which signs in with it on /signin (no handle typed).
    const { credentials } = await first.cdp.send("WebAuthn.getCredentials", { authenticatorId: first.authenticatorId });
    expect(credentials).toHaveLength(1);
    const second = await deviceWithAuthenticator(two, appUrl);
    await second.cdp.send("WebAuthn.addCredential", { authenticatorId: second.authenticatorId, credential: credentials[0]! });
    await second.page.goto(`${appUrl}/signin?next=//example.com/account`);
    await second.page.getByRole("button", { name: "Sign in with a passkey" }).click();
    // A `next` on another site is not followed: the account page instead.
    await second.page.waitForURL(`${appUrl}/account`);
    await second.page.getByText(`You play as ${handle}.`).waitFor();
    expect(await headerLink(second.page, "Account").count()).toBe(1);
    const settingsList = second.page.locator("dl");
    expect(await settingsList.textContent()).toContain("27.5 cm/360, 1600 DPI");
    expect(await settingsList.textContent()).toContain("95° horizontal");
    expect(await settingsList.textContent()).toContain("Crosshairdot, size 12 px, gap 3 px");
    const runRow = second.page.getByRole("table", { name: "Your latest runs" }).getByRole("row").nth(1);
    await runRow.waitFor();
    expect(await runRow.textContent()).toContain(`${sprint.id}free${finished.body.run.score}Verified`);
    expect(await runRow.getByRole("link", { name: /^Replay of gridshot-sprint/ }).getAttribute("href")).toBe(`/runs/${started.body.runId}/replay`);
    expect(await second.page.getByRole("list", { name: "Your passkeys" }).getByRole("listitem").count()).toBe(1);

    // Two sessions, this one marked; ending the other signs the first device out.
    const sessions = second.page.getByRole("list", { name: "Your sessions" }).getByRole("listitem");
    await expect.poll(() => sessions.count()).toBe(2);
    expect(await sessions.filter({ hasText: "this device" }).count()).toBe(1);
    await sessions.filter({ hasNotText: "this device" }).getByRole("button", { name: /^Sign out on / }).click();
    await second.page.getByRole("status").filter({ hasText: /^Signed out on / }).waitFor();
    expect(await sessions.count()).toBe(1);

    await first.page.reload();
    await first.page.getByText("You are not signed in.").waitFor();
    expect(await headerLink(first.page, "Sign in").count()).toBe(1);
    expect((await pageCall(first.page, "GET", "/api/players/me")).status).toBe(401);
    expect((await pageCall(second.page, "GET", "/api/players/me")).body.player.handle).toBe(handle);
  } finally {
    await one.close();
    await two.close();
  }
});

it("confirms a prize contact by its e-mailed link on /email, and signs in again with an e-mailed link from /signin", { timeout: 60_000 }, async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    await page.goto(`${env.server.url}/account`);
    await page.getByText("You are not signed in.").waitFor();
    const handle = `mail${Date.now().toString(36)}`;
    expect((await pageCall(page, "POST", "/api/players", { handle })).status).toBe(201);
    const email = `${handle}@example.com`;

    await page.reload();
    await page.getByText(`You play as ${handle}.`).waitFor();
    await page.getByText("No prize contact yet.").waitFor();
    await page.getByLabel("E-mail address").fill(email);
    // The consent is required, word for word.
    await page.getByRole("button", { name: "Send verification link" }).click();
    expect(mailsTo(env.server.output(), email)).toHaveLength(0);
    await page.getByLabel(CONTACT_CONSENT_TEXT).check();
    await page.getByRole("button", { name: "Send verification link" }).click();
    await page.getByRole("status").filter({ hasText: `We sent a link to ${email}` }).waitFor();
    const verify = await nextLinkToken(email, 0);

    await page.goto(`${env.server.url}/email#token=${verify}`);
    await page.getByRole("heading", { name: "Prize contact confirmed" }).waitFor();
    expect(page.url()).toBe(`${env.server.url}/email`); // the token is dropped from the address bar
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Prize contact confirmed");
    await page.getByRole("link", { name: "Your account" }).click();
    await page.getByText(`${email} verified`).waitFor();

    // The same link again: used.
    await page.goto(`${env.server.url}/email#token=${verify}`);
    await page.getByRole("heading", { name: "This link was already used" }).waitFor();
    expect(await page.getByRole("main").getByRole("alert").textContent()).toBe("That link was already used. Ask for a new one.");
    await page.goto(`${env.server.url}/email#token=not-a-real-token`);
    await page.getByRole("heading", { name: "This link did not work" }).waitFor();
    await page.goto(`${env.server.url}/email`);
    await page.getByRole("heading", { name: "This link is incomplete" }).waitFor();

    await page.goto(`${env.server.url}/account`);
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.getByText("You are not signed in.").waitFor();
    await headerLink(page, "Sign in").waitFor();

    await headerLink(page, "Sign in").click();
    await page.getByLabel("E-mail address").fill(email);
    await page.getByRole("button", { name: "E-mail me a link" }).click();
    await page.getByRole("status").filter({ hasText: `If ${email} is a verified contact, a link is on its way.` }).waitFor();
    const signIn = await nextLinkToken(email, 1);
    expect(mailsTo(env.server.output(), email).at(-1)!.subject).toContain("sign-in");
    await page.goto(`${env.server.url}/email#token=${signIn}`);
    await page.getByRole("heading", { name: `Signed in as ${handle}` }).waitFor();
    await headerLink(page, "Account").waitFor();
    await page.getByRole("link", { name: "Your account" }).click();
    await page.getByText(`You play as ${handle}.`).waitFor();

    // A link past its time: it says so (the token's expiry moved into the past in the database).
    const other = `other-${email}`;
    await page.getByLabel("Use another address").fill(other);
    await page.getByLabel(CONTACT_CONSENT_TEXT).check();
    await page.getByRole("button", { name: "Send verification link" }).click();
    const late = await nextLinkToken(other, 0);
    const db = createDb(env.server.env.DATABASE_URL);
    await db.emailToken.update({ where: { tokenHash: hashToken(late) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await db.$disconnect();
    await page.goto(`${env.server.url}/email#token=${late}`);
    await page.getByRole("heading", { name: "This link has expired" }).waitFor();
    expect(await page.getByRole("main").getByRole("alert").textContent()).toBe("That link has expired. Ask for a new one.");

    // An address that is nobody's verified contact gets the same answer, and no mail.
    const stranger = `nobody${Date.now().toString(36)}@example.com`;
    await page.goto(`${env.server.url}/signin`);
    await page.getByText("This device is already signed in").waitFor();
    await page.getByLabel("E-mail address").fill(stranger);
    await page.getByRole("button", { name: "E-mail me a link" }).click();
    await page.getByRole("status").filter({ hasText: `If ${stranger} is a verified contact, a link is on its way.` }).waitFor();
    expect(mailsTo(env.server.output(), stranger)).toHaveLength(0);

    // No sideways scrolling on the phone-sized pages.
    for (const path of ["/account", "/signin", "/email"]) {
      await page.goto(`${env.server.url}${path}`, { waitUntil: "networkidle" });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBe(0);
    }
  } finally {
    await context.close();
  }
});

it("downloads the player's data from /account, and deletes the account only once the handle is typed", { timeout: 60_000 }, async () => {
  const api = apiClient(env.server.url);
  const player = await api.player("mine");
  const context = await env.browser.newContext({ acceptDownloads: true });
  try {
    await context.addCookies([{ name: "fb_session", value: player.token, url: env.server.url }]);
    const page = await context.newPage();
    await page.goto(`${env.server.url}/account`);
    const data = page.getByRole("region", { name: "Your data" });

    const [download] = await Promise.all([page.waitForEvent("download"), data.getByRole("link", { name: "Download everything (JSON)" }).click()]);
    expect(download.suggestedFilename()).toBe(`flickboard-${player.handle}.json`);
    const exported = JSON.parse(await (await import("node:fs/promises")).readFile((await download.path())!, "utf8"));
    expect(exported.player).toMatchObject({ id: player.id, handle: player.handle });

    const confirm = data.getByLabel(`To confirm, type the handle ${player.handle}`);
    const remove = data.getByRole("button", { name: "Delete my account" });
    await confirm.fill("not-my-handle");
    expect(await remove.isDisabled()).toBe(true);
    await confirm.fill(player.handle.toUpperCase());
    await remove.click();
    await page.getByRole("status").filter({ hasText: "Your account was deleted" }).waitFor();
    await page.getByRole("banner").getByRole("link", { name: "Sign in", exact: true }).waitFor();
    expect((await api.get("/api/players/me", player.token)).status).toBe(401);
    expect((await context.cookies(env.server.url)).find((c) => c.name === "fb_session")).toBeUndefined();
  } finally {
    await context.close();
  }
});

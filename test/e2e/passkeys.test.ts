/**
 * Passkeys in Chromium, with its virtual WebAuthn authenticator (CDP): a named player adds a passkey
 * on one device, the passkey is synced to a second browser context (its credential copied into that
 * context's authenticator, as a passkey provider would), and there it signs in as the same player,
 * who sees their settings. The browser side is the platform's own WebAuthn API with its JSON helpers.
 */
import { expect, it } from "vitest";
import { deviceWithAuthenticator, hostNamedUrl, pageCall as call, useServerAndBrowser } from "../support/e2e";

const env = useServerAndBrowser();

it("adds a passkey on one device and signs in with it on another, as the same player with their settings", async () => {
  const one = await env.browser.newContext();
  const two = await env.browser.newContext();
  try {
    const first = await deviceWithAuthenticator(one, hostNamedUrl(env.server));
    const handle = `pk${Date.now().toString(36)}`;
    expect((await call(first.page, "POST", "/api/players", { handle })).status).toBe(201);
    expect((await call(first.page, "PATCH", "/api/players/me", { settings: { crosshairSize: 17, volume: 35 } })).status).toBe(200);

    const options = await call(first.page, "POST", "/api/players/me/passkeys/options", {});
    expect(options.status).toBe(200);
    expect(options.body.options.rp.id).toBe("localhost");
    const registration = await first.page.evaluate(async (json) => {
      const credential = (await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(json) })) as PublicKeyCredential;
      return credential.toJSON();
    }, options.body.options);
    const added = await call(first.page, "POST", "/api/players/me/passkeys", { response: registration });
    expect(added.status).toBe(201);
    expect((await call(first.page, "GET", "/api/players/me/passkeys")).body.passkeys).toHaveLength(1);

    // The passkey reaches the second device (what a synced passkey provider does).
    const { credentials } = await first.cdp.send("WebAuthn.getCredentials", { authenticatorId: first.authenticatorId });
    expect(credentials).toHaveLength(1);
    const second = await deviceWithAuthenticator(two, hostNamedUrl(env.server));
    await second.cdp.send("WebAuthn.addCredential", { authenticatorId: second.authenticatorId, credential: credentials[0]! });
    expect((await call(second.page, "GET", "/api/players/me")).status).toBe(401);

    const request = await call(second.page, "POST", "/api/auth/passkey/options", {});
    expect(request.status).toBe(200);
    const assertion = await second.page.evaluate(async (json) => {
      const credential = (await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(json) })) as PublicKeyCredential;
      return credential.toJSON();
    }, request.body.options);
    const signedIn = await call(second.page, "POST", "/api/auth/passkey", { response: assertion });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.player.handle).toBe(handle);

    const me = (await call(second.page, "GET", "/api/players/me")).body.player;
    expect(me).toMatchObject({ handle, guest: false, settings: { crosshairSize: 17, volume: 35 } });
    // The same answer again is refused: the challenge was used up.
    expect((await call(second.page, "POST", "/api/auth/passkey", { response: assertion })).status).toBe(422);
  } finally {
    await one.close();
    await two.close();
  }
});

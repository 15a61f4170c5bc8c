/**
 * Accounts that last, over HTTP against the real server and SQLite: guests and the handle claim,
 * e-mailed links (sign-in and the verified prize contact with its consent), sessions, passkey
 * refusals, the run history and a run's placement.
 */
import { describe, expect, it } from "vitest";
import { getScenario, parseSeed, Rng, TIERS } from "../../game/core";
import { CONTACT_CONSENT_TEXT } from "../../lib/contracts/accounts";
import { createDb } from "../../server/db/client";
import { hashToken } from "../../server/players/session";
import { finishBody } from "../support/api";
import { useAppServer } from "../support/app";
import { runHumanClicker } from "../support/bots";
import { lastLinkToken, mailsTo } from "../support/mail";

const app = useAppServer();
const sprint = getScenario("gridshot-sprint")!;

const withCookie = (token: string) => ({ cookie: `fb_session=${token}`, origin: app.server.url, "sec-fetch-site": "same-origin" });
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${app.server.url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
const cookieToken = (res: Response) => /fb_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1] ?? null;

/** Starts runs for each token, plays them as a human would, waits out the duration and finishes them. */
async function playVerifiedRuns(tokens: string[], seedBase = 1) {
  const started = await Promise.all(tokens.map((token) => app.api.post("/api/runs", { scenario: sprint.id, tier: "free" }, token)));
  const latest = Math.max(...started.map((r) => Date.parse(r.body.startedAt)));
  await new Promise((r) => setTimeout(r, Math.max(0, latest + sprint.durationMs + 300 - Date.now())));
  const finished = [];
  for (const [i, res] of started.entries()) {
    const log = runHumanClicker(sprint, parseSeed(res.body.seed), TIERS.free, new Rng(seedBase + i)).sim.log();
    finished.push((await app.api.post(`/api/runs/${res.body.runId}/finish`, finishBody(log), tokens[i])).body);
  }
  return finished;
}

describe("guests", () => {
  it("gives a visitor a guest player, keeps it for the device, and turns it into a named player who keeps every run", async () => {
    const res = await post("/api/players/guest", {});
    expect(res.status).toBe(201);
    const guest = await res.json();
    expect(guest.player.handle).toMatch(/^guest-[a-z2-9]{6}$/);
    const token = guest.token as string;
    expect(cookieToken(res)).toBe(token);

    // The same device asking again keeps its player: no second guest.
    const again = await post("/api/players/guest", {}, withCookie(token));
    expect(again.status).toBe(200);
    expect((await again.json()).player.id).toBe(guest.player.id);
    expect((await app.api.get("/api/players/me", token)).body.player).toMatchObject({ guest: true, handle: guest.player.handle });

    // A guest's run is started and verified like anyone's, and is on the board under the guest handle.
    const [finish] = await playVerifiedRuns([token]);
    expect(finish.run.verdict).toBe("verified");
    const board = async () => (await app.api.get(`/api/leaderboards/${sprint.id}?period=week`)).body.entries as { player: { id: string; handle: string } }[];
    expect((await board()).find((e) => e.player.id === guest.player.id)?.player.handle).toBe(guest.player.handle);

    // Handles starting with guest- are kept for guests.
    const reserved = await app.api.call("PATCH", "/api/players/me", { body: { handle: "guest-mine" }, token });
    expect(reserved.status).toBe(422);
    expect(reserved.body.error.code).toBe("handle_not_allowed");

    const handle = `Claim${Date.now() % 1e6}`;
    const claimed = await app.api.call("PATCH", "/api/players/me", { body: { handle }, token });
    expect(claimed.status).toBe(200);
    expect(claimed.body.player).toMatchObject({ id: guest.player.id, handle, guest: false });
    expect((await board()).find((e) => e.player.id === guest.player.id)?.player.handle).toBe(handle);
    const history = await app.api.get("/api/players/me/runs", token);
    expect(history.body.runs).toEqual([expect.objectContaining({ id: finish.run.id, verdict: "verified", score: finish.run.score })]);

    const db = createDb(app.databaseUrl);
    try {
      expect(await db.auditLog.count({ where: { action: "player.handle_claimed", targetId: guest.player.id } })).toBe(1);
    } finally {
      await db.$disconnect();
    }
  });

  it("refuses the prize contact and passkeys until a guest has chosen a handle", async () => {
    const { token } = await (await post("/api/players/guest", {})).json();
    const contact = await app.api.post("/api/players/me/contact", { email: "g@example.test", consent: true }, token);
    expect(contact.status).toBe(403);
    expect(contact.body.error.code).toBe("handle_required");
    const options = await app.api.post("/api/players/me/passkeys/options", {}, token);
    expect(options.status).toBe(403);
    expect(options.body.error.code).toBe("handle_required");
  });
});

describe("guests and the sign-up limit", () => {
  const limited = useAppServer({ SIGNUP_RATE_PER_IP: "3" });

  it("counts new guests against the per-address sign-up limit, so clearing cookies cannot mint a guest per run", async () => {
    const call = (path: string, body: unknown) =>
      fetch(`${limited.server.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect((await call("/api/players/guest", {})).status).toBe(201);
    expect((await call("/api/players/guest", {})).status).toBe(201);
    expect((await call("/api/players", { handle: `lim${Date.now() % 1e6}` })).status).toBe(201);
    const refused = await call("/api/players/guest", {});
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    const db = createDb(limited.databaseUrl);
    try {
      expect(await db.player.count({ where: { guest: true } })).toBe(2);
    } finally {
      await db.$disconnect();
    }
  });
});

describe("the prize contact and e-mailed sign-in links", () => {
  it("verifies the address through a one-time link, stores the consent, then signs in by e-mail with session rotation", async () => {
    const me = await app.api.player("mail");
    const email = `${me.handle.toLowerCase()}@example.test`;

    // No consent, no address; and the old unverified PATCH is gone.
    const noConsent = await app.api.post("/api/players/me/contact", { email }, me.token);
    expect(noConsent.status).toBe(422);
    expect(noConsent.body.error.message).toContain("consent");
    expect((await app.api.call("PATCH", "/api/players/me", { body: { contactEmail: email }, token: me.token })).status).toBe(422);

    // Asking for a sign-in link to an address nobody verified answers the same and sends nothing.
    const unknown = await post("/api/auth/email", { email });
    expect(unknown.status).toBe(202);
    expect(mailsTo(app.server.output(), email)).toEqual([]);

    const asked = await app.api.post("/api/players/me/contact", { email: email.toUpperCase(), consent: true }, me.token);
    expect(asked.status).toBe(202);
    expect((await app.api.get("/api/players/me", me.token)).body.player.contact).toBeNull();
    const verifyToken = lastLinkToken(app.server.output(), email);

    const db = createDb(app.databaseUrl);
    try {
      // Only the hash is stored.
      const rows = await db.emailToken.findMany({ where: { email } });
      expect(rows).toHaveLength(1);
      expect(rows[0]!.tokenHash).toBe(hashToken(verifyToken));
      expect(JSON.stringify(rows)).not.toContain(verifyToken);

      const verified = await post("/api/auth/email/redeem", { token: verifyToken });
      expect(verified.status).toBe(200);
      expect(await verified.json()).toEqual({ purpose: "verify_contact", email });
      expect(cookieToken(verified)).toBeNull();
      const contact = (await app.api.get("/api/players/me", me.token)).body.player.contact;
      expect(contact).toEqual({ email, verifiedAt: expect.any(String), consentAt: expect.any(String), consentText: CONTACT_CONSENT_TEXT });
      expect(Date.parse(contact.consentAt)).toBeLessThanOrEqual(Date.parse(contact.verifiedAt));

      // A link works once.
      const reused = await post("/api/auth/email/redeem", { token: verifyToken });
      expect(reused.status).toBe(409);
      expect((await reused.json()).error.code).toBe("token_already_used");
      expect((await post("/api/auth/email/redeem", { token: "fbm_nonsense" })).status).toBe(422);

      // Sign-in on a device that holds another (guest) session: the link signs in and replaces it.
      const device = (await (await post("/api/players/guest", {})).json()).token as string;
      expect((await post("/api/auth/email", { email })).status).toBe(202);
      const signInToken = lastLinkToken(app.server.output(), email);
      expect(mailsTo(app.server.output(), email).at(-1)!.subject).toContain("sign-in");
      const signedIn = await post("/api/auth/email/redeem", { token: signInToken }, withCookie(device));
      expect(signedIn.status).toBe(200);
      expect(await signedIn.json()).toEqual({ purpose: "sign_in", player: { id: me.id, handle: me.handle } });
      const session = cookieToken(signedIn)!;
      expect((await app.api.get("/api/players/me", session)).body.player.id).toBe(me.id);
      expect((await app.api.get("/api/players/me", device)).status).toBe(401);

      // An expired link is refused.
      expect((await post("/api/auth/email", { email })).status).toBe(202);
      const late = lastLinkToken(app.server.output(), email);
      await db.emailToken.update({ where: { tokenHash: hashToken(late) }, data: { expiresAt: new Date(Date.now() - 1000) } });
      const expired = await post("/api/auth/email/redeem", { token: late });
      expect(expired.status).toBe(422);
      expect((await expired.json()).error.code).toBe("token_expired");

      // Withdrawing the contact removes the address and the consent; sign-in links stop.
      expect((await app.api.call("DELETE", "/api/players/me/contact", { token: me.token })).status).toBe(204);
      expect((await app.api.get("/api/players/me", me.token)).body.player).toMatchObject({ contact: null, contactEmail: null });
      const before = mailsTo(app.server.output(), email).length;
      await post("/api/auth/email", { email });
      expect(mailsTo(app.server.output(), email)).toHaveLength(before);
    } finally {
      await db.$disconnect();
    }
  });
});

describe("sessions", () => {
  it("lists the player's live sessions and revokes one of them, never another player's", async () => {
    const me = await app.api.player("sess");
    const other = await app.api.player("sesx");
    const list = async (token: string) => (await app.api.get("/api/players/me/sessions", token)).body.sessions as { id: string; current: boolean; device: string }[];
    const mine = await list(me.token);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ current: true, device: expect.any(String) });
    const theirs = (await list(other.token))[0]!;

    const stranger = await app.api.call("DELETE", `/api/players/me/sessions/${theirs.id}`, { token: me.token });
    expect(stranger.status).toBe(404);
    expect(stranger.body.error.code).toBe("session_not_found");
    expect((await app.api.get("/api/players/me", other.token)).status).toBe(200);

    const ended = await app.api.call("DELETE", `/api/players/me/sessions/${mine[0]!.id}`, { token: me.token });
    expect(ended.status).toBe(204);
    expect((await app.api.get("/api/players/me", me.token)).status).toBe(401);
  });
});

describe("passkeys, refused", () => {
  it("refuses an answer to no challenge, and needs a session to add one", async () => {
    const clientDataJSON = Buffer.from(JSON.stringify({ type: "webauthn.get", challenge: "bm90LWlzc3VlZA", origin: app.server.url })).toString("base64url");
    const forged = { id: "AAAA", rawId: "AAAA", type: "public-key", response: { clientDataJSON, authenticatorData: "AA", signature: "AA" }, clientExtensionResults: {} };
    const res = await post("/api/auth/passkey", { response: forged });
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe("passkey_rejected");
    expect((await post("/api/players/me/passkeys/options", {})).status).toBe(401);
    const options = await post("/api/auth/passkey/options", {});
    expect(options.status).toBe(200);
    expect((await options.json()).options).toMatchObject({ rpId: "127.0.0.1", challenge: expect.any(String) });
  });
});

describe("a run's placement", () => {
  it("gives the rank, board size and top % on every board, and the personal-best change", async () => {
    const me = await app.api.player("place");
    const [first] = await playVerifiedRuns([me.token], 11);
    const placement = (await app.api.get(`/api/runs/${first.run.id}/placement`, me.token)).body.placement;
    expect(placement.personalBest).toEqual({ previous: null, improvedBy: null });
    expect(placement.boards.map((b: { period: string; tier: string }) => `${b.period}/${b.tier}`).sort()).toEqual(
      expect.arrayContaining(["all/all", "all/free", "day/all", "week/all"]),
    );
    for (const b of placement.boards) {
      expect(b.rank).toBeGreaterThanOrEqual(1);
      expect(b.rank).toBeLessThanOrEqual(b.size);
      expect(b.topPercent).toBe(Math.max(1, Math.ceil((100 * b.rank) / b.size)));
      expect(b.improved).toBe(true);
    }
    const week = placement.boards.find((b: { period: string; tier: string }) => b.period === "week" && b.tier === "all");
    const board = (await app.api.get(`/api/leaderboards/${sprint.id}?period=week&limit=100`)).body;
    expect(board.entries.findIndex((e: { player: { id: string } }) => e.player.id === me.id) + 1).toBe(week.rank);

    const [second] = await playVerifiedRuns([me.token], 90);
    const next = (await app.api.get(`/api/runs/${second.run.id}/placement`, me.token)).body.placement;
    expect(next.personalBest.previous).toBe(first.run.score);
    expect(next.personalBest.improvedBy).toBe(second.run.score > first.run.score ? second.run.score - first.run.score : null);

    const other = await app.api.player("peek");
    expect((await app.api.get(`/api/runs/${first.run.id}/placement`, other.token)).body.error.code).toBe("run_not_yours");
  });
});

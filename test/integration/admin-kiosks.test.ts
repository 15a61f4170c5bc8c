/**
 * The dashboard's kiosk section through the admin API of the real server: staff register a kiosk and
 * get its one-time pairing code and PIN, the device pairs with it, a new code replaces an unused one,
 * revoking refuses the device at once; each action audited. (That every /api/admin route refuses
 * strangers is test/integration/admin-auth.test.ts's.)
 */
import { describe, expect, it } from "vitest";
import { createDb } from "../../server/db/client";
import { signedInCaller } from "../support/admin";
import { useAppServer } from "../support/app";

const app = useAppServer();

const staffCall = () => signedInCaller(app.server.url, app.databaseUrl, "staff");

async function auditOf(kioskId: string) {
  const db = createDb(app.databaseUrl);
  try {
    return (await db.auditLog.findMany({ where: { targetType: "kiosk", targetId: kioskId }, orderBy: { id: "asc" } })).map((a) => [a.action, a.actorType, a.actorId]);
  } finally {
    await db.$disconnect();
  }
}

describe("admin kiosks API", () => {
  it("registers a kiosk, pairs it with the code shown once, issues a new code, and revokes it: the device is refused at once", async () => {
    const call = await staffCall();
    const me = (await call("GET", "/api/admin/me")).body.admin;

    const made = await call("POST", "/api/admin/kiosks", { name: "Booth 7", scenario: "gridshot", runSeconds: 20 });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ kiosk: { name: "Booth 7", scenario: { id: "gridshot-20s", durationMs: 20_000 } }, pin: expect.stringMatching(/^\d{6}$/) });
    const id = made.body.kiosk.id as string;
    const row = () => call("GET", "/api/admin/kiosks").then((r) => r.body.kiosks.find((k: any) => k.id === id));
    expect(await row()).toMatchObject({ name: "Booth 7", scenario: { id: "gridshot-20s" }, paired: false, lastSeenAt: null, revokedAt: null, pairingExpiresAt: made.body.pairingExpiresAt });

    const paired = await app.api.post("/api/kiosks/pair", { code: made.body.pairingCode });
    expect(paired.status).toBe(201);
    const credential = /fb_kiosk=([^;]+)/.exec(paired.headers.get("set-cookie")!)![1]!;
    const kioskMe = () => fetch(`${app.server.url}/api/kiosks/me`, { headers: { cookie: `fb_kiosk=${credential}` } }).then((r) => r.status);
    expect(await kioskMe()).toBe(200);
    expect(await row()).toMatchObject({ paired: true, pairingExpiresAt: null, lastSeenAt: expect.any(String) });

    const fresh = await call("POST", `/api/admin/kiosks/${id}/pairing-code`);
    expect(fresh).toMatchObject({ status: 201, body: { pairingCode: expect.any(String) } });
    expect(fresh.body.pairingCode).not.toBe(made.body.pairingCode);
    expect((await row()).pairingExpiresAt).toBe(fresh.body.pairingExpiresAt);
    expect((await app.api.post("/api/kiosks/pair", { code: made.body.pairingCode })).status).toBe(404);

    expect((await call("POST", `/api/admin/kiosks/${id}/revoke`)).status).toBe(204);
    expect(await kioskMe()).toBe(401);
    expect(await row()).toMatchObject({ revokedAt: expect.any(String), pairingExpiresAt: null });
    expect((await app.api.post("/api/kiosks/pair", { code: fresh.body.pairingCode })).status).toBe(404);
    expect(await call("POST", `/api/admin/kiosks/${id}/pairing-code`)).toMatchObject({ status: 409, body: { error: { code: "kiosk_revoked" } } });
    expect((await call("POST", `/api/admin/kiosks/${id}/revoke`)).status).toBe(204);

    expect(await auditOf(id)).toEqual([
      ["kiosk.registered", "admin", me.id],
      ["kiosk.paired", "kiosk", id],
      ["kiosk.pairing_code", "admin", me.id],
      ["kiosk.revoked", "admin", me.id],
    ]);
  });

  it("refuses bad requests with a clear error, changing nothing; a player's token is not staff", async () => {
    const call = await staffCall();
    const before = (await call("GET", "/api/admin/kiosks")).body.kiosks;
    expect(await call("POST", "/api/admin/kiosks", { name: "  " })).toMatchObject({ status: 422, body: { error: { code: "validation_failed", message: expect.stringContaining("name") } } });
    expect(await call("POST", "/api/admin/kiosks", { name: "B", runSeconds: 2 })).toMatchObject({ status: 422, body: { error: { message: expect.stringContaining("runSeconds") } } });
    expect(await call("POST", "/api/admin/kiosks", { name: "B", scenario: "no-such-drill" })).toMatchObject({ status: 404, body: { error: { code: "scenario_not_found" } } });
    expect(await call("POST", "/api/admin/kiosks/nope/pairing-code")).toMatchObject({ status: 404, body: { error: { code: "kiosk_not_found" } } });
    expect(await call("POST", "/api/admin/kiosks/nope/revoke")).toMatchObject({ status: 404, body: { error: { code: "kiosk_not_found" } } });
    expect((await call("GET", "/api/admin/kiosks")).body.kiosks).toEqual(before);

    const player = await app.api.player("kp");
    expect((await app.api.get("/api/admin/kiosks", player.token)).status).toBe(403);
    expect((await app.api.post("/api/admin/kiosks", { name: "Sneaky" }, player.token)).status).toBe(403);
  });
});

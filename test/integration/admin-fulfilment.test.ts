/**
 * Fulfilment through the admin API of the real server: an approved prize moved pending → contacted →
 * claimed → fulfilled, each change in its history (who, when, the note); a forfeit offers the place
 * down; every other move is refused with 409 award_transition_not_allowed and changes nothing; a
 * player's token is refused; the contact e-mail shows only for a player who consented.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { listFulfilment } from "../../server/awards/award-history";
import { addAdmin, adminCookie, adminSession } from "../support/admin";
import { useAppServer } from "../support/app";
import { closedWeekDatabase } from "../support/closes";
import { withDb } from "../support/db";
import { seededSqliteUrl } from "../support/server";

const databaseUrl = seededSqliteUrl();
beforeAll(async () => {
  const players = await closedWeekDatabase(databaseUrl);
  // Every winner agreed to be contacted about prizes; Ben withdrew his consent after the close, keeping his e-mail.
  await withDb(databaseUrl, (db) => db.player.update({ where: { id: players.Ben! }, data: { contactConsentAt: null } }));
}, 120_000);
const app = useAppServer({ DATABASE_URL: databaseUrl });

describe("award fulfilment API", () => {
  let headers: Record<string, string>;
  let adminEmail: string;
  const call = (method: string, path: string, body?: unknown, extra: Record<string, string> = headers) => app.api.call(method, path, { body, headers: extra });
  const setStatus = (awardId: string, status: string, note?: string) => call("POST", `/api/admin/awards/${awardId}/status`, note === undefined ? { status } : { status, note });
  const fulfilment = () => withDb(databaseUrl, listFulfilment);

  it("moves an approved prize through every state, recording who, when and the note", async () => {
    const admin = await addAdmin(app.databaseUrl);
    adminEmail = admin.email;
    headers = adminCookie(await adminSession(app.server.url, admin), app.server.url);
    const [ava, ben] = (await call("GET", "/api/admin/awards?status=review")).body.awards;
    expect((await call("POST", `/api/admin/awards/${ava.id}/approve`, { note: "replay looks human" })).status).toBe(204);
    expect((await call("POST", `/api/admin/awards/${ben.id}/approve`, {})).status).toBe(204);

    expect(await setStatus(ava.id, "contacted", "emailed on Monday")).toMatchObject({ status: 200, body: { status: "contacted", offered: null } });
    expect((await setStatus(ava.id, "claimed")).body.status).toBe("claimed");
    expect((await setStatus(ava.id, "fulfilled", "shipped, tracking 123")).body.status).toBe("fulfilled");

    const rows = await fulfilment();
    const avaRow = rows.find((r) => r.id === ava.id)!;
    expect(avaRow.status).toBe("fulfilled");
    expect(avaRow.events.map((e) => [e.action, e.actor, e.note])).toEqual([
      ["prize.awarded", "system", null],
      ["award.approved", adminEmail, "replay looks human"],
      ["award.contacted", adminEmail, "emailed on Monday"],
      ["award.claimed", adminEmail, null],
      ["award.fulfilled", adminEmail, "shipped, tracking 123"],
    ]);
    expect(avaRow.events.every((e) => Date.parse(e.at) > 0)).toBe(true);
    // Ava consents to prize contact; Ben has an e-mail but no consent: none is shown.
    expect(avaRow.contactEmail).toBe("ava@example.test");
    expect(rows.find((r) => r.id === ben.id)!.contactEmail).toBeNull();
  });

  it("refuses a move that is not allowed with a named conflict, and bad input, changing nothing", async () => {
    const awards = (await call("GET", "/api/admin/awards")).body.awards;
    const byHandle = (h: string) => awards.find((a: any) => a.player.handle === h);
    const [ava, ben, cy] = [byHandle("Ava"), byHandle("Ben"), byHandle("Cy")];
    const refused = { status: 409, body: { error: { code: "award_transition_not_allowed" } } };
    expect(await setStatus(ava.id, "forfeited")).toMatchObject(refused); // fulfilled is the end
    expect(await setStatus(ava.id, "contacted")).toMatchObject(refused);
    expect(await setStatus(ben.id, "claimed")).toMatchObject(refused); // one step at a time
    expect(await setStatus(ben.id, "pending")).toMatchObject(refused);
    expect(await setStatus(ben.id, "disqualified")).toMatchObject(refused);
    expect(await setStatus(cy.id, "contacted")).toMatchObject(refused); // still in review
    expect((await setStatus(ben.id, "claimed")).body.error.message).toBe("This award is pending: it can become contacted or forfeited, not claimed.");
    expect(await setStatus(ben.id, "paid")).toMatchObject({ status: 422, body: { error: { code: "validation_failed" } } });
    expect(await call("POST", `/api/admin/awards/${ben.id}/status`, { status: "contacted", extra: 1 })).toMatchObject({ status: 422 });
    expect(await setStatus("nope", "contacted")).toMatchObject({ status: 404, body: { error: { code: "award_not_found" } } });

    const player = await app.api.player("pl");
    expect(await call("POST", `/api/admin/awards/${ben.id}/status`, { status: "contacted" }, { authorization: `Bearer ${player.token}` })).toMatchObject({
      status: 403,
      body: { error: { code: "not_an_admin" } },
    });
    expect((await call("GET", "/api/admin/awards")).body.awards).toEqual(awards);
  });

  it("forfeits a prize from contacted: the place is offered to the next eligible player, in review", async () => {
    const ben = (await call("GET", "/api/admin/awards?status=pending")).body.awards.find((a: any) => a.player.handle === "Ben");
    expect((await setStatus(ben.id, "contacted")).status).toBe(200);
    // Ava, Ben and Cy hold awards of this close; Dee has no contact, which the prize needs: Eli (5th).
    const forfeit = await setStatus(ben.id, "forfeited", "no answer in 14 days");
    expect(forfeit).toMatchObject({ status: 200, body: { status: "forfeited", offered: { handle: "Eli", rank: 5, offer: 2 } } });
    const review = (await call("GET", "/api/admin/awards?status=review")).body.awards;
    expect(review.map((a: any) => [a.place, a.offer, a.player.handle])).toEqual([
      [2, 2, "Eli"],
      [3, 1, "Cy"],
    ]);
    const benRow = (await fulfilment()).find((r) => r.id === ben.id)!;
    expect([benRow.status, benRow.events.at(-1)!.action, benRow.events.at(-1)!.note]).toEqual(["forfeited", "award.forfeited", "no answer in 14 days"]);
    expect(await setStatus(ben.id, "pending")).toMatchObject({ status: 409, body: { error: { code: "award_transition_not_allowed" } } });
  });
});

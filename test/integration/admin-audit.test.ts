/**
 * The audit log through GET /api/admin/audit on the real server: an automatic close's entries (actor
 * "system") and an admin's decisions, filtered by actor, action (or a family of actions) and date,
 * newest first in keyset pages; bad filters and cursors are clear errors; a player is refused.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { addAdmin, adminCookie, adminSession } from "../support/admin";
import { useAppServer } from "../support/app";
import { closedWeekDatabase, DST_WEEK } from "../support/closes";
import { seededSqliteUrl } from "../support/server";

const databaseUrl = seededSqliteUrl();
beforeAll(() => closedWeekDatabase(databaseUrl), 120_000);
const app = useAppServer({ DATABASE_URL: databaseUrl });

describe("admin audit log API", () => {
  let headers: Record<string, string>;
  let email: string;
  const get = (query: string, extra = headers) => app.api.call("GET", `/api/admin/audit${query}`, { headers: extra });
  const actions = async (query: string) => (await get(query)).body.entries.map((e: any) => e.action);

  it("finds the close's entries and each admin action, by actor, action and date", async () => {
    const admin = await addAdmin(app.databaseUrl);
    email = admin.email;
    headers = adminCookie(await adminSession(app.server.url, admin), app.server.url);
    const [ava, , cy] = (await app.api.call("GET", "/api/admin/awards?status=review", { headers })).body.awards;
    expect((await app.api.call("POST", `/api/admin/awards/${ava.id}/approve`, { body: { note: "ok" }, headers })).status).toBe(204);
    expect((await app.api.call("POST", `/api/admin/awards/${cy.id}/disqualify`, { body: { scope: "run", note: "macro" }, headers })).status).toBe(200);

    // The week's close, and the server's scheduler closing the (empty) weeks after it.
    const system = (await get("?actor=system")).body.entries;
    expect(system.every((e: any) => e.actorType === "system" && e.actor === "system")).toBe(true);
    expect(system.filter((e: any) => e.action === "prize.awarded").map((e: any) => e.details.handle)).toEqual(["Cy", "Ben", "Ava"]);
    const closes = system.filter((e: any) => e.action === "period.closed");
    expect(closes.find((e: any) => e.details.periodKey === DST_WEEK.key)).toMatchObject({ targetType: "periodClose", details: { periodKind: "week", entries: 6 } });
    // (The scheduler may still be closing later weeks: more entries may come between two reads.)
    const closed = (await get("?action=period.closed")).body.entries;
    expect(closed.every((e: any) => e.action === "period.closed")).toBe(true);
    expect(closed.map((e: any) => e.id)).toContain(closes.find((e: any) => e.details.periodKey === DST_WEEK.key).id);

    const mine = (await get(`?actor=${encodeURIComponent(email.toUpperCase())}`)).body.entries;
    expect(mine.map((e: any) => [e.action, e.actor])).toEqual([
      ["prize.offered", email],
      ["award.disqualified", email],
      ["award.approved", email],
      ["admin.login", email],
    ]);
    expect(mine[1]).toMatchObject({ targetType: "prizeAward", targetId: cy.id, details: { scope: "run", note: "macro" } });
    expect(await actions("?action=award.")).toEqual(["award.disqualified", "award.approved"]);
    expect(await actions(`?action=award.approved&actor=${encodeURIComponent(email)}`)).toEqual(["award.approved"]);
    expect(await actions("?actor=nobody@flick.test")).toEqual([]);

    const today = new Date().toISOString().slice(0, 10);
    expect(await actions(`?action=award.&from=${today}&to=${today}`)).toEqual(["award.disqualified", "award.approved"]);
    expect(await actions(`?action=award.&to=2020-01-01`)).toEqual([]);
    expect(await actions(`?action=award.&from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual([]);
  });

  it("pages newest first with a cursor, each entry once", async () => {
    // The admin's own entries: the scheduler's closes may still be adding others meanwhile.
    const mine = `actor=${encodeURIComponent(email)}`;
    const all = (await get(`?${mine}&limit=200`)).body;
    expect(all.nextCursor).toBeNull();
    const ids = all.entries.map((e: any) => e.id);
    expect(ids.length).toBe(4);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const paged: number[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const page: any = (await get(`?${mine}&limit=3${cursor ? `&cursor=${cursor}` : ""}`)).body;
      expect(page.entries.length).toBeLessThanOrEqual(3);
      paged.push(...page.entries.map((e: any) => e.id));
      cursor = page.nextCursor;
    }
    expect(paged).toEqual(ids);
  });

  it("refuses bad filters and cursors with a clear error, and a player", async () => {
    expect(await get("?cursor=abc")).toMatchObject({ status: 400, body: { error: { code: "invalid_cursor" } } });
    expect(await get("?cursor=0")).toMatchObject({ status: 400, body: { error: { code: "invalid_cursor" } } });
    expect(await get("?from=yesterday")).toMatchObject({ status: 422, body: { error: { code: "validation_failed" } } });
    expect(await get("?limit=1000")).toMatchObject({ status: 422 });
    expect(await get("?who=me")).toMatchObject({ status: 422 });
    const player = await app.api.player("aud");
    expect(await get("", { authorization: `Bearer ${player.token}` })).toMatchObject({ status: 403, body: { error: { code: "not_an_admin" } } });
  });
});

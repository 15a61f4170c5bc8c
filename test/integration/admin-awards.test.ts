/**
 * Winners under review through the admin API of the real server: a closed week's winners listed in
 * review, approved, disqualified with the place offered down, and the answers to bad requests. (That
 * these routes refuse anyone but an admin is test/integration/admin-auth.test.ts's.)
 */
import { beforeAll, describe, expect, it } from "vitest";
import { addAdmin, adminApi, adminSession, type AdminCall } from "../support/admin";
import { useAppServer } from "../support/app";
import { closedWeekDatabase } from "../support/closes";
import { seededSqliteUrl } from "../support/server";

const databaseUrl = seededSqliteUrl();
// The closed week is written before the server starts (its beforeAll runs first).
beforeAll(() => closedWeekDatabase(databaseUrl), 120_000);
const app = useAppServer({ DATABASE_URL: databaseUrl });

describe("admin awards API", () => {
  let call: AdminCall;

  it("lists the winners in review, approves two, and disqualifies the third's player: the fourth eligible takes the place", async () => {
    call = adminApi(app.server.url, await adminSession(app.server.url, await addAdmin(app.databaseUrl)));
    const review = await call("GET", "/api/admin/awards?status=review");
    expect(review.status).toBe(200);
    const [ava, ben, cy] = review.body.awards;
    expect(review.body.awards.map((a: any) => [a.place, a.player.handle, a.run.verdict, a.history])).toEqual([
      [1, "Ava", "verified", { verified: 1 }],
      [2, "Ben", "verified", { verified: 1 }],
      [3, "Cy", "verified", { verified: 1 }],
    ]);

    expect((await call("POST", `/api/admin/awards/${ava.id}/approve`, {})).status).toBe(204);
    expect((await call("POST", `/api/admin/awards/${ben.id}/approve`, { note: "checked the replay" })).status).toBe(204);
    expect(await call("POST", `/api/admin/awards/${ben.id}/approve`, {})).toMatchObject({ status: 409, body: { error: { code: "award_not_in_review" } } });

    const dq = await call("POST", `/api/admin/awards/${cy.id}/disqualify`, { scope: "player", note: "aim assist" });
    expect(dq).toMatchObject({ status: 200, body: { offered: { handle: "Eli", rank: 5, offer: 2 } } });

    const pending = await call("GET", "/api/admin/awards?status=pending");
    expect(pending.body.awards.map((a: any) => [a.player.handle, a.reviewedAt !== null])).toEqual([
      ["Ava", true],
      ["Ben", true],
    ]);
    expect((await call("GET", "/api/admin/awards?status=review")).body.awards.map((a: any) => [a.place, a.offer, a.player.handle])).toEqual([[3, 2, "Eli"]]);
    expect((await call("GET", "/api/admin/awards?status=disqualified")).body.awards.map((a: any) => [a.player.handle, a.player.disqualified, a.note])).toEqual([["Cy", true, "aim assist"]]);
  });

  it("refuses bad requests with a clear error, changing nothing", async () => {
    const before = (await call("GET", "/api/admin/awards")).body.awards;
    expect(await call("GET", "/api/admin/awards?status=paid")).toMatchObject({ status: 422, body: { error: { code: "validation_failed" } } });
    expect(await call("POST", "/api/admin/awards/nope/approve", {})).toMatchObject({ status: 404, body: { error: { code: "award_not_found" } } });
    const eli = before.find((a: any) => a.player.handle === "Eli");
    expect(await call("POST", `/api/admin/awards/${eli.id}/disqualify`, { scope: "run" })).toMatchObject({ status: 422 });
    expect(await call("POST", `/api/admin/awards/${eli.id}/disqualify`, { scope: "team", note: "x" })).toMatchObject({ status: 422 });
    expect(await call("POST", `/api/admin/awards/${eli.id}/disqualify`, { scope: "run", note: "   " })).toMatchObject({ status: 422 });
    expect((await call("GET", "/api/admin/awards")).body.awards).toEqual(before);
  });
});

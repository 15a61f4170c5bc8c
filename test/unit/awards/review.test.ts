/**
 * Winners under review (server/awards/) on a real, migrated SQLite database: a close writes its
 * awards in review; approving makes one payable; disqualifying the run or the player offers the place
 * to the next eligible player of the frozen standings, keeping every refused row; each decision is
 * audited in its transaction and made once.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { approveAward } from "../../../server/awards/approve-award";
import { disqualifyAward } from "../../../server/awards/disqualify-award";
import { listAwards } from "../../../server/awards/list-awards";
import { MemoryRankStore } from "../../../server/boards/ranks";
import type { Db } from "../../../server/db/client";
import { DST_WEEK, useClosedWeek } from "../../support/closes";

const ADMIN = "admin-1";

const week = useClosedWeek();
let db: Db;
let ranks: MemoryRankStore;
let players: Record<string, string>;
beforeAll(() => {
  ({ db, ranks, players } = week);
});

const awardOf = async (handle: string) => (await listAwards(db, {})).find((a) => a.player.handle === handle)!;
const actionsOn = async (targetId: string) => (await db.auditLog.findMany({ where: { targetId }, orderBy: { id: "asc" } })).map((e) => e.action);
const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (err: { code?: string }) => err.code);

describe("winners under review", { timeout: 30_000 }, () => {
  it("a close writes its winners in review, listed with their run, signals and history", async () => {
    const review = await listAwards(db, { status: "review" });
    expect(review.map((a) => [a.place, a.offer, a.player.handle, a.score, a.status])).toEqual([
      [1, 1, "Ava", 600, "review"],
      [2, 1, "Ben", 500, "review"],
      [3, 1, "Cy", 400, "review"],
    ]);
    expect(review[0]).toMatchObject({
      close: { scenarioId: "gridshot", periodKind: "week", periodKey: DST_WEEK.key, tier: "all" },
      player: { id: players.Ava, disqualified: false, hasContact: true },
      run: { score: 600, verdict: "verified", disqualified: false },
      history: { verified: 1 },
      reviewedAt: null,
    });
    expect(await listAwards(db, { status: "pending" })).toEqual([]);
  });

  it("approving makes an award pending (payable), once, audited", async () => {
    const ava = await awardOf("Ava");
    await approveAward(db, { awardId: ava.id, adminId: ADMIN, note: "clean run" });
    expect(await awardOf("Ava")).toMatchObject({ status: "pending", reviewedBy: ADMIN, note: "clean run", reviewedAt: expect.any(String) });
    expect(await codeOf(approveAward(db, { awardId: ava.id, adminId: ADMIN }))).toBe("award_not_in_review");
    expect(await codeOf(disqualifyAward(db, { ranks }, { awardId: ava.id, adminId: ADMIN, scope: "run", note: "late" }))).toBe("award_not_in_review");
    expect(await codeOf(approveAward(db, { awardId: "no-such-award", adminId: ADMIN }))).toBe("award_not_found");
    expect(await actionsOn(ava.id)).toEqual(["prize.awarded", "award.approved"]);
  });

  it("disqualifying the player offers the place down, past a player without the contact the prize needs", async () => {
    const cy = await awardOf("Cy");
    const { offered } = await disqualifyAward(db, { ranks }, { awardId: cy.id, adminId: ADMIN, scope: "player", note: "aim assist" });
    expect(offered).toMatchObject({ handle: "Eli", rank: 5, offer: 2 });

    expect(await awardOf("Cy")).toMatchObject({ status: "disqualified", note: "aim assist", player: { disqualified: true } });
    expect(await awardOf("Eli")).toMatchObject({ place: 3, offer: 2, status: "review", score: 200, prize: cy.prize });
    const player = await db.player.findUniqueOrThrow({ where: { id: players.Cy! } });
    expect(player).toMatchObject({ disqualifiedAt: expect.any(Date), disqualifyNote: "aim assist" });
    expect(await actionsOn(cy.id)).toEqual(["prize.awarded", "award.disqualified"]);
    expect(await actionsOn(players.Cy!)).toEqual(["player.disqualified"]);
    // Off every open board; the closed week's entry (its frozen standings) stays.
    const entries = await db.boardEntry.findMany({ where: { playerId: players.Cy! } });
    expect(entries.map((e) => [e.periodKind, e.periodKey, e.tier])).toEqual([["week", DST_WEEK.key, "all"]]);
    const offer = await db.auditLog.findFirstOrThrow({ where: { action: "prize.offered", targetId: offered!.awardId } });
    expect(offer.details).toMatchObject({ replaces: cy.id, place: 3, offer: 2, rank: 5, skipped: [{ playerId: players.Dee, rank: 4, reason: "no_contact" }] });
  });

  it("disqualifying the run offers the place to the next player, until nobody is left; every refused row is kept", async () => {
    const eli = await awardOf("Eli");
    const { offered } = await disqualifyAward(db, { ranks }, { awardId: eli.id, adminId: ADMIN, scope: "run", note: "replay does not match" });
    expect(offered).toMatchObject({ handle: "Fay", rank: 6, offer: 3 });
    expect(await db.run.findUniqueOrThrow({ where: { id: eli.run.id } })).toMatchObject({ disqualifiedAt: expect.any(Date), disqualifyNote: "replay does not match" });
    expect((await db.player.findUniqueOrThrow({ where: { id: players.Eli! } })).disqualifiedAt).toBeNull();

    const fay = await awardOf("Fay");
    expect((await disqualifyAward(db, { ranks }, { awardId: fay.id, adminId: ADMIN, scope: "run", note: "shared account" })).offered).toBeNull();
    const unclaimed = await db.auditLog.findFirstOrThrow({ where: { action: "prize.unclaimed" } });
    expect(unclaimed.details).toMatchObject({ place: 3, replaces: fay.id });

    const place3 = await db.prizeAward.findMany({ where: { closeId: fay.close.id, place: 3 }, orderBy: { offer: "asc" }, include: { player: true } });
    expect(place3.map((a) => [a.offer, a.player.handle, a.status])).toEqual([
      [1, "Cy", "disqualified"],
      [2, "Eli", "disqualified"],
      [3, "Fay", "disqualified"],
    ]);
    // Places 1 and 2 are untouched by the offers of place 3.
    expect((await listAwards(db, {})).filter((a) => a.place < 3).map((a) => [a.player.handle, a.status])).toEqual([
      ["Ava", "pending"],
      ["Ben", "review"],
    ]);
  });

  it("a refused decision changes nothing", async () => {
    const ben = await awardOf("Ben");
    const before = await db.auditLog.count();
    expect(await codeOf(disqualifyAward(db, { ranks }, { awardId: "no-such-award", adminId: ADMIN, scope: "player", note: "x" }))).toBe("award_not_found");
    expect(await db.auditLog.count()).toBe(before);
    expect(await awardOf("Ben")).toEqual(ben);
  });
});

/**
 * Disqualifying and reinstating a player (server/players/) on a real, migrated SQLite database with
 * the in-process rank store: the player leaves every open board (rows and ranks) but the closed
 * week's frozen one, their unpaid prize is forfeited and offered down; reinstating puts back exactly
 * the entries they had, and the prize stays forfeited. Each change is audited and made once.
 */
import { describe, expect, it } from "vitest";
import { approveAward } from "../../../server/awards/approve-award";
import { listAwards } from "../../../server/awards/list-awards";
import { boardsFor } from "../../../server/boards/record";
import { currentChallenge } from "../../../server/challenge/challenge";
import { disqualifyPlayer } from "../../../server/players/disqualify-player";
import { reinstatePlayer } from "../../../server/players/reinstate-player";
import { searchPlayers } from "../../../server/players/search-players";
import { recordVerifiedRun } from "../../support/boards";
import { DST_WEEK, useClosedWeek } from "../../support/closes";

const ADMIN = "admin-1";

const week = useClosedWeek();

const entriesOf = async (playerId: string) =>
  (await week.db.boardEntry.findMany({ where: { playerId }, orderBy: [{ periodKind: "asc" }, { periodKey: "asc" }, { tier: "asc" }] })).map(
    ({ id: _id, updatedAt: _u, ...e }) => e,
  );
const actionsOn = async (targetId: string) => (await week.db.auditLog.findMany({ where: { targetId }, orderBy: { id: "asc" } })).map((e) => e.action);
const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (err: { code?: string }) => err.code);

describe("disqualifying and reinstating a player", { timeout: 30_000 }, () => {
  it("takes the player off every open board and its rank store, forfeits their unpaid prize and offers it down; reinstating restores the boards", async () => {
    const { db, ranks, players } = week;
    const ava = players.Ava!;
    const award = (await listAwards(db, { status: "review" })).find((a) => a.player.id === ava)!;
    await approveAward(db, { awardId: award.id, adminId: ADMIN });
    // A better run this week: the challenge and all-time boards hold it, the current day and week too.
    await recordVerifiedRun(db, { playerId: ava, score: 700, at: new Date(Date.now() - 60_000), ranks });
    const challenge = await currentChallenge(db);
    const openBoards = boardsFor({ scenarioId: "gridshot", tier: "free", finishedAt: new Date() }, challenge);
    for (const board of openBoards) expect((await ranks.page(board, 10)).entries.map((e) => e.playerId), board.periodKind).toContain(ava);
    const before = await entriesOf(ava);
    expect(before).toHaveLength(12); // the DST week's day and week, this day and week, challenge and all-time, x 2 tier filters

    const answer = await disqualifyPlayer(db, { ranks }, { playerId: ava, adminId: ADMIN, note: "smurf account" });
    expect(answer).toEqual({ boards: 11, forfeited: [{ awardId: award.id, from: "pending", offered: expect.objectContaining({ handle: "Eli", rank: 5, offer: 2 }) }] });
    // The closed week keeps its entry (its standings are frozen); every other board dropped her.
    expect((await entriesOf(ava)).map((e) => [e.periodKind, e.periodKey, e.tier])).toEqual([["week", DST_WEEK.key, "all"]]);
    for (const board of openBoards) {
      expect((await ranks.page(board, 10)).entries.map((e) => e.playerId), board.periodKind).not.toContain(ava);
      expect(await ranks.rankOf(board, ava)).toBeNull();
    }
    expect(await db.player.findUniqueOrThrow({ where: { id: ava } })).toMatchObject({ disqualifiedAt: expect.any(Date), disqualifyNote: "smurf account" });
    expect((await db.prizeAward.findUniqueOrThrow({ where: { id: award.id } })).status).toBe("forfeited");
    expect(await actionsOn(ava)).toEqual(["player.disqualified"]);
    expect(await actionsOn(award.id)).toEqual(["prize.awarded", "award.approved", "award.forfeited"]);
    const offer = await db.auditLog.findFirstOrThrow({ where: { action: "prize.offered", targetId: answer.forfeited[0]!.offered!.awardId } });
    expect(offer.details).toMatchObject({ replaces: award.id, place: 1, offer: 2 });
    expect((await searchPlayers(db, "AV"))[0]).toMatchObject({ id: ava, handle: "Ava", disqualified: true, disqualifyNote: "smurf account", runs: 2, history: { verified: 2 } });

    expect(await codeOf(disqualifyPlayer(db, { ranks }, { playerId: ava, adminId: ADMIN, note: "again" }))).toBe("player_already_disqualified");
    expect(await codeOf(disqualifyPlayer(db, { ranks }, { playerId: "nobody", adminId: ADMIN, note: "x" }))).toBe("player_not_found");
    expect(await actionsOn(ava)).toEqual(["player.disqualified"]);

    expect(await reinstatePlayer(db, { ranks }, { playerId: ava, adminId: ADMIN, note: "appeal upheld" })).toEqual({ boards: 11 });
    expect(await entriesOf(ava)).toEqual(before);
    for (const board of openBoards) expect(await ranks.rankOf(board, ava), board.periodKind).toBe(1);
    expect((await db.prizeAward.findUniqueOrThrow({ where: { id: award.id } })).status).toBe("forfeited");
    expect(await db.player.findUniqueOrThrow({ where: { id: ava } })).toMatchObject({ disqualifiedAt: null, disqualifyNote: null });
    const reinstated = await db.auditLog.findFirstOrThrow({ where: { action: "player.reinstated", targetId: ava } });
    expect(reinstated).toMatchObject({ actorType: "admin", actorId: ADMIN, details: { note: "appeal upheld", disqualifyNote: "smurf account", boards: 11 } });
    expect(await codeOf(reinstatePlayer(db, { ranks }, { playerId: ava, adminId: ADMIN }))).toBe("player_not_disqualified");
  });

  it("reinstating counts the runs verified while disqualified, but never a disqualified run", async () => {
    const { db, ranks, players } = week;
    const ben = players.Ben!;
    await disqualifyPlayer(db, { ranks }, { playerId: ben, adminId: ADMIN, note: "under review" });
    const better = await recordVerifiedRun(db, { playerId: ben, score: 900, at: new Date(Date.now() - 30_000) });
    const best = await recordVerifiedRun(db, { playerId: ben, score: 950, at: new Date(Date.now() - 20_000) });
    await db.run.update({ where: { id: best }, data: { disqualifiedAt: new Date(), disqualifyNote: "replay mismatch" } });
    // The helper writes boards directly; the finish path leaves a disqualified player's runs off them.
    await db.boardEntry.deleteMany({ where: { runId: { in: [better, best] } } });

    await reinstatePlayer(db, { ranks }, { playerId: ben, adminId: ADMIN });
    const challengeEntries = (await entriesOf(ben)).filter((e) => e.periodKind === "challenge");
    expect(challengeEntries.map((e) => [e.tier, e.runId, e.score])).toEqual([
      ["all", better, 900],
      ["free", better, 900],
    ]);
  });
});

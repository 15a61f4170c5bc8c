/**
 * The home page's view of the challenge (server/challenge/showcase.ts) on a real SQLite database
 * with a closed week (Ava 600, Ben 500, Cy 400 win; Dee has no contact; Eli 200, Fay 100): its
 * state before, during and after the challenge, the prizes and next closes of the prize boards, and
 * the latest winners as they stand after approvals and disqualifications.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { approveAward } from "../../../server/awards/approve-award";
import { disqualifyAward } from "../../../server/awards/disqualify-award";
import { invalidateChallenge } from "../../../server/challenge/challenge";
import { DEFAULT_CHALLENGE } from "../../../server/challenge/defaults";
import { challengeShowcase } from "../../../server/challenge/showcase";
import type { MemoryRankStore } from "../../../server/boards/ranks";
import type { Db } from "../../../server/db/client";
import { CLOSE_GRACE_MS } from "../../../server/closes/due";
import { runDueCloses } from "../../../server/closes/run";
import { DAY, DST_WEEK, FALL_CHALLENGE, useClosedWeek, WEEKS_ONLY } from "../../support/closes";

const ADMIN = "admin-1";
const WEEK_PRIZE = "Six-month Ultimate membership + $100 gift card";
const DURING = new Date("2026-10-30T12:00:00Z");

const week = useClosedWeek();
let db: Db;
let ranks: MemoryRankStore;
beforeAll(() => {
  ({ db, ranks } = week);
});

const awardOf = async (handle: string) => db.prizeAward.findFirstOrThrow({ where: { player: { handle } }, orderBy: { offer: "desc" } });
const disqualify = async (handle: string) => disqualifyAward(db, { ranks }, { awardId: (await awardOf(handle)).id, adminId: ADMIN, scope: "player", note: "aim assist" });
const weekPlaces = async () => (await challengeShowcase(db, DURING)).winners.find((w) => w.kind === "week")?.boards[0]?.places;

describe("the challenge showcase", { timeout: 30_000 }, () => {
  it("during the challenge: its dates, featured scenario, the weekly prizes and the next weekly close", async () => {
    const showcase = await challengeShowcase(db, DURING);
    expect(showcase).toMatchObject({
      id: DEFAULT_CHALLENGE.id,
      name: DEFAULT_CHALLENGE.name,
      timeZone: "America/Chicago",
      startsAt: WEEKS_ONLY.startsAt!.toISOString(),
      endsAt: FALL_CHALLENGE.endsAt.toISOString(),
      state: "running",
      featured: { id: "gridshot", name: "Gridshot" },
      eventDays: [],
    });
    // WEEKS_ONLY: one prize board, weekly only; the challenge's and day prizes are not paid.
    expect(showcase.prizes).toEqual([{ kind: "week", places: [1, 2, 3].map((place) => ({ place, prize: WEEK_PRIZE })) }]);
    expect(showcase.nextCloses).toEqual([{ kind: "week", periodKey: DST_WEEK.key, closeAt: DST_WEEK.endsAt.toISOString() }]);
  });

  it("before the start it is upcoming; from its end on it has ended and nothing closes any more", async () => {
    expect((await challengeShowcase(db, new Date(WEEKS_ONLY.startsAt!.getTime() - 1))).state).toBe("upcoming");
    const ended = await challengeShowcase(db, FALL_CHALLENGE.endsAt);
    expect(ended.state).toBe("ended");
    expect(ended.nextCloses).toEqual([]);
  });

  it("the latest week's winners, in review, from the frozen close; a later week closed with nobody on it does not hide them", async () => {
    const next = await runDueCloses(db, { now: new Date(DST_WEEK.endsAt.getTime() + 7 * DAY + CLOSE_GRACE_MS) });
    expect(next.failed).toEqual([]);
    const newest = await db.periodClose.findFirstOrThrow({ where: { periodKind: "week" }, orderBy: { endsAt: "desc" }, include: { awards: true } });
    expect([newest.periodKey, newest.standings, newest.awards]).toEqual(["2026-11-05T00:00", [], []]);
    const { winners } = await challengeShowcase(db, DURING);
    expect(winners).toEqual([
      {
        kind: "week",
        periodKey: DST_WEEK.key,
        startsAt: DST_WEEK.startsAt.toISOString(),
        endsAt: DST_WEEK.endsAt.toISOString(),
        boards: [
          {
            scenarioId: "gridshot",
            scenarioName: "Gridshot",
            tier: "all",
            places: [
              { place: 1, handle: "Ava", score: 600, underReview: true },
              { place: 2, handle: "Ben", score: 500, underReview: true },
              { place: 3, handle: "Cy", score: 400, underReview: true },
            ],
          },
        ],
      },
    ]);
  });

  it("an approved winner is no longer in review; a disqualified one is replaced by whom the place was offered to", async () => {
    await approveAward(db, { awardId: (await awardOf("Ben")).id, adminId: ADMIN });
    await disqualify("Cy"); // offered past Dee (no contact) to Eli
    expect(await weekPlaces()).toEqual([
      { place: 1, handle: "Ava", score: 600, underReview: true },
      { place: 2, handle: "Ben", score: 500, underReview: false },
      { place: 3, handle: "Eli", score: 200, underReview: true },
    ]);
  });

  it("a place disqualified with nobody left to offer it to is not shown", async () => {
    await disqualify("Eli"); // to Fay
    expect((await weekPlaces())?.map((p) => p.handle)).toEqual(["Ava", "Ben", "Fay"]);
    await disqualify("Fay"); // nobody eligible is left (Dee has no contact)
    expect((await weekPlaces())?.map((p) => p.handle)).toEqual(["Ava", "Ben"]);
  });

  it("with day, week and challenge prize boards: the next close of each; a broken prize table shows none", async () => {
    await db.challenge.update({ where: { id: DEFAULT_CHALLENGE.id }, data: { prizeTable: DEFAULT_CHALLENGE.prizeTable, eventDays: ["2026-11-27"] } });
    invalidateChallenge(db);
    const showcase = await challengeShowcase(db, new Date("2026-11-26T12:00:00Z"));
    expect(showcase.prizes.map((p) => [p.kind, p.places[0]?.prize])).toEqual([
      ["day", "Event day winner: Ultimate membership (12 months)"],
      ["week", WEEK_PRIZE],
      ["challenge", "240 Hz gaming monitor"],
    ]);
    expect(showcase.eventDays).toEqual(["2026-11-27"]);
    expect(showcase.nextCloses).toEqual([
      { kind: "day", periodKey: "2026-11-27", closeAt: "2026-11-28T06:00:00.000Z" },
      { kind: "week", periodKey: "2026-11-26T00:00", closeAt: "2026-12-03T06:00:00.000Z" },
      { kind: "challenge", periodKey: DEFAULT_CHALLENGE.id, closeAt: FALL_CHALLENGE.endsAt.toISOString() },
    ]);

    await db.challenge.update({ where: { id: DEFAULT_CHALLENGE.id }, data: { prizeTable: { boards: "none" } } });
    invalidateChallenge(db);
    const broken = await challengeShowcase(db, new Date("2026-11-26T12:00:00Z"));
    expect(broken).toMatchObject({ state: "running", prizes: [], nextCloses: [], eventDays: [] });
    expect(broken.winners.map((w) => w.kind)).toEqual(["week"]);
  });
});

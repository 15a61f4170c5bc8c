import { describe, expect, it } from "vitest";
import { boardKey } from "../../../server/boards/board";
import { Challenge, type ChallengeRow } from "../../../server/challenge/challenge";
import { allCloses, CLOSE_GRACE_MS, dueCloses, nextClose, prizeBoards } from "../../../server/closes/due";
import { PrizeTableError } from "../../../server/closes/prize-table";
import { DAY, DST_WEEK, FALL_CHALLENGE } from "../../support/closes";

const at = (iso: string) => new Date(iso);
const ms = (d: Date, plus = 0) => new Date(d.getTime() + plus);
const label = (c: { board: { periodKind: string; periodKey: string } }) => `${c.board.periodKind}:${c.board.periodKey}`;

describe("weekly closes (America/Chicago)", () => {
  it("closes the week across the fall-back change at Thursday 00:00 CST + grace, not 1 ms before", () => {
    const weekOf = (now: Date) => dueCloses(new Challenge(FALL_CHALLENGE), now, { periodKind: "week" }).find((c) => c.board.periodKey === DST_WEEK.key);
    const dueAt = ms(DST_WEEK.endsAt, CLOSE_GRACE_MS);
    expect(CLOSE_GRACE_MS).toBe(5_000);
    expect(weekOf(ms(dueAt, -1))).toBeUndefined();
    const close = weekOf(dueAt)!;
    expect(close).toBeDefined();
    expect(close.period).toEqual({ kind: "week", key: DST_WEEK.key, startsAt: DST_WEEK.startsAt, endsAt: DST_WEEK.endsAt });
    expect(close.period.endsAt.getTime() - close.period.startsAt.getTime()).toBe(169 * 3_600_000);
    expect(close.closeAt).toEqual(at("2026-11-05T06:00:00Z"));
    expect(close.dueAt).toEqual(at("2026-11-05T06:00:05Z"));
    expect(close.board).toEqual({ scenarioId: "gridshot", periodKind: "week", periodKey: DST_WEEK.key, tier: "all" });
    expect(close.prizes.map((p) => p.place)).toEqual([1, 2, 3]);
    // The week before still closed at 00:00 CDT (05:00Z).
    const before = allCloses(new Challenge(FALL_CHALLENGE), { periodKind: "week" }).find((c) => c.board.periodKey === "2026-10-22T00:00")!;
    expect(before.closeAt).toEqual(at("2026-10-29T05:00:00Z"));
  });

  it("lists every week of the challenge, oldest first, and skips the closes already made", () => {
    const weeks = allCloses(new Challenge(FALL_CHALLENGE), { periodKind: "week" });
    expect(weeks).toHaveLength(14);
    expect(weeks[0]!.period.startsAt).toEqual(FALL_CHALLENGE.startsAt);
    expect(weeks.at(-1)!.period.endsAt).toEqual(FALL_CHALLENGE.endsAt);
    for (let i = 1; i < weeks.length; i++) expect(weeks[i]!.period.startsAt).toEqual(weeks[i - 1]!.period.endsAt);

    // Down from before the first close until after the third: the three close in order.
    const now = at("2026-10-22T12:00:00Z");
    expect(dueCloses(new Challenge(FALL_CHALLENGE), now, { periodKind: "week" }).map(label)).toEqual([
      "week:2026-10-01T00:00",
      "week:2026-10-08T00:00",
      "week:2026-10-15T00:00",
    ]);
    const closed = new Set([boardKey(weeks[0]!.board)]);
    expect(dueCloses(new Challenge(FALL_CHALLENGE), now, { periodKind: "week", closed }).map(label)).toEqual(["week:2026-10-08T00:00", "week:2026-10-15T00:00"]);
    expect(nextClose(new Challenge(FALL_CHALLENGE), now, { periodKind: "week" })!.board.periodKey).toBe("2026-10-22T00:00");
  });

  it("includes a partial week at each end of a challenge that does not start or end on a close", () => {
    const c = { ...FALL_CHALLENGE, startsAt: at("2026-10-04T12:00:00Z"), endsAt: at("2026-10-20T12:00:00Z") };
    expect(allCloses(new Challenge(c), { periodKind: "week" }).map(label)).toEqual(["week:2026-10-01T00:00", "week:2026-10-08T00:00", "week:2026-10-15T00:00"]);
  });
});

describe("daily and challenge closes", () => {
  it("closes event days only, at the daily close at or after the local midnight that ends them", () => {
    const days = allCloses(new Challenge(FALL_CHALLENGE), { periodKind: "day" });
    expect(days.map(label)).toEqual(["day:2026-11-27", "day:2026-11-28", "day:2026-11-29"]);
    expect(days[0]!.period.startsAt).toEqual(at("2026-11-27T06:00:00Z"));
    expect(days[0]!.closeAt).toEqual(at("2026-11-28T06:00:00Z"));
    expect(days[0]!.prizes.every((p) => !p.needsContact)).toBe(true);

    const late = allCloses(new Challenge({ ...FALL_CHALLENGE, dailyCloseCron: "0 2 * * *" }), { periodKind: "day" });
    expect(late[0]!.closeAt).toEqual(at("2026-11-28T08:00:00Z")); // 02:00 CST the next day
    expect(allCloses(new Challenge({ ...FALL_CHALLENGE, eventDays: [] }), { periodKind: "day" })).toEqual([]);
  });

  it("closes the challenge at its end, after the last week's close of the same instant", () => {
    const all = allCloses(new Challenge({ ...FALL_CHALLENGE, eventDays: ["2026-12-02", "2027-01-06"] }));
    const tail = all.slice(-3).map(label);
    expect(tail).toEqual(["day:2027-01-06", "week:2026-12-31T00:00", `challenge:${FALL_CHALLENGE.id}`]);
    const challenge = all.at(-1)!;
    expect(challenge.dueAt).toEqual(ms(FALL_CHALLENGE.endsAt, CLOSE_GRACE_MS));
    expect(challenge.period).toMatchObject({ startsAt: FALL_CHALLENGE.startsAt, endsAt: FALL_CHALLENGE.endsAt });
    // A day and a week ending at the same instant: the day first.
    const wed = all.findIndex((c) => label(c) === "day:2026-12-02");
    expect(label(all[wed + 1]!)).toBe("week:2026-11-26T00:00");
    expect(all[wed]!.dueAt).toEqual(all[wed + 1]!.dueAt);
    expect(dueCloses(new Challenge(FALL_CHALLENGE), ms(FALL_CHALLENGE.endsAt, CLOSE_GRACE_MS - 1), { periodKind: "challenge" })).toEqual([]);
    expect(dueCloses(new Challenge(FALL_CHALLENGE), ms(FALL_CHALLENGE.endsAt, CLOSE_GRACE_MS), { periodKind: "challenge" })).toHaveLength(1);
  });
});

describe("prize table", () => {
  it("resolves featured, merges duplicate boards and closes every listed board", () => {
    const c: ChallengeRow = {
      ...FALL_CHALLENGE,
      prizeTable: {
        boards: [
          { scenario: "featured", tier: "all", periods: ["week"] },
          { scenario: "gridshot", tier: "all", periods: ["week", "challenge"] },
          { scenario: "tracking", tier: "ultimate", periods: ["week"] },
        ],
        prizes: { week: [{ place: 2, prize: "B" }, { place: 1, prize: "A", needsContact: true }] },
      },
    };
    expect(prizeBoards(new Challenge(c))).toEqual([
      { scenarioId: "gridshot", tier: "all", periods: ["week", "challenge"] },
      { scenarioId: "tracking", tier: "ultimate", periods: ["week"] },
    ]);
    const first = dueCloses(new Challenge(c), ms(FALL_CHALLENGE.startsAt, 7 * DAY + CLOSE_GRACE_MS));
    expect(first.map((x) => `${x.board.scenarioId}/${x.board.tier}`)).toEqual(["gridshot/all", "tracking/ultimate"]);
    expect(first[0]!.prizes).toEqual([
      { place: 1, prize: "A", needsContact: true },
      { place: 2, prize: "B", needsContact: false },
    ]);
    // No prizes listed for the challenge: it still closes (standings frozen), with no awards.
    expect(allCloses(new Challenge(c), { periodKind: "challenge" })[0]!.prizes).toEqual([]);
  });

  it("refuses a malformed prize table, event day or schedule with a clear error", () => {
    const bad = (fields: Partial<ChallengeRow>) => () => allCloses(new Challenge({ ...FALL_CHALLENGE, ...fields }));
    expect(bad({ prizeTable: { boards: [{ scenario: "featured", tier: "gold", periods: ["week"] }], prizes: {} } })).toThrow(
      /Challenge.prizeTable at boards.0.tier/,
    );
    expect(bad({ prizeTable: { boards: [], prizes: { week: [{ place: 1, prize: "a" }, { place: 1, prize: "b" }] } } })).toThrow(/places must be unique/);
    expect(bad({ eventDays: ["2026-11-31"] })).toThrow(PrizeTableError);
    expect(bad({ eventDays: "2026-11-27" })).toThrow(/Challenge.eventDays/);
    expect(bad({ dailyCloseCron: "not a cron" })).toThrow(/daily close cron/);
    expect(bad({ weeklyCloseCron: "* * * * *" })).toThrow(/over 5000 weeks/);
  });
});

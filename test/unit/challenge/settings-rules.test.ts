/**
 * The rules of a challenge settings change (server/challenge/settings-rules.ts), clock passed in:
 * values, and which moves of periods already played are refused.
 */
import { describe, expect, it } from "vitest";
import { Challenge, type ChallengeRow } from "../../../server/challenge/challenge";
import { checkPlayedPeriodsKept, checkValues, isIanaZone, upcomingCloses, type MadeClose } from "../../../server/challenge/settings-rules";
import { DAY, FALL_CHALLENGE } from "../../support/closes";

const WEEKLY_ONLY: ChallengeRow = { ...FALL_CHALLENGE, eventDays: [], prizeTable: { boards: [{ scenario: "featured", tier: "all", periods: ["week"] }], prizes: {} } };
const change = (fields: Partial<ChallengeRow>, now: Date, made: MadeClose[] = [], before: ChallengeRow = WEEKLY_ONLY) =>
  () => checkPlayedPeriodsKept(new Challenge(before), checkValues({ ...before, ...fields }), made, now);

describe("settings values", () => {
  it("takes IANA zones and refuses offsets and unknown names", () => {
    expect(["America/Chicago", "Europe/Berlin", "UTC", "Etc/GMT+5"].map(isIanaZone)).toEqual([true, true, true, true]);
    expect(["+05:00", "-0300", "Mars/Olympus", ""].map(isIanaZone)).toEqual([false, false, false, false]);
  });

  it("names the field of a bad value", () => {
    expect(() => checkValues({ ...WEEKLY_ONLY, weeklyCloseCron: "61 * * * *" })).toThrow(/^weeklyCloseCron: /);
    expect(() => checkValues({ ...WEEKLY_ONLY, eventDays: ["2026-02-30"] })).toThrow(/^eventDays: /);
    expect(() => checkValues({ ...WEEKLY_ONLY, prizeTable: { boards: "all" } })).toThrow(/^prizeTable: /);
  });

  it("answers the next three closes of each schedule in the zone", () => {
    const next = upcomingCloses(new Challenge(FALL_CHALLENGE), new Date("2026-10-30T12:00:00Z"));
    // Thursdays 00:00 in Chicago: CDT (05:00Z) before the fall-back change, CST (06:00Z) after.
    expect(next.weekly).toEqual(["2026-11-05T06:00:00.000Z", "2026-11-12T06:00:00.000Z", "2026-11-19T06:00:00.000Z"]);
    expect(next.daily).toEqual(["2026-10-31T05:00:00.000Z", "2026-11-01T05:00:00.000Z", "2026-11-02T06:00:00.000Z"]);
  });
});

describe("periods already played are kept", () => {
  const before = new Date("2026-09-20T12:00:00Z"); // before the challenge (starts 2026-10-01)
  const during = new Date("2026-11-03T18:00:00Z"); // Tuesday of the week 2026-10-29T00:00

  it("before the start, the zone, the start and the weekly close may change", () => {
    expect(change({ timeZone: "Europe/Berlin" }, before)).not.toThrow();
    expect(change({ startsAt: new Date("2026-10-08T05:00:00Z") }, before)).not.toThrow();
    expect(change({ weeklyCloseCron: "0 0 * * 1" }, before)).not.toThrow();
  });

  it("once started, the zone, the start and the past weeks are fixed; the end may move, not into the past", () => {
    expect(change({ timeZone: "America/Denver" }, during)).toThrow(/^timeZone: cannot change/);
    expect(change({ startsAt: new Date("2026-09-24T05:00:00Z") }, during)).toThrow(/^startsAt: cannot change/);
    expect(change({ weeklyCloseCron: "0 0 * * 1,4" }, during)).toThrow(/^weeklyCloseCron: would move the week 2026-10-01T00:00/);
    // The same schedule is no change.
    expect(change({ weeklyCloseCron: "0 0 * * 4" }, during)).not.toThrow();
    expect(change({ endsAt: new Date(during.getTime() + 7 * DAY) }, during)).not.toThrow();
    expect(change({ endsAt: new Date(during.getTime() - DAY) }, during)).toThrow(/^endsAt: must be in the future/);
  });

  it("refuses adding a close whose time has passed, or moving one made; takes future ones", () => {
    const withDays = (eventDays: string[]) => ({ eventDays, prizeTable: { boards: [{ scenario: "featured", tier: "all", periods: ["week", "day"] }], prizes: {} } });
    expect(change(withDays(["2026-11-01"]), during)).toThrow(/^schedule: would add gridshot\|day\|2026-11-01/);
    expect(change(withDays(["2026-11-20"]), during)).not.toThrow();
    // A board's close made under other bounds (e.g. by hand) may not be moved by a change.
    const made: MadeClose = { scenarioId: "gridshot", periodKind: "challenge", periodKey: "ultimate-challenge", tier: "all", startsAt: FALL_CHALLENGE.startsAt, endsAt: new Date("2026-12-01T06:00:00Z") };
    const challengeBoard = { prizeTable: { boards: [{ scenario: "featured", tier: "all", periods: ["week", "challenge"] }], prizes: {} } };
    expect(change(challengeBoard, during, [made])).toThrow(/^schedule: would move gridshot\|challenge\|ultimate-challenge/);
    // A board may leave the prize table.
    expect(change({ prizeTable: { boards: [], prizes: {} } }, during)).not.toThrow();
  });
});

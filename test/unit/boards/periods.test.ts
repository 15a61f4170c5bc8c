import { describe, expect, it } from "vitest";
import {
  type ChallengeSchedule,
  nextResetAt,
  type Period,
  periodAt,
  periodByKey,
  PeriodKeyError,
  periodsFor,
  parsePeriodKind,
} from "../../../server/boards/periods";
import { PERIOD_KINDS } from "../../../lib/contracts/boards";

const HOUR = 3_600_000;

/** The default challenge's shape: America/Chicago, Thu 2026-11-19 00:00 to Thu 2027-01-07 00:00. */
const chicago: ChallengeSchedule = {
  id: "ultimate-challenge",
  timeZone: "America/Chicago",
  startsAt: new Date("2026-11-19T06:00:00Z"),
  endsAt: new Date("2027-01-07T06:00:00Z"),
  weeklyCloseCron: "0 0 * * 4",
};

const at = (iso: string) => new Date(iso);
const day = (iso: string, c = chicago) => periodAt("day", at(iso), c)!;
const week = (iso: string, c = chicago) => periodAt("week", at(iso), c)!;
const hours = (p: Period) => (p.endsAt!.getTime() - p.startsAt!.getTime()) / HOUR;

describe("day periods", () => {
  it("splits at local midnight, not UTC midnight (America/Chicago, CST = UTC-6)", () => {
    // 2026-11-25 23:59:59.999 CST = 2026-11-26T05:59:59.999Z; 00:00 local is 06:00Z.
    const before = day("2026-11-26T05:59:59.999Z");
    const after = day("2026-11-26T06:00:00.000Z");
    expect(before.key).toBe("2026-11-25");
    expect(after.key).toBe("2026-11-26");
    expect(before.endsAt).toEqual(after.startsAt);
    expect(after.startsAt).toEqual(at("2026-11-26T06:00:00Z"));
    expect(hours(after)).toBe(24);
    // UTC midnight is still the previous local day.
    expect(day("2026-11-26T00:00:00Z").key).toBe("2026-11-25");
  });

  it("is 25 hours long on the fall-back day (2026-11-01, CDT -> CST)", () => {
    const p = day("2026-11-01T12:00:00Z");
    expect(p.key).toBe("2026-11-01");
    expect(p.startsAt).toEqual(at("2026-11-01T05:00:00Z")); // 00:00 CDT (UTC-5)
    expect(p.endsAt).toEqual(at("2026-11-02T06:00:00Z")); // 00:00 CST (UTC-6)
    expect(hours(p)).toBe(25);
    // 23:59:59.999 local on each side of the change
    expect(day("2026-11-01T04:59:59.999Z").key).toBe("2026-10-31");
    expect(day("2026-11-01T05:00:00.000Z").key).toBe("2026-11-01");
    expect(day("2026-11-02T05:59:59.999Z").key).toBe("2026-11-01");
    expect(day("2026-11-02T06:00:00.000Z").key).toBe("2026-11-02");
    // Both passes through the repeated 01:xx hour are the same day.
    expect(day("2026-11-01T06:30:00Z").key).toBe("2026-11-01");
    expect(day("2026-11-01T07:30:00Z").key).toBe("2026-11-01");
  });

  it("is 23 hours long on the spring-forward day (2027-03-14, CST -> CDT)", () => {
    const p = day("2027-03-14T12:00:00Z");
    expect(p.key).toBe("2027-03-14");
    expect(p.startsAt).toEqual(at("2027-03-14T06:00:00Z")); // 00:00 CST
    expect(p.endsAt).toEqual(at("2027-03-15T05:00:00Z")); // 00:00 CDT
    expect(hours(p)).toBe(23);
    expect(day("2027-03-14T05:59:59.999Z").key).toBe("2027-03-13");
    expect(day("2027-03-14T06:00:00.000Z").key).toBe("2027-03-14");
    expect(day("2027-03-15T04:59:59.999Z").key).toBe("2027-03-14");
    expect(day("2027-03-15T05:00:00.000Z").key).toBe("2027-03-15");
  });

  it("starts at the first instant of a day whose midnight does not exist (America/Santiago)", () => {
    // Chile springs forward at 24:00 on Saturday 2026-09-05: 00:00 on 09-06 becomes 01:00 (UTC-4 -> UTC-3).
    const santiago = { ...chicago, timeZone: "America/Santiago" };
    const p = day("2026-09-06T12:00:00Z", santiago);
    expect(p.key).toBe("2026-09-06");
    expect(p.startsAt).toEqual(at("2026-09-06T04:00:00Z")); // 01:00 -03, the day's first instant
    expect(hours(p)).toBe(23);
    expect(day("2026-09-06T03:59:59.999Z", santiago).key).toBe("2026-09-05");
    expect(periodByKey("day", "2026-09-06", santiago)).toEqual(p);
  });

  it("works east of UTC too (Asia/Tokyo)", () => {
    const tokyo = { ...chicago, timeZone: "Asia/Tokyo" };
    expect(day("2026-11-25T14:59:59.999Z", tokyo).key).toBe("2026-11-25");
    expect(day("2026-11-25T15:00:00.000Z", tokyo).key).toBe("2026-11-26");
  });
});

describe("week periods", () => {
  it("runs from one Thursday 00:00 local to the next", () => {
    const p = week("2026-11-23T18:00:00Z"); // Monday
    expect(p.key).toBe("2026-11-19T00:00");
    expect(p.startsAt).toEqual(at("2026-11-19T06:00:00Z"));
    expect(p.endsAt).toEqual(at("2026-11-26T06:00:00Z"));
    expect(hours(p)).toBe(7 * 24);
  });

  it("puts a run at exactly the close instant in the new week", () => {
    const close = "2026-11-26T06:00:00.000Z";
    expect(week("2026-11-26T05:59:59.999Z").key).toBe("2026-11-19T00:00");
    expect(week(close).key).toBe("2026-11-26T00:00");
    expect(week("2026-11-26T06:00:00.001Z").key).toBe("2026-11-26T00:00");
    expect(week(close).startsAt).toEqual(at(close));
  });

  it("closes at Thursday 00:00 local across the fall-back change (a 169 h week)", () => {
    const p = week("2026-11-01T12:00:00Z");
    expect(p.key).toBe("2026-10-29T00:00");
    expect(p.startsAt).toEqual(at("2026-10-29T05:00:00Z")); // 00:00 CDT
    expect(p.endsAt).toEqual(at("2026-11-05T06:00:00Z")); // 00:00 CST
    expect(hours(p)).toBe(169);
  });

  it("closes at Thursday 00:00 local across the spring-forward change (a 167 h week)", () => {
    const p = week("2027-03-14T12:00:00Z");
    expect(p.key).toBe("2027-03-11T00:00");
    expect(p.startsAt).toEqual(at("2027-03-11T06:00:00Z"));
    expect(p.endsAt).toEqual(at("2027-03-18T05:00:00Z"));
    expect(hours(p)).toBe(167);
    expect(week("2027-03-18T04:59:59.999Z").key).toBe("2027-03-11T00:00");
    expect(week("2027-03-18T05:00:00.000Z").key).toBe("2027-03-18T00:00");
  });

  it("follows another schedule (Mondays 18:30 in Europe/Berlin)", () => {
    const berlin = { ...chicago, timeZone: "Europe/Berlin", weeklyCloseCron: "30 18 * * 1" };
    const p = week("2026-11-25T12:00:00Z", berlin);
    expect(p.key).toBe("2026-11-23T18:30");
    expect(p.startsAt).toEqual(at("2026-11-23T17:30:00Z"));
    expect(p.endsAt).toEqual(at("2026-11-30T17:30:00Z"));
  });

  it("a close inside a DST gap or repeated hour happens once, and its key round-trips", () => {
    // Sundays 02:00: on 2027-03-14 02:00 does not exist in Chicago; croner closes at 03:00 CDT.
    const gap = { ...chicago, weeklyCloseCron: "0 2 * * 0" };
    const g = week("2027-03-14T12:00:00Z", gap);
    expect(g.key).toBe("2027-03-14T03:00");
    expect(g.startsAt).toEqual(at("2027-03-14T08:00:00Z"));
    expect(periodByKey("week", "2027-03-14T03:00", gap)).toEqual(g);
    expect(() => periodByKey("week", "2027-03-14T02:00", gap)).toThrow(PeriodKeyError);
    // Sundays 01:30: on 2026-11-01 01:30 happens twice; the week opens at the first (CDT) one only.
    const twice = { ...chicago, weeklyCloseCron: "30 1 * * 0" };
    const r = week("2026-11-01T07:10:00Z", twice); // 01:10 CST, between the two 01:30s
    expect(r.key).toBe("2026-11-01T01:30");
    expect(r.startsAt).toEqual(at("2026-11-01T06:30:00Z"));
    expect(r.endsAt).toEqual(at("2026-11-08T07:30:00Z"));
    expect(periodByKey("week", "2026-11-01T01:30", twice)).toEqual(r);
  });

  it("defaults to Thursdays 00:00 when the schedule has no cron", () => {
    const { weeklyCloseCron: _, ...noCron } = chicago;
    expect(week("2026-11-23T18:00:00Z", noCron)).toEqual(week("2026-11-23T18:00:00Z"));
  });

  it("consecutive weeks tile time with no gap or overlap", () => {
    let p = week("2026-10-01T00:00:00Z");
    for (let i = 0; i < 60; i++) {
      const next = periodAt("week", p.endsAt!, chicago)!;
      expect(next.startsAt).toEqual(p.endsAt);
      expect(periodAt("week", new Date(p.endsAt!.getTime() - 1), chicago)!.key).toBe(p.key);
      expect(next.key.endsWith("T00:00")).toBe(true);
      p = next;
    }
  });
});

describe("challenge and all-time periods", () => {
  it("challenge: [startsAt, endsAt), null outside", () => {
    expect(periodAt("challenge", at("2026-11-19T05:59:59.999Z"), chicago)).toBeNull();
    expect(periodAt("challenge", chicago.startsAt, chicago)).toEqual({
      kind: "challenge",
      key: "ultimate-challenge",
      startsAt: chicago.startsAt,
      endsAt: chicago.endsAt,
    });
    expect(periodAt("challenge", at("2027-01-07T05:59:59.999Z"), chicago)?.key).toBe("ultimate-challenge");
    expect(periodAt("challenge", chicago.endsAt, chicago)).toBeNull();
  });

  it("all: one unbounded period", () => {
    expect(periodAt("all", at("1999-01-01T00:00:00Z"), chicago)).toEqual({ kind: "all", key: "all", startsAt: null, endsAt: null });
  });

  it("periodsFor: day, week, challenge (only inside) and all", () => {
    expect(periodsFor(at("2026-11-10T12:00:00Z"), chicago).map((p) => `${p.kind}:${p.key}`)).toEqual([
      "day:2026-11-10",
      "week:2026-11-05T00:00",
      "all:all",
    ]);
    expect(periodsFor(at("2026-11-27T20:00:00Z"), chicago).map((p) => `${p.kind}:${p.key}`)).toEqual([
      "day:2026-11-27",
      "week:2026-11-26T00:00",
      "challenge:ultimate-challenge",
      "all:all",
    ]);
  });

  it("nextResetAt is the end of the current period", () => {
    const t = at("2026-11-27T20:00:00Z");
    expect(nextResetAt("day", t, chicago)).toEqual(at("2026-11-28T06:00:00Z"));
    expect(nextResetAt("week", t, chicago)).toEqual(at("2026-12-03T06:00:00Z"));
    expect(nextResetAt("challenge", t, chicago)).toEqual(chicago.endsAt);
    expect(nextResetAt("all", t, chicago)).toBeNull();
    expect(nextResetAt("challenge", at("2027-02-01T00:00:00Z"), chicago)).toBeNull();
  });
});

describe("periodByKey", () => {
  it("round-trips every key periodAt produces", () => {
    const start = at("2026-10-20T00:00:00Z").getTime();
    for (let t = start; t < start + 200 * 24 * HOUR; t += 7 * HOUR + 13 * 60_000) {
      for (const p of periodsFor(new Date(t), chicago)) {
        expect(periodByKey(p.kind, p.key, chicago)).toEqual(p);
      }
    }
  });

  it("reads past weeks across DST changes", () => {
    expect(periodByKey("week", "2026-10-29T00:00", chicago)).toEqual(week("2026-11-01T12:00:00Z"));
    expect(periodByKey("week", "2027-03-11T00:00", chicago)).toEqual(week("2027-03-14T12:00:00Z"));
  });

  it.each([
    ["day", "2026-11-5", /must look like "YYYY-MM-DD"/],
    ["day", "2026/11/05", /must look like/],
    ["day", "2026-02-30", /not a calendar date/],
    ["day", "2026-13-01", /not a calendar date/],
    ["day", " 2026-11-05", /must look like/],
    ["week", "2026-11-26", /must look like "YYYY-MM-DDTHH:mm"/],
    ["week", "2026-11-27T00:00", /not a weekly close.*the week containing that time is "2026-11-26T00:00"/],
    ["week", "2026-11-26T01:00", /not a weekly close/],
    ["week", "2026-11-26T00:00:00", /not a weekly close/], // not the canonical spelling
    ["week", "2026-11-26T24:00", /not a calendar date-time/],
    ["week", "2026-11-26T06:00Z", /must look like/],
    ["challenge", "other-challenge", /not this challenge/],
    ["all", "ALL", /key is "all"/],
  ] as const)("rejects %s key %j", (kind, key, message) => {
    expect(() => periodByKey(kind, key, chicago)).toThrow(PeriodKeyError);
    expect(() => periodByKey(kind, key, chicago)).toThrow(message);
  });

  it("rejects unknown kinds", () => {
    expect(() => parsePeriodKind("month")).toThrow(PeriodKeyError);
    expect(PERIOD_KINDS.map(parsePeriodKind)).toEqual(["day", "week", "challenge", "all"]);
    expect(() => periodByKey("month" as never, "x", chicago)).toThrow(PeriodKeyError);
  });
});

describe("bad schedules", () => {
  it("names a bad time zone", () => {
    expect(() => periodAt("day", new Date(), { ...chicago, timeZone: "Mars/Olympus" })).toThrow(/invalid time zone "Mars\/Olympus"/);
  });

  it("names a bad cron expression", () => {
    expect(() => periodAt("week", new Date(), { ...chicago, timeZone: "UTC", weeklyCloseCron: "every thursday" })).toThrow(
      /invalid weekly close cron/,
    );
  });

  it("rejects an invalid date", () => {
    expect(() => periodAt("day", new Date(NaN), chicago)).toThrow(TypeError);
  });
});

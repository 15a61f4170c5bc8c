/** The home page's time texts (app/components/zoned-time.ts): time left to the second, and an instant in a named zone. */
import { describe, expect, it } from "vitest";
import { formatInZone, timeLeft } from "../../../app/components/zoned-time";

const AT = "2026-12-03T06:00:00.000Z";
const before = (ms: number) => Date.parse(AT) - ms;

describe("timeLeft", () => {
  it("drops leading zero units, pads the rest, and counts whole seconds down", () => {
    expect(timeLeft(AT, before(((6 * 24 + 4) * 3600 + 9 * 60 + 5) * 1000))).toBe("6d 04h 09m 05s");
    expect(timeLeft(AT, before(24 * 3600 * 1000))).toBe("1d 00h 00m 00s");
    expect(timeLeft(AT, before((3600 + 1) * 1000))).toBe("1h 00m 01s");
    expect(timeLeft(AT, before(59_999))).toBe("59s");
    expect(timeLeft(AT, before(1_000))).toBe("1s");
  });

  it("says 0s at the instant and after it", () => {
    expect(timeLeft(AT, before(999))).toBe("0s");
    expect(timeLeft(AT, before(0))).toBe("0s");
    expect(timeLeft(AT, before(-60_000))).toBe("0s");
  });
});

describe("formatInZone", () => {
  it("shows the same instant in each zone with the zone's name, daylight saving included", () => {
    expect(formatInZone(AT, "America/Chicago")).toMatch(/^Thu, Dec 3, 2026, 12:00\sAM CST$/);
    expect(formatInZone(AT, "UTC")).toMatch(/^Thu, Dec 3, 2026, 6:00\sAM UTC$/);
    expect(formatInZone("2026-10-29T05:00:00.000Z", "America/Chicago")).toMatch(/^Thu, Oct 29, 2026, 12:00\sAM CDT$/);
  });
});

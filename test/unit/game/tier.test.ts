import { describe, expect, it } from "vitest";
import { FRAME_CAP_TOLERANCE_MS, TIERS, checkFrameCap, getTier, minFrameIntervalMs } from "../../../game/core/index";
import { frameSchedule } from "../../support/bots";

describe("tiers", () => {
  it("has the documented profiles", () => {
    expect(TIERS.free).toEqual({ name: "free", fpsCap: 60, addedLatencyMs: 40 });
    expect(TIERS.ultimate).toEqual({ name: "ultimate", fpsCap: 240, addedLatencyMs: 10 });
    expect(getTier("free")).toBe(TIERS.free);
    expect(getTier("pro")).toBeUndefined();
    expect(minFrameIntervalMs(TIERS.free)).toBeCloseTo(1000 / 60 - FRAME_CAP_TOLERANCE_MS, 12);
  });

  it("accepts exactly 60 fps on free and 240 fps on ultimate", () => {
    const free = checkFrameCap(frameSchedule(60, 10_000), TIERS.free);
    expect(free.violations).toBe(0);
    expect(free.firstViolationIndex).toBeUndefined();
    expect(free.belowCap).toBe(true);
    expect(free.achievedFps).toBeCloseTo(60, 0);
    const ult = checkFrameCap(frameSchedule(240, 10_000), TIERS.ultimate);
    expect(ult.violations).toBe(0);
    // 1/16 ms quantisation: intervals of 66 or 67 ticks, median 67 ticks = 4.1875 ms
    expect(ult.achievedFps).toBeGreaterThan(238);
    expect(ult.achievedFps).toBeLessThanOrEqual(240);
    // 60 fps is fine on ultimate too
    expect(checkFrameCap(frameSchedule(60, 1000), TIERS.ultimate).violations).toBe(0);
  });

  it("reports frames that break the cap", () => {
    const r = checkFrameCap(frameSchedule(240, 10_000), TIERS.free);
    expect(r.violations).toBeGreaterThan(0);
    expect(r.firstViolationIndex).toBe(1);
    expect(r.belowCap).toBe(false);
    expect(r.achievedFps).toBeGreaterThan(238);

    // one early frame in an otherwise capped sequence
    const times = frameSchedule(60, 1000);
    times[10] = times[9]! + 5;
    const one = checkFrameCap(times, TIERS.free);
    expect(one.violations).toBe(1);
    expect(one.firstViolationIndex).toBe(10);
    expect(one.belowCap).toBe(true);
  });

  it("tolerates jitter within 0.5 ms and computes percentiles", () => {
    const t = [0, 16.5, 33.0, 50.0, 66.25];
    expect(checkFrameCap(t, TIERS.free).violations).toBe(0);
    expect(checkFrameCap([0, 16.125], TIERS.free).violations).toBe(1);
    const r = checkFrameCap([0, 10, 30, 60, 100], TIERS.ultimate);
    expect(r.medianIntervalMs).toBe(25);
    expect(r.p99IntervalMs).toBe(40);
    expect(checkFrameCap([], TIERS.free)).toMatchObject({ violations: 0, achievedFps: 0 });
  });
});

import { describe, expect, it } from "vitest";
import { accuracyLabel, accuracyText, clockText, percentOf, tenthsLeft } from "../../../game/client/hud";
import { gainForVolume } from "../../../game/client/sounds";

describe("the run HUD", () => {
  it("shows the full duration before the run and 0.0 only once it is over", () => {
    expect(clockText(tenthsLeft(30_000, 0))).toBe("30.0");
    expect(clockText(tenthsLeft(30_000, 29_950))).toBe("0.1");
    expect(clockText(tenthsLeft(30_000, 30_000))).toBe("0.0");
    expect(clockText(tenthsLeft(30_000, 30_016))).toBe("0.0");
    // Rounded up: 12.34 s left reads 12.4, not 12.3.
    expect(clockText(tenthsLeft(30_000, 17_660))).toBe("12.4");
  });

  it("shows no accuracy before anything is measured, then whole percent", () => {
    expect(percentOf(0, 0)).toBeNull();
    expect(accuracyText(percentOf(0, 0))).toBe("—");
    expect(accuracyText(percentOf(0, 3))).toBe("0%");
    expect(accuracyText(percentOf(2, 3))).toBe("67%");
    expect(accuracyText(percentOf(1250, 5000))).toBe("25%");
  });

  it("labels accuracy by scenario kind: hits per shot when clicking, time on target when tracking", () => {
    expect(accuracyLabel("clicking-static")).toBe("Accuracy");
    expect(accuracyLabel("clicking-dynamic")).toBe("Accuracy");
    expect(accuracyLabel("tracking")).toBe("On target");
    expect(accuracyLabel("switching")).toBe("On target");
  });
});

describe("shot sounds", () => {
  it("are silent at volume 0 and grow with the square of the volume up to a safe peak", () => {
    expect(gainForVolume(0)).toBe(0);
    expect(gainForVolume(50)).toBeCloseTo(gainForVolume(100) / 4);
    expect(gainForVolume(100)).toBe(0.4);
    expect(gainForVolume(250)).toBe(0.4);
    expect(gainForVolume(-5)).toBe(0);
  });
});

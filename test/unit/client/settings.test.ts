import { describe, expect, it } from "vitest";
import { SpikeFilter } from "../../../game/client/input";
import { cm360FromPreset, GAME_PRESETS, keyLabel, loadSettings, mergeSettings, saveSettings } from "../../../game/client/settings";
import { playerSettingsSchema } from "../../../lib/contracts/players";
import { DEFAULT_SETTINGS, settingIssue } from "../../../lib/contracts/settings";
import { verticalFovFromHorizontal } from "../../../game/core";

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe("settings", () => {
  it("defaults to 103° horizontal FOV and a colour-blind safe target colour with an outline", () => {
    expect(loadSettings(memoryStorage())).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({ hfovDeg: 103, targetColour: "orange", targetOutline: true });
  });

  it("persists and reloads settings", () => {
    const storage = memoryStorage();
    saveSettings({ ...DEFAULT_SETTINGS, cm360: 25.5, dpi: 1600, keyboardFire: "KeyF" }, storage);
    expect(loadSettings(storage)).toMatchObject({ cm360: 25.5, dpi: 1600, keyboardFire: "KeyF" });
  });

  it("falls back to the default for each invalid stored field, keeping the valid ones", () => {
    const storage = memoryStorage();
    storage.setItem("flickboard.settings.v1", JSON.stringify({ cm360: -4, dpi: 1600, hfovDeg: "wide" }));
    expect(loadSettings(storage)).toMatchObject({ cm360: DEFAULT_SETTINGS.cm360, dpi: 1600, hfovDeg: 103 });
    storage.setItem("flickboard.settings.v1", "{not json");
    expect(loadSettings(storage)).toEqual(DEFAULT_SETTINGS);
  });

  it("merges an account's settings over the defaults field by field, as it does a browser's", () => {
    expect(mergeSettings({})).toEqual(DEFAULT_SETTINGS);
    expect(mergeSettings(null)).toEqual(DEFAULT_SETTINGS);
    const merged = mergeSettings({ crosshairSize: 24, volume: 0, restartKey: "KeyT", crosshairGap: 99, fullscreen: "yes", unknown: 1 });
    expect(merged).toEqual({ ...DEFAULT_SETTINGS, crosshairSize: 24, volume: 0, restartKey: "KeyT" });
    // Over another base: a kiosk's or a player's partial settings keep the base's other fields.
    const base = { ...DEFAULT_SETTINGS, dpi: 1600 };
    expect(mergeSettings({ cm360: 40 }, base)).toEqual({ ...base, cm360: 40 });
  });

  it("names keys as a player reads them", () => {
    expect(keyLabel("KeyR")).toBe("R");
    expect(keyLabel("Digit3")).toBe("3");
    expect(keyLabel("Numpad0")).toBe("Num 0");
    expect(keyLabel("Space")).toBe("Space");
    expect(keyLabel("Key")).toBe("Key");
  });

  it("says what is wrong with a setting, and the server refuses it in the same words", () => {
    const cases: [keyof typeof DEFAULT_SETTINGS, unknown, string | null][] = [
      ["cm360", 3, null],
      ["cm360", 2.9, "must be from 3 to 200"],
      ["cm360", Number.NaN, "must be a number"],
      ["cm360", "30", "must be a number"],
      ["dpi", 800.5, "must be a whole number"],
      ["hfovDeg", 131, "must be from 60 to 130"],
      ["targetColour", "sky", null],
      ["targetColour", "pink", "must be one of orange, sky, yellow, vermillion, white"],
      ["crosshairStyle", "dot", null],
      ["targetOutline", "yes", "must be true or false"],
      ["keyboardFire", null, null],
      ["keyboardFire", 7, "must be text or null"],
      ["restartKey", null, "must be text"],
      ["restartKey", "", "must not be empty"],
      ["restartKey", "K".repeat(33), "must be at most 32 characters"],
    ];
    for (const [key, value, issue] of cases) {
      expect(settingIssue(key, value), `${key} ${String(value)}`).toBe(issue);
      const server = playerSettingsSchema.safeParse({ [key]: value });
      expect(server.success ? null : server.error.issues.map((i) => [i.path.join("."), i.message]), `${key} ${String(value)}`).toEqual(
        issue === null ? null : [[key, issue]],
      );
    }
    expect(playerSettingsSchema.safeParse({ volume: 50, unknown: 1 }).success).toBe(false);
  });

  it("refuses to save an invalid value", () => {
    expect(() => saveSettings({ ...DEFAULT_SETTINGS, dpi: 3 }, memoryStorage())).toThrow();
  });

  it("converts game sensitivities to cm/360", () => {
    // CS 2.0 at 800 DPI: 360 / (2 * 0.022) counts = 8181.8 counts = 10.23 in = 25.98 cm.
    expect(cm360FromPreset("source", 2, 800)).toBe(25.98);
    // Overwatch 6.67 at 800 DPI and Valorant 0.629 at 800 DPI are the CS 2.0 equivalents.
    expect(cm360FromPreset("overwatch", 6.67, 800)).toBeCloseTo(25.98, 1);
    expect(cm360FromPreset("valorant", 0.629, 800)).toBeCloseTo(25.98, 1);
  });

  it("converts from at least 10 games, each by its own yaw", () => {
    expect(new Set(GAME_PRESETS.map((p) => p.id)).size).toBeGreaterThanOrEqual(10);
    // The same 25.98 cm/360 at 800 DPI, as each game's players would set it.
    const equivalents: Record<string, number> = {
      cs2: 2,
      apex: 2,
      tf2: 2,
      titanfall2: 2,
      "quake-live": 2,
      overwatch: 6.6667,
      cod: 6.6667,
      destiny2: 6.6667,
      valorant: 0.62857,
      fortnite: 7.9208,
    };
    for (const [game, sens] of Object.entries(equivalents)) {
      expect(cm360FromPreset(game as never, sens, 800), game).toBeCloseTo(25.98, 1);
    }
  });

  it("turns 103° horizontal into three.js's vertical FOV for 16:9", () => {
    expect(verticalFovFromHorizontal(103, 16 / 9)).toBeCloseTo(70.53, 1);
    expect(verticalFovFromHorizontal(90, 1)).toBeCloseTo(90, 6);
  });
});

describe("SpikeFilter", () => {
  it("passes fast but human movement and drops pointer-lock spikes", () => {
    const filter = new SpikeFilter(800);
    expect(filter.accept(0, 40, -10)).toBe(true);
    expect(filter.accept(1, 200, 0)).toBe(true); // 200 counts in 1 ms at 800 DPI = 6.4 m/s
    expect(filter.accept(2, 3000, 0)).toBe(false); // 95 m/s: a glitch
    expect(filter.accept(2.5, 0, -1500)).toBe(false);
    expect(filter.accept(3, 5, 5)).toBe(true);
    expect(filter.dropped).toBe(2);
  });

  it("allows larger deltas after a longer gap, up to a bound", () => {
    const filter = new SpikeFilter(800);
    filter.accept(0, 1, 1);
    expect(filter.accept(20, 4000, 0)).toBe(true); // 20 ms gap: 5,040-count budget
    expect(filter.accept(1000, 20_000, 0)).toBe(false); // gaps count at most 50 ms
  });
});

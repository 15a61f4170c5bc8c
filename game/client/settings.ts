/**
 * Player settings in the browser: sensitivity presets converted from common games, persistence in
 * localStorage, and the merge of stored settings (this browser's, or a signed-in player's copy on
 * the server) over the defaults. The settings themselves (rules, defaults, palettes) are a contract shared with
 * the server: lib/contracts/settings.ts.
 */
import { DEFAULT_SETTINGS, parseSettings, settingIssue, type Settings } from "../../lib/contracts/settings";
import { cm360FromGame, type GameSensitivityProfile } from "../core/world";

/** The games a sensitivity converts from (yaw values and their sources: docs/client.md). */
export const GAME_PRESETS: { id: GameSensitivityProfile; label: string }[] = [
  { id: "cs2", label: "Counter-Strike 2 / CS:GO" },
  { id: "valorant", label: "Valorant" },
  { id: "overwatch", label: "Overwatch 2" },
  { id: "apex", label: "Apex Legends" },
  { id: "fortnite", label: "Fortnite (X sensitivity, %)" },
  { id: "cod", label: "Call of Duty: MW / Warzone (relative)" },
  { id: "destiny2", label: "Destiny 2" },
  { id: "tf2", label: "Team Fortress 2" },
  { id: "titanfall2", label: "Titanfall 2" },
  { id: "quake-live", label: "Quake Live" },
  { id: "source", label: "Other Source engine games" },
];

/** cm/360 from a game's in-game sensitivity, rounded to 0.01 cm. */
export function cm360FromPreset(game: GameSensitivityProfile, sens: number, dpi: number): number {
  return Math.round(cm360FromGame(game, sens, dpi) * 100) / 100;
}

/** A KeyboardEvent.code as a player reads it: "KeyR" is R, "Digit1" is 1, "Space" stays Space. */
export function keyLabel(code: string): string {
  return code.replace(/^(Key|Digit|Numpad)(?=.)/, (prefix) => (prefix === "Numpad" ? "Num " : ""));
}

const STORAGE_KEY = "flickboard.settings.v1";

/** Stored settings over `base` (the defaults unless given): unknown or invalid fields keep the base's value one by one. */
export function mergeSettings(stored: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  if (!stored || typeof stored !== "object") return base;
  const fields = stored as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...base };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (settingIssue(key, fields[key]) === null) merged[key] = fields[key];
  }
  return merged as Settings;
}

export function loadSettings(storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage): Settings {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    return raw ? mergeSettings(JSON.parse(raw)) : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function saveSettings(settings: Settings, storage: Pick<Storage, "setItem"> | undefined = globalThis.localStorage): void {
  storage?.setItem(STORAGE_KEY, JSON.stringify(parseSettings(settings)));
}

/**
 * Player settings in the browser: sensitivity presets converted from common games, and persistence
 * in localStorage. The settings themselves (schema, defaults, palettes) are a contract shared with
 * the server: lib/contracts/settings.ts.
 */
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from "../../lib/contracts/settings";
import { cm360FromGame, type GameSensitivityProfile } from "../core";

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

const STORAGE_KEY = "flickboard.settings.v1";

export function loadSettings(storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage): Settings {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return DEFAULT_SETTINGS;
    // Unknown or invalid fields fall back to their defaults one by one.
    const stored = JSON.parse(raw) as Record<string, unknown>;
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      const field = settingsSchema.shape[key].safeParse(stored[key]);
      if (field.success) merged[key] = field.data;
    }
    return merged as Settings;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function saveSettings(settings: Settings, storage: Pick<Storage, "setItem"> | undefined = globalThis.localStorage): void {
  storage?.setItem(STORAGE_KEY, JSON.stringify(settingsSchema.parse(settings)));
}

/**
 * Player settings: sensitivity (cm/360 + DPI), horizontal FOV, colours and shapes, the crosshair's
 * geometry, keys, sound volume, the countdown on retries and full screen. A contract: the browser
 * checks and stores them, the server keeps a signed-in player's copy (PATCH /api/players/me).
 *
 * What each field may hold is data (SETTING_RULES), checked by settingIssue on both sides: the
 * server's zod schema is built from it (lib/contracts/players.ts). No zod here, so the play page,
 * which checks each setting as the player changes it, does not carry a schema library for that.
 */
import { SENSITIVITY_RANGE } from "../../game/core/world";

/** Colour-blind safe palettes (Okabe–Ito), each with a shape cue so colour is never the only signal. */
export const TARGET_COLOURS = {
  orange: "#e69f00",
  sky: "#56b4e9",
  yellow: "#f0e442",
  vermillion: "#d55e00",
  white: "#f5f5f5",
} as const;
export const CROSSHAIR_COLOURS = { cyan: "#00e5ff", green: "#00ff66", white: "#ffffff", yellow: "#f0e442", magenta: "#ff4df0" } as const;
export const CROSSHAIR_STYLES = ["cross", "dot", "circle"] as const;

export type Settings = {
  /** The ranges a ranked run's environment accepts (SENSITIVITY_RANGE, game/core/world.ts). */
  cm360: number;
  dpi: number;
  hfovDeg: number;
  targetColour: keyof typeof TARGET_COLOURS;
  /** Outline ring on targets: a shape cue independent of colour. */
  targetOutline: boolean;
  crosshairColour: keyof typeof CROSSHAIR_COLOURS;
  crosshairStyle: (typeof CROSSHAIR_STYLES)[number];
  /** A key that fires like the left button (KeyboardEvent.code), or null. */
  keyboardFire: string | null;
  /**
   * Crosshair geometry in CSS pixels: size (a cross's width, each arm half of it; a circle's
   * diameter), the gap at the centre, the line thickness (a dot is twice it across).
   */
  crosshairSize: number;
  crosshairGap: number;
  crosshairThickness: number;
  /** A dark outline around the crosshair, for bright backgrounds. */
  crosshairOutline: boolean;
  /** Hit and miss sounds, 0 (off) to 100. */
  volume: number;
  /** The key that restarts a run at once (KeyboardEvent.code). */
  restartKey: string;
  /** Count down 3 s before a retry too (the first run of a visit always counts down). */
  countdownOnRetry: boolean;
  /** Play in full screen (the browser may refuse: the arena then fills the window). */
  fullscreen: boolean;
};

/** What one setting may hold. */
export type SettingRule =
  | { type: "number"; min: number; max: number; whole: boolean }
  | { type: "boolean" }
  | { type: "choice"; of: readonly string[] }
  | { type: "text"; minLength: number; maxLength: number; nullable: boolean };

const number = (min: number, max: number, whole = false): SettingRule => ({ type: "number", min, max, whole });
const boolean: SettingRule = { type: "boolean" };
/** A KeyboardEvent.code. */
const key = (nullable: boolean): SettingRule => ({ type: "text", minLength: nullable ? 0 : 1, maxLength: 32, nullable });

export const SETTING_RULES: { readonly [K in keyof Settings]: SettingRule } = {
  cm360: number(SENSITIVITY_RANGE.cm360.min, SENSITIVITY_RANGE.cm360.max),
  dpi: number(SENSITIVITY_RANGE.dpi.min, SENSITIVITY_RANGE.dpi.max, true),
  hfovDeg: number(60, 130),
  targetColour: { type: "choice", of: Object.keys(TARGET_COLOURS) },
  targetOutline: boolean,
  crosshairColour: { type: "choice", of: Object.keys(CROSSHAIR_COLOURS) },
  crosshairStyle: { type: "choice", of: CROSSHAIR_STYLES },
  keyboardFire: key(true),
  crosshairSize: number(2, 40, true),
  crosshairGap: number(0, 20, true),
  crosshairThickness: number(1, 8, true),
  crosshairOutline: boolean,
  volume: number(0, 100, true),
  restartKey: key(false),
  countdownOnRetry: boolean,
  fullscreen: boolean,
};

/** Why `value` cannot be setting `key` (a message that follows the field's name), or null if it can. */
export function settingIssue(key: keyof Settings, value: unknown): string | null {
  const rule = SETTING_RULES[key];
  switch (rule.type) {
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) return "must be a number";
      if (rule.whole && !Number.isInteger(value)) return "must be a whole number";
      return value < rule.min || value > rule.max ? `must be from ${rule.min} to ${rule.max}` : null;
    case "boolean":
      return typeof value === "boolean" ? null : "must be true or false";
    case "choice":
      return rule.of.includes(value as string) ? null : `must be one of ${rule.of.join(", ")}`;
    case "text":
      if (value === null && rule.nullable) return null;
      if (typeof value !== "string") return rule.nullable ? "must be text or null" : "must be text";
      if (value.length < rule.minLength) return "must not be empty";
      return value.length > rule.maxLength ? `must be at most ${rule.maxLength} characters` : null;
  }
}

/** `value` as complete Settings (fields outside them dropped), or an Error naming the first field that is not valid. */
export function parseSettings(value: unknown): Settings {
  const fields = (value ?? {}) as Record<string, unknown>;
  const settings: Record<string, unknown> = {};
  for (const key of Object.keys(SETTING_RULES) as (keyof Settings)[]) {
    const issue = settingIssue(key, fields[key]);
    if (issue) throw new Error(`setting ${key} ${issue}`);
    settings[key] = fields[key];
  }
  return settings as Settings;
}

export const DEFAULT_SETTINGS: Settings = {
  cm360: 34.6, // CS 2.0 sensitivity at 800 DPI, a common mid-range setting
  dpi: 800,
  hfovDeg: 103,
  targetColour: "orange",
  targetOutline: true,
  crosshairColour: "cyan",
  crosshairStyle: "cross",
  keyboardFire: null,
  crosshairSize: 18,
  crosshairGap: 0,
  crosshairThickness: 2,
  crosshairOutline: false,
  volume: 60,
  restartKey: "KeyR",
  countdownOnRetry: false,
  fullscreen: true,
};

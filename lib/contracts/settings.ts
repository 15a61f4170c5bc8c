/**
 * Player settings: sensitivity (cm/360 + DPI), horizontal FOV, colours and shapes, the crosshair's
 * geometry, keys, sound volume, the countdown on retries and full screen. A contract: the browser
 * validates and stores them, the server keeps a signed-in player's copy (PATCH /api/players/me).
 */
import { SENSITIVITY_RANGE } from "../../game/core";
import * as z from "../../game/core/zod";

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

export const settingsSchema = z.object({
  /** The ranges a ranked run's environment accepts (game/core/environment.ts). */
  cm360: z.number().check(z.minimum(SENSITIVITY_RANGE.cm360.min), z.maximum(SENSITIVITY_RANGE.cm360.max)),
  dpi: z.number().check(z.int(), z.minimum(SENSITIVITY_RANGE.dpi.min), z.maximum(SENSITIVITY_RANGE.dpi.max)),
  hfovDeg: z.number().check(z.minimum(60), z.maximum(130)),
  targetColour: z.enum(Object.keys(TARGET_COLOURS) as [keyof typeof TARGET_COLOURS]),
  /** Outline ring on targets: a shape cue independent of colour. */
  targetOutline: z.boolean(),
  crosshairColour: z.enum(Object.keys(CROSSHAIR_COLOURS) as [keyof typeof CROSSHAIR_COLOURS]),
  crosshairStyle: z.enum(CROSSHAIR_STYLES),
  /** A key that fires like the left button (KeyboardEvent.code), or null. */
  keyboardFire: z.nullable(z.string().check(z.maxLength(32))),
  /**
   * Crosshair geometry in CSS pixels: size (a cross's width, each arm half of it; a circle's
   * diameter), the gap at the centre, the line thickness (a dot is twice it across).
   */
  crosshairSize: z.number().check(z.int(), z.minimum(2), z.maximum(40)),
  crosshairGap: z.number().check(z.int(), z.minimum(0), z.maximum(20)),
  crosshairThickness: z.number().check(z.int(), z.minimum(1), z.maximum(8)),
  /** A dark outline around the crosshair, for bright backgrounds. */
  crosshairOutline: z.boolean(),
  /** Hit and miss sounds, 0 (off) to 100. */
  volume: z.number().check(z.int(), z.minimum(0), z.maximum(100)),
  /** The key that restarts a run at once (KeyboardEvent.code). */
  restartKey: z.string().check(z.minLength(1), z.maxLength(32)),
  /** Count down 3 s before a retry too (the first run of a visit always counts down). */
  countdownOnRetry: z.boolean(),
  /** Play in full screen (the browser may refuse: the arena then fills the window). */
  fullscreen: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

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

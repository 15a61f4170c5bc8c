/**
 * Player settings: sensitivity (cm/360 + DPI), horizontal FOV, colours and shapes, keyboard fire.
 * A contract: the browser validates and stores them, the server validates what a player saves.
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
};

/**
 * What a run records about where it was played (the client measures it, the server stores it with
 * the run and checks it against the log). Shared so both sides agree on one shape.
 *
 * Every field is bounded to what a person's setup can be (docs/anti-cheat.md, "Environment"): a
 * submission outside these ranges is refused before its log is replayed.
 */
import { z } from "./zod";
import { tierNames } from "./tier";

/**
 * Sensitivity a person can play with: from a very fast 3 cm per turn (3200 DPI at a high in-game
 * sensitivity) to 200 cm (two full sweeps of the largest mouse pads), on mouse sensors from 100 to
 * 50,000 counts per inch (the highest-resolution sensors sold reach 30,000–45,000).
 */
export const SENSITIVITY_RANGE = {
  cm360: { min: 3, max: 200 },
  dpi: { min: 100, max: 50_000 },
} as const;

/** Refresh rates of real displays (0 = not measured): 20 Hz to 1000 Hz. */
export const REFRESH_RANGE_HZ = { min: 20, max: 1000 } as const;

/** Longest user agent accepted; real browsers' strings are 100–300 characters. */
export const MAX_USER_AGENT_LENGTH = 400;

export const runEnvironmentSchema = z.strictObject({
  tier: z.enum(tierNames as [string, ...string[]]),
  fpsCap: z.number().int().positive().max(1000),
  addedLatencyMs: z.number().min(0).max(1000),
  /** Display refresh rate measured from requestAnimationFrame, Hz (0 if unknown). */
  refreshHz: z
    .number()
    .max(REFRESH_RANGE_HZ.max)
    .refine((hz) => hz === 0 || hz >= REFRESH_RANGE_HZ.min, `must be 0 (unknown) or at least ${REFRESH_RANGE_HZ.min} Hz`),
  /** Median presented-frame rate the run achieved. */
  achievedFps: z.number().min(0).max(1000),
  /** The achieved rate fell short of the tier's cap (e.g. Ultimate on a 60 Hz display). */
  belowTierCap: z.boolean(),
  /** JavaScript time per presented frame, ms. */
  frameJsMs: z.strictObject({ median: z.number().min(0).max(1000), p99: z.number().min(0).max(1000) }),
  /** Pointer lock granted unadjustedMovement (no OS acceleration). */
  rawInput: z.boolean(),
  /** Movement events dropped by the spike filter. */
  spikesDropped: z.number().int().min(0).max(100_000),
  cm360: z.number().min(SENSITIVITY_RANGE.cm360.min).max(SENSITIVITY_RANGE.cm360.max),
  dpi: z.number().int().min(SENSITIVITY_RANGE.dpi.min).max(SENSITIVITY_RANGE.dpi.max),
  hfovDeg: z.number().min(60).max(130),
  devicePixelRatio: z.number().positive().max(8),
  /** Printable ASCII, as browsers send it. */
  userAgent: z
    .string()
    .max(MAX_USER_AGENT_LENGTH)
    .regex(/^[\x20-\x7e]*$/, "must be printable ASCII"),
});

export type RunEnvironment = z.infer<typeof runEnvironmentSchema>;

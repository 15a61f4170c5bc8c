/**
 * What a run records about where it was played (the client measures it, the server stores it with
 * the run and checks it against the log). Shared so both sides agree on one shape.
 *
 * Every field is bounded to what a person's setup can be (docs/anti-cheat.md, "Environment"): a
 * submission outside these ranges is refused before its log is replayed.
 */
import * as z from "./zod";
import { tierNames } from "./tier";
import { SENSITIVITY_RANGE } from "./world";

/** Refresh rates of real displays (0 = not measured): 20 Hz to 1000 Hz. */
export const REFRESH_RANGE_HZ = { min: 20, max: 1000 } as const;

/** Longest user agent accepted; real browsers' strings are 100–300 characters. */
export const MAX_USER_AGENT_LENGTH = 400;

export const runEnvironmentSchema = z.strictObject({
  tier: z.enum(tierNames as [string, ...string[]]),
  fpsCap: z.number().check(z.int(), z.positive(), z.maximum(1000)),
  addedLatencyMs: z.number().check(z.minimum(0), z.maximum(1000)),
  /** Display refresh rate measured from requestAnimationFrame, Hz (0 if unknown). */
  refreshHz: z
    .number()
    .check(
      z.maximum(REFRESH_RANGE_HZ.max),
      z.refine((hz) => hz === 0 || hz >= REFRESH_RANGE_HZ.min, `must be 0 (unknown) or at least ${REFRESH_RANGE_HZ.min} Hz`),
    ),
  /** Median presented-frame rate the run achieved. */
  achievedFps: z.number().check(z.minimum(0), z.maximum(1000)),
  /** The achieved rate fell short of the tier's cap (e.g. Ultimate on a 60 Hz display). */
  belowTierCap: z.boolean(),
  /** JavaScript time per presented frame, ms. */
  frameJsMs: z.strictObject({ median: z.number().check(z.minimum(0), z.maximum(1000)), p99: z.number().check(z.minimum(0), z.maximum(1000)) }),
  /** Pointer lock granted unadjustedMovement (no OS acceleration). */
  rawInput: z.boolean(),
  /** Movement events dropped by the spike filter. */
  spikesDropped: z.number().check(z.int(), z.minimum(0), z.maximum(100_000)),
  cm360: z.number().check(z.minimum(SENSITIVITY_RANGE.cm360.min), z.maximum(SENSITIVITY_RANGE.cm360.max)),
  dpi: z.number().check(z.int(), z.minimum(SENSITIVITY_RANGE.dpi.min), z.maximum(SENSITIVITY_RANGE.dpi.max)),
  hfovDeg: z.number().check(z.minimum(60), z.maximum(130)),
  devicePixelRatio: z.number().check(z.positive(), z.maximum(8)),
  /** Printable ASCII, as browsers send it. */
  userAgent: z.string().check(z.maxLength(MAX_USER_AGENT_LENGTH), z.regex(/^[\x20-\x7e]*$/, "must be printable ASCII")),
});

export type RunEnvironment = z.infer<typeof runEnvironmentSchema>;

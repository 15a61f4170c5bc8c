/**
 * What a run records about where it was played (the client measures it, the server stores it with
 * the run and checks it against the log). Shared so both sides agree on one shape.
 */
import { z } from "zod";
import { tierNames } from "./tier";

export const runEnvironmentSchema = z.strictObject({
  tier: z.enum(tierNames as [string, ...string[]]),
  fpsCap: z.number().int().positive(),
  addedLatencyMs: z.number().min(0),
  /** Display refresh rate measured from requestAnimationFrame, Hz (0 if unknown). */
  refreshHz: z.number().min(0).max(1000),
  /** Median presented-frame rate the run achieved. */
  achievedFps: z.number().min(0).max(1000),
  /** The achieved rate fell short of the tier's cap (e.g. Ultimate on a 60 Hz display). */
  belowTierCap: z.boolean(),
  /** JavaScript time per presented frame, ms. */
  frameJsMs: z.strictObject({ median: z.number().min(0), p99: z.number().min(0) }),
  /** Pointer lock granted unadjustedMovement (no OS acceleration). */
  rawInput: z.boolean(),
  /** Movement events dropped by the spike filter. */
  spikesDropped: z.number().int().min(0),
  cm360: z.number().min(1).max(1000),
  dpi: z.number().int().min(50).max(64_000),
  hfovDeg: z.number().min(60).max(130),
  devicePixelRatio: z.number().positive().max(16),
  userAgent: z.string().max(512),
});

export type RunEnvironment = z.infer<typeof runEnvironmentSchema>;

/**
 * Scenarios as data: a versioned zod schema, canonical hashing, built-ins.
 * Field semantics are documented in docs/scoring.md ("Scenarios"). The kinds are in
 * scenario-kind.ts, apart from the schema, so that code that plays a scenario it was given (the
 * play page) does not carry zod.
 */
import * as z from "./zod";
import { scenarioKinds } from "./scenario-kind";
import { sha256Hex } from "./sha256";
import gridshotJson from "../scenarios/gridshot.json";
import gridshotSprintJson from "../scenarios/gridshot-sprint.json";
import strafeShotJson from "../scenarios/strafe-shot.json";
import smoothTrackJson from "../scenarios/smooth-track.json";
import switchTrackJson from "../scenarios/switch-track.json";

export const SCENARIO_SCHEMA_VERSION = 1;

const int = (...checks: z.core.$ZodCheck<number>[]) => z.number().check(z.int(), ...checks);

export const healthSchema = z.discriminatedUnion("type", [
  /** Clicking: killed after `hits` hits. */
  z.strictObject({ type: z.literal("hits"), hits: int(z.minimum(1), z.maximum(100)) }),
  /** Tracking/switching: killed after `ms` of credited on-target time. */
  z.strictObject({ type: z.literal("time"), ms: int(z.minimum(1), z.maximum(600_000)) }),
  /** Never dies (pure tracking). */
  z.strictObject({ type: z.literal("invulnerable") }),
]);

export const motionSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("none") }),
  /** Horizontal (yaw) movement around the spawn point: triangle wave ("bounce") or sine. */
  z.strictObject({
    type: z.literal("strafe"),
    pattern: z.enum(["bounce", "sine"]),
    /** Angular speed (bounce) or peak angular speed (sine), degrees per second. */
    speedDegPerSec: z.number().check(z.positive(), z.maximum(720)),
    /** Maximum yaw offset from the spawn point, degrees. */
    amplitudeDeg: z.number().check(z.positive(), z.maximum(90)),
  }),
  /** Sum of `components` sines per axis with random frequencies and phases. */
  z.strictObject({
    type: z.literal("smooth"),
    speedDegPerSec: z.number().check(z.positive(), z.maximum(720)),
    amplitudeYawDeg: z.number().check(z.positive(), z.maximum(90)),
    amplitudePitchDeg: z.number().check(z.minimum(0), z.maximum(40)),
    components: int(z.minimum(1), z.maximum(6)),
  }),
]);

const slug = z
  .string()
  .check(z.minLength(1), z.maxLength(64), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "id must be a lowercase slug like 'my-scenario'"));

export const scenarioSchema = z
  .strictObject({
    schemaVersion: z.literal(SCENARIO_SCHEMA_VERSION),
    id: slug,
    name: z.string().check(z.minLength(1), z.maxLength(80)),
    description: z.string().check(z.maxLength(500)),
    kind: z.enum(scenarioKinds),
    durationMs: int(z.minimum(1000), z.maximum(600_000)),
    targets: z.strictObject({
      /** Simultaneously alive targets. */
      count: int(z.minimum(1), z.maximum(8)),
      /** Sphere radius, world units. */
      radius: z.number().check(z.positive(), z.maximum(50)),
      /** Distance of target centres from the player, world units. */
      distance: z.number().check(z.positive(), z.maximum(1000)),
      health: healthSchema,
    }),
    spawn: z.strictObject({
      /** Centre of the spawn area (yaw right-positive, pitch up-positive), degrees. */
      centerYawDeg: z.number().check(z.minimum(-180), z.maximum(180)),
      centerPitchDeg: z.number().check(z.minimum(-80), z.maximum(80)),
      /** Half extents of the spawn area, degrees. */
      halfWidthDeg: z.number().check(z.minimum(0), z.maximum(180)),
      halfHeightDeg: z.number().check(z.minimum(0), z.maximum(80)),
      /** Delay between a kill and the replacement spawn. */
      respawnDelayMs: int(z.minimum(0), z.maximum(10_000)),
    }),
    motion: motionSchema,
    scoring: z.strictObject({
      pointsPerHit: int(z.minimum(-10_000), z.maximum(10_000)),
      pointsPerKill: int(z.minimum(-10_000), z.maximum(10_000)),
      /** Added per missed shot; must be <= 0. */
      pointsPerMiss: int(z.minimum(-10_000), z.maximum(0)),
      pointsPerSecondOnTarget: int(z.minimum(0), z.maximum(10_000)),
      /** Final score = round(max(0, raw) * accuracy^accuracyExponent). */
      accuracyExponent: int(z.minimum(0), z.maximum(3)),
      /** Tracking/switching: on-target time only counts while the primary button is held. */
      requireButtonHeld: z.boolean(),
    }),
  })
  .check(
    z.superRefine((s, ctx) => {
      const issue = (path: (string | number)[], message: string) =>
        ctx.addIssue({ code: "custom", path, message });
      const clicking = s.kind === "clicking-static" || s.kind === "clicking-dynamic";
      if (clicking && s.targets.health.type !== "hits") {
        issue(["targets", "health", "type"], `${s.kind} scenarios need health.type "hits"`);
      }
      if (s.kind === "clicking-static" && s.motion.type !== "none") {
        issue(["motion", "type"], `clicking-static scenarios need motion.type "none"`);
      }
      if (s.kind === "clicking-dynamic" && s.motion.type === "none") {
        issue(["motion", "type"], `clicking-dynamic scenarios need a moving target`);
      }
      if (s.kind === "tracking" && s.targets.health.type === "hits") {
        issue(["targets", "health", "type"], `tracking scenarios need health.type "time" or "invulnerable"`);
      }
      if (s.kind === "switching") {
        if (s.targets.health.type !== "time") {
          issue(["targets", "health", "type"], `switching scenarios need health.type "time"`);
        }
        if (s.targets.count < 2) issue(["targets", "count"], `switching scenarios need at least 2 targets`);
      }
      if (clicking) {
        if (s.scoring.pointsPerSecondOnTarget !== 0) {
          issue(["scoring", "pointsPerSecondOnTarget"], "must be 0 for clicking scenarios");
        }
        if (s.scoring.requireButtonHeld) issue(["scoring", "requireButtonHeld"], "must be false for clicking scenarios");
      } else if (s.scoring.pointsPerHit !== 0 || s.scoring.pointsPerMiss !== 0) {
        issue(["scoring"], "pointsPerHit and pointsPerMiss must be 0 for tracking/switching scenarios");
      }
      if (s.targets.radius >= s.targets.distance) {
        issue(["targets", "radius"], "radius must be smaller than distance");
      }
      const pitchAmp = s.motion.type === "smooth" ? s.motion.amplitudePitchDeg : 0;
      if (Math.abs(s.spawn.centerPitchDeg) + s.spawn.halfHeightDeg + pitchAmp > 80) {
        issue(["spawn"], "targets could leave the ±80° pitch band (|centerPitchDeg| + halfHeightDeg + pitch amplitude > 80)");
      }
    }),
  );

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioHealth = z.infer<typeof healthSchema>;
export type ScenarioMotion = z.infer<typeof motionSchema>;

export class ScenarioError extends Error {
  readonly issues: z.core.$ZodIssue[];
  constructor(message: string, issues: z.core.$ZodIssue[]) {
    super(message);
    this.name = "ScenarioError";
    this.issues = issues;
  }
}

/** Validates unknown data as a Scenario; throws ScenarioError with a readable zod message. */
export function parseScenario(input: unknown): Scenario {
  const r = scenarioSchema.safeParse(input);
  if (!r.success) {
    const id =
      typeof input === "object" && input !== null && typeof (input as { id?: unknown }).id === "string"
        ? ` "${(input as { id: string }).id}"`
        : "";
    throw new ScenarioError(`Invalid scenario${id}:\n${z.prettifyError(r.error)}`, r.error.issues);
  }
  return r.data;
}

/** Canonical JSON: object keys sorted by UTF-16 code units, no whitespace. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new TypeError("non-finite number");
    const s = JSON.stringify(value);
    if (s === undefined) throw new TypeError(`cannot canonicalise ${typeof value}`);
    return s;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
}

/** Stable content hash pinning a scenario version: SHA-256 (hex) of its canonical JSON. */
export function scenarioHash(scenario: Scenario): string {
  return sha256Hex(canonicalJson(scenario));
}

export const builtInScenarios: readonly Scenario[] = Object.freeze(
  [gridshotJson, gridshotSprintJson, strafeShotJson, smoothTrackJson, switchTrackJson].map((s) => parseScenario(s)),
);

/** Built-in scenario by id, or undefined. */
export function getScenario(id: string): Scenario | undefined {
  return builtInScenarios.find((s) => s.id === id);
}

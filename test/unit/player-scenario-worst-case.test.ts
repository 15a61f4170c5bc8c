/**
 * The worst legal player-made scenario (test/support/worst-case.ts), which `npm run bench:replay`
 * times beside the built-ins: each kind's worst draft is legal, sits at every cost-driving bound
 * (player-made cap or the schema's own), and one step further on any of them is refused. Every field
 * of the scenario schema is classified as a cost driver or not, so a new field or limit fails here
 * until the worst case accounts for it. The worst logs are what the bench says they are.
 */
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  checkFrameCap,
  checkScenarioDraft,
  encodeLog,
  getScenario,
  parseSeed,
  PLAYER_SCENARIO_LIMITS as L,
  scenarioKinds,
  scenarioSchema,
  type ScenarioDraft,
} from "../../game/core";
import { MAX_LOG_BYTES, verifyRun } from "../../server/runs/verify";
import { environmentFor } from "../support/api";
import { busiestPlayLog, frameFloodLog, WORST_KINDS, WORST_TIER, worstDraft, worstScenario } from "../support/worst-case";

/** The value at a dotted path of a draft (undefined where the kind's variant has no such field). */
function at(draft: ScenarioDraft, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), draft);
}

/** A copy of the draft with one field set. */
function withField(draft: ScenarioDraft, path: string, value: unknown): ScenarioDraft {
  const copy = structuredClone(draft) as unknown as Record<string, unknown>;
  const keys = path.split(".");
  const parent = keys.slice(0, -1).reduce((o, k) => o[k] as Record<string, unknown>, copy);
  parent[keys.at(-1)!] = value;
  return copy as unknown as ScenarioDraft;
}

/** Smooth motion's components with the most targets: as many as both caps allow. */
const SMOOTH_COMPONENTS = Math.min(L.maxMotionComponents, Math.floor(L.maxSmoothTargetComponents / L.maxTargets));

/**
 * The fields that drive the cost of verifying a run, the value the worst case must hold (where the
 * kind has the field) and the step that would cost more. The rest of the schema's fields are below.
 */
const COST_DRIVERS: Record<string, { worst: number | string; further?: number | string; why: string }> = {
  durationMs: { worst: L.maxDurationMs, further: L.maxDurationMs + 1, why: "frames, mouse events and spawns grow with the run" },
  "targets.count": { worst: L.maxTargets, further: L.maxTargets + 1, why: "every frame moves and tests every live target" },
  "motion.type": { worst: "smooth", why: "the costliest motion: sines per axis per component, every frame, per target" },
  "motion.components": { worst: SMOOTH_COMPONENTS, further: SMOOTH_COMPONENTS + 1, why: "sines per axis per target per frame" },
  "targets.health.type": { worst: "kind", why: "clicking needs hits; tracking and switching take time health (kills and spawns, invulnerable has none)" },
  "targets.health.hits": { worst: 1, further: 0, why: "a kill, and a spawn, per hit" },
  "targets.health.ms": { worst: L.minHealthMs, further: L.minHealthMs - 1, why: "a kill, and a spawn, per that much tracking" },
  "spawn.respawnDelayMs": { worst: 0, further: -1, why: "a replacement at once, so the most live targets" },
  name: { worst: L.maxNameLength, further: L.maxNameLength + 1, why: "stored with every version (length)" },
  description: { worst: L.maxDescriptionLength, further: L.maxDescriptionLength + 1, why: "stored with every version (length)" },
  kind: { worst: "every kind", why: "each kind is measured at its own worst" },
};

/** Fields that change no work per event: the verifier does the same whatever their value. */
const NOT_COST_DRIVERS = [
  "schemaVersion",
  "id",
  "targets.radius",
  "targets.distance",
  "spawn.centerYawDeg",
  "spawn.centerPitchDeg",
  "spawn.halfWidthDeg",
  "spawn.halfHeightDeg",
  "motion.pattern",
  "motion.speedDegPerSec",
  "motion.amplitudeDeg",
  "motion.amplitudeYawDeg",
  "motion.amplitudePitchDeg",
  "scoring.pointsPerHit",
  "scoring.pointsPerKill",
  "scoring.pointsPerMiss",
  "scoring.pointsPerSecondOnTarget",
  "scoring.accuracyExponent",
  "scoring.requireButtonHeld",
];

/** How each player-made limit shows in the worst case: the field it bounds and the value held there, or why the worst ignores it. */
const LIMIT_HELD: Record<keyof typeof L, [field: string, value: number] | string> = {
  minDurationMs: "not a cost driver: the worst takes the longest run",
  maxDurationMs: ["durationMs", L.maxDurationMs],
  maxTargets: ["targets.count", L.maxTargets],
  maxMotionComponents: ["motion.components", SMOOTH_COMPONENTS],
  maxSmoothTargetComponents: ["motion.components", SMOOTH_COMPONENTS],
  minHealthMs: ["targets.health.ms", L.minHealthMs],
  maxHealthMs: "not a cost driver: more health, fewer kills",
  maxNameLength: ["name", L.maxNameLength],
  maxDescriptionLength: ["description", L.maxDescriptionLength],
};

/** Every leaf field of the scenario schema, dotted (the variants of health and motion merged). */
function schemaFields(): string[] {
  type Node = { properties?: Record<string, Node>; oneOf?: Node[] };
  const out = new Set<string>();
  const walk = (node: Node, prefix: string) => {
    for (const variant of node.oneOf ?? []) walk(variant, prefix);
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      if (child.properties || child.oneOf) walk(child, `${prefix}${key}.`);
      else out.add(`${prefix}${key}`);
    }
  };
  walk(z.toJSONSchema(scenarioSchema, { io: "input" }) as Node, "");
  return [...out].sort();
}

const length = (v: unknown) => (typeof v === "string" ? v.length : v);

describe("the worst legal player-made scenario", () => {
  it("classifies every field of the scenario schema as a cost driver or not", () => {
    expect(schemaFields()).toEqual([...Object.keys(COST_DRIVERS), ...NOT_COST_DRIVERS].sort());
  });

  it("covers every kind, each legal", () => {
    expect([...WORST_KINDS].sort()).toEqual([...scenarioKinds].sort());
    for (const kind of WORST_KINDS) expect(checkScenarioDraft(worstDraft(kind))).toEqual({ ok: true, draft: worstDraft(kind) });
  });

  it("holds every cost driver at its bound, and one step further is refused", () => {
    for (const kind of WORST_KINDS) {
      const draft = worstDraft(kind);
      expect(draft.spawn.respawnDelayMs).toBe(0);
      expect(draft.motion.type).toBe(kind === "clicking-static" ? "none" : "smooth");
      expect(draft.targets.health.type).toBe(kind.startsWith("clicking") ? "hits" : "time");
      for (const [path, driver] of Object.entries(COST_DRIVERS)) {
        const value = at(draft, path);
        if (value === undefined || driver.further === undefined) continue;
        expect({ kind, path, value: length(value) }).toEqual({ kind, path, value: driver.worst });
        const further = typeof value === "string" ? "x".repeat(driver.further as number) : driver.further;
        const checked = checkScenarioDraft(withField(draft, path, further));
        expect(checked.ok, `${kind} ${path} = ${String(further)}`).toBe(false);
        if (!checked.ok) expect(checked.issues.map((i) => i.path)).toContain(path);
      }
    }
  });

  it("follows every player-made limit: a new or changed limit must show in the worst case", () => {
    for (const [limit, how] of Object.entries(LIMIT_HELD)) {
      if (typeof how === "string") continue;
      const [field, value] = how;
      const held = WORST_KINDS.map((k) => length(at(worstDraft(k), field))).filter((v) => v !== undefined);
      expect(held.length, limit).toBeGreaterThan(0);
      expect(new Set(held), limit).toEqual(new Set([value]));
    }
    expect(SMOOTH_COMPONENTS * L.maxTargets).toBeLessThanOrEqual(L.maxSmoothTargetComponents);
    expect(Object.keys(LIMIT_HELD).sort()).toEqual(Object.keys(L).sort());
  });
});

describe("the worst logs", () => {
  const seed = parseSeed("5eed0f1c");
  const verify = (scenario: ReturnType<typeof worstScenario>, bytes: Uint8Array) =>
    verifyRun({
      scenario,
      seed,
      tier: WORST_TIER,
      logBytes: bytes,
      environment: environmentFor(WORST_TIER),
      startedAt: new Date(0),
      finishedAt: new Date(scenario.durationMs + 500),
      expiresAt: new Date(scenario.durationMs + 10_000),
    });

  it("busiest play: fills the byte limit within the frame cap, so every check runs; kills keep coming", () => {
    const scenario = worstScenario("switching");
    const log = busiestPlayLog(scenario, seed);
    const bytes = encodeLog(log);
    expect(bytes.length).toBeLessThanOrEqual(MAX_LOG_BYTES);
    expect(bytes.length).toBeGreaterThan(MAX_LOG_BYTES * 0.98);
    expect(checkFrameCap(log.frames.t, WORST_TIER).violations).toBe(0);
    expect(log.frames.t.at(-1)).toBeGreaterThan(scenario.durationMs - 5);
    const verification = verify(scenario, bytes);
    expect(verification.result!.kills).toBeGreaterThan(scenario.durationMs / L.minHealthMs / 2);
    expect(verification.findings.map((f) => f.code)).not.toContain("frame_cap_exceeded");
  });

  it("busiest play, clicking: a press on a live target at nearly every frame", () => {
    const scenario = getScenario("gridshot-sprint")!;
    const log = busiestPlayLog(scenario, seed);
    const presses = log.buttons.down.filter((d) => d === 1).length;
    expect(presses).toBeGreaterThan(log.frames.t.length * 0.95);
    expect(verify(scenario, encodeLog(log)).result!.hits).toBeGreaterThan(presses * 0.9);
  });

  it("frame flood: every byte a frame, rejected on the frame cap before any replay", () => {
    const scenario = worstScenario("clicking-dynamic");
    const log = frameFloodLog(scenario);
    const bytes = encodeLog(log);
    expect(bytes.length).toBeLessThanOrEqual(MAX_LOG_BYTES);
    expect(log.frames.t.length).toBeGreaterThan(MAX_LOG_BYTES - 32);
    const verification = verify(scenario, bytes);
    expect(verification.reasonCode).toBe("frame_cap_exceeded");
    expect(verification.result).toBeNull();
  });
});

/**
 * Player-made drafts (game/core/player-scenario.ts): every field out of bounds is refused with its
 * path and a message saying the bound, both the player-made caps (PLAYER_SCENARIO_LIMITS) and the
 * scenario schema's own; a draft exactly at each cap is accepted and one step past it is not.
 */
import { describe, expect, it } from "vitest";
import { builtInScenarios, checkScenarioDraft, describeDraftIssues, draftOf, PLAYER_SCENARIO_LIMITS as L, type ScenarioDraft } from "../../game/core";

const gridshot = () => draftOf(builtInScenarios.find((s) => s.id === "gridshot")!);
const switchTrack = () => draftOf(builtInScenarios.find((s) => s.id === "switch-track")!);
const smoothTrack = () => draftOf(builtInScenarios.find((s) => s.id === "smooth-track")!);

/** The issues a draft is refused with (fails the test if it is accepted). */
function issuesOf(draft: unknown) {
  const checked = checkScenarioDraft(draft);
  if (checked.ok) throw new Error(`accepted: ${JSON.stringify(draft)}`);
  return checked.issues;
}

function withTargets(base: ScenarioDraft, targets: Partial<ScenarioDraft["targets"]>): ScenarioDraft {
  return { ...base, targets: { ...base.targets, ...targets } };
}

/** One field at a value: [path, the draft, the words the message must carry]. */
type Case = [path: string, draft: ScenarioDraft, message: string];

/** Each player-made cap, at the limit (legal) and one step past it (refused). */
const capCases: { at: ScenarioDraft; past: Case }[] = [
  { at: { ...gridshot(), durationMs: L.maxDurationMs }, past: ["durationMs", { ...gridshot(), durationMs: L.maxDurationMs + 1 }, `at most ${L.maxDurationMs} ms`] },
  { at: { ...gridshot(), durationMs: L.minDurationMs }, past: ["durationMs", { ...gridshot(), durationMs: L.minDurationMs - 1 }, `at least ${L.minDurationMs} ms`] },
  { at: withTargets(gridshot(), { count: L.maxTargets }), past: ["targets.count", withTargets(gridshot(), { count: L.maxTargets + 1 }), `at most ${L.maxTargets}`] },
  {
    at: { ...smoothTrack(), motion: { ...smoothTrack().motion, components: L.maxMotionComponents } as ScenarioDraft["motion"] },
    past: ["motion.components", { ...smoothTrack(), motion: { ...smoothTrack().motion, components: L.maxMotionComponents + 1 } as ScenarioDraft["motion"] }, `at most ${L.maxMotionComponents}`],
  },
  {
    // Targets × components: 3 targets with 3 components, not 4.
    at: { ...withTargets(switchTrack(), { count: 3 }), motion: { ...switchTrack().motion, components: 3 } as ScenarioDraft["motion"] },
    past: [
      "motion.components",
      { ...withTargets(switchTrack(), { count: 4 }), motion: { ...switchTrack().motion, components: 3 } as ScenarioDraft["motion"] },
      `at most 2 with 4 targets`,
    ],
  },
  {
    at: withTargets(switchTrack(), { health: { type: "time", ms: L.maxHealthMs } }),
    past: ["targets.health.ms", withTargets(switchTrack(), { health: { type: "time", ms: L.maxHealthMs + 1 } }), `at most ${L.maxHealthMs} ms`],
  },
  {
    at: withTargets(switchTrack(), { health: { type: "time", ms: L.minHealthMs } }),
    past: ["targets.health.ms", withTargets(switchTrack(), { health: { type: "time", ms: L.minHealthMs - 1 } }), `at least ${L.minHealthMs} ms`],
  },
  { at: { ...gridshot(), name: "n".repeat(L.maxNameLength) }, past: ["name", { ...gridshot(), name: "n".repeat(L.maxNameLength + 1) }, `at most ${L.maxNameLength} characters`] },
  {
    at: { ...gridshot(), description: "d".repeat(L.maxDescriptionLength) },
    past: ["description", { ...gridshot(), description: "d".repeat(L.maxDescriptionLength + 1) }, `at most ${L.maxDescriptionLength} characters`],
  },
];

/** Bounds of the scenario schema itself, reported through checkScenarioDraft with their paths. */
const schemaCases: Case[] = [
  ["targets.count", withTargets(gridshot(), { count: 0 }), ">=1"],
  ["targets.radius", withTargets(gridshot(), { radius: 0 }), ">0"],
  ["targets.radius", withTargets(gridshot(), { radius: 20 }), "radius must be smaller than distance"],
  ["targets.distance", withTargets(gridshot(), { distance: 1001 }), "<=1000"],
  ["targets.health.hits", withTargets(gridshot(), { health: { type: "hits", hits: 0 } }), ">=1"],
  ["targets.health.type", withTargets(gridshot(), { health: { type: "invulnerable" } }), 'need health.type "hits"'],
  ["durationMs", { ...gridshot(), durationMs: 1.5 }, "expected int"],
  ["spawn.respawnDelayMs", { ...gridshot(), spawn: { ...gridshot().spawn, respawnDelayMs: -1 } }, ">=0"],
  ["spawn.halfHeightDeg", { ...gridshot(), spawn: { ...gridshot().spawn, halfHeightDeg: 81 } }, "<=80"],
  ["spawn", { ...gridshot(), spawn: { ...gridshot().spawn, centerPitchDeg: 75 } }, "±80° pitch band"],
  ["motion.type", { ...gridshot(), motion: { type: "strafe", pattern: "sine", speedDegPerSec: 30, amplitudeDeg: 10 } }, 'need motion.type "none"'],
  ["motion.components", { ...smoothTrack(), motion: { ...smoothTrack().motion, components: 0 } as ScenarioDraft["motion"] }, ">=1"],
  ["scoring.pointsPerMiss", { ...gridshot(), scoring: { ...gridshot().scoring, pointsPerMiss: 1 } }, "<=0"],
  ["scoring.accuracyExponent", { ...gridshot(), scoring: { ...gridshot().scoring, accuracyExponent: 4 } }, "<=3"],
  ["kind", { ...gridshot(), kind: "sniping" as ScenarioDraft["kind"] }, "Invalid option"],
  ["name", { ...gridshot(), name: "   " }, "a name is required"],
];

describe("player-made scenario drafts", () => {
  it("accepts a built-in's definition as a draft (the editor's presets)", () => {
    for (const s of builtInScenarios) expect(checkScenarioDraft(draftOf(s))).toEqual({ ok: true, draft: draftOf(s) });
  });

  it.each(capCases.map((c) => [c.past[0], c.past[2], c] as const))("accepts %s at its limit and refuses one step past it: %s", (path, message, c) => {
    expect(checkScenarioDraft(c.at)).toEqual({ ok: true, draft: c.at });
    const issues = issuesOf(c.past[1]);
    expect(issues).toEqual([{ path, message: expect.stringContaining(`${message} in a player-made scenario`) }]);
  });

  it.each(schemaCases.map(([path, draft, message]) => [path, message, draft] as const))("refuses %s beyond the schema's bounds: %s", (path, message, draft) => {
    const issues = issuesOf(draft);
    expect(issues.map((i) => i.path)).toContain(path);
    expect(issues.find((i) => i.path === path)!.message).toContain(message);
  });

  it("refuses what is not a draft and unknown fields; an id is the server's to give and is dropped", () => {
    expect(issuesOf(null)[0]!.path).toBe("");
    expect(issuesOf([gridshot()])[0]!.path).toBe("");
    expect(checkScenarioDraft({ ...gridshot(), id: "mine" })).toEqual({ ok: true, draft: gridshot() });
    expect(issuesOf({ ...gridshot(), targets: { ...gridshot().targets, speed: 3 } })[0]!.path).toBe("targets");
  });

  it("reports every field out of bounds at once, one line each, as the API's message says them", () => {
    const draft = withTargets({ ...gridshot(), durationMs: 120_000, name: "x".repeat(61) }, { count: 5 });
    const issues = issuesOf(draft);
    expect(issues.map((i) => i.path)).toEqual(["name", "durationMs", "targets.count"]);
    expect(describeDraftIssues(issues)).toBe(
      [
        `name: at most ${L.maxNameLength} characters in a player-made scenario`,
        `durationMs: at most ${L.maxDurationMs} ms in a player-made scenario`,
        `targets.count: at most ${L.maxTargets} in a player-made scenario`,
      ].join("\n"),
    );
  });
});

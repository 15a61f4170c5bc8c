/**
 * Player-made scenarios (docs/scenarios.md): the editor's draft and the bounds it must keep. A draft
 * is a scenario without its id (the server names each published version "<code>-v<n>"). On top of
 * the scenario schema, every bound that drives replay cost is capped (PLAYER_SCENARIO_LIMITS), so the
 * worst legal player-made scenario replays within 2x the cost of the most expensive built-in
 * (measured by `npm run bench:replay`). Pure: the editor shows these messages beside each field and
 * the server refuses the same draft with the same words.
 */
import { scenarioSchema, type Scenario } from "./scenario";

export type ScenarioDraft = Omit<Scenario, "id">;

/** The id a draft is checked under (any valid slug: the real one is given at publishing). */
const DRAFT_ID = "draft";

export const PLAYER_SCENARIO_LIMITS = {
  /** Run length, ms. */
  minDurationMs: 5_000,
  maxDurationMs: 60_000,
  /** Simultaneously alive targets. */
  maxTargets: 4,
  /** Sines per axis of smooth motion. */
  maxMotionComponents: 3,
  /**
   * Targets × components of smooth motion: every frame computes each live target's position, two
   * sines per component (so 4 targets move with at most 2 components, 3 with 3).
   */
  maxSmoothTargetComponents: 9,
  /**
   * Credited on-target time a "time" target needs, ms. At least six frames at 60 fps, so that
   * tracking it is tracking (not a click) on every tier.
   */
  minHealthMs: 100,
  maxHealthMs: 60_000,
  maxNameLength: 60,
  maxDescriptionLength: 300,
} as const;

export interface DraftIssue {
  /** Dotted field path ("targets.count"); "" for the draft as a whole. */
  path: string;
  message: string;
}

export type DraftCheck = { ok: true; draft: ScenarioDraft } | { ok: false; issues: DraftIssue[] };

/** Checks unknown data as a player-made scenario draft: the scenario schema, then the player-made bounds. */
export function checkScenarioDraft(input: unknown): DraftCheck {
  const candidate = typeof input === "object" && input !== null && !Array.isArray(input) ? { ...(input as object), id: DRAFT_ID } : input;
  const parsed = scenarioSchema.safeParse(candidate);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) };
  }
  const s = parsed.data;
  const L = PLAYER_SCENARIO_LIMITS;
  const issues: DraftIssue[] = [];
  const cap = (path: string, value: number, max: number, unit = "") => {
    if (value > max) issues.push({ path, message: `at most ${max}${unit} in a player-made scenario` });
  };
  const floor = (path: string, value: number, min: number, unit = "") => {
    if (value < min) issues.push({ path, message: `at least ${min}${unit} in a player-made scenario` });
  };
  if (s.name.trim().length === 0) issues.push({ path: "name", message: "a name is required" });
  cap("name", s.name.length, L.maxNameLength, " characters");
  cap("description", s.description.length, L.maxDescriptionLength, " characters");
  floor("durationMs", s.durationMs, L.minDurationMs, " ms");
  cap("durationMs", s.durationMs, L.maxDurationMs, " ms");
  cap("targets.count", s.targets.count, L.maxTargets);
  if (s.targets.health.type === "time") {
    floor("targets.health.ms", s.targets.health.ms, L.minHealthMs, " ms");
    cap("targets.health.ms", s.targets.health.ms, L.maxHealthMs, " ms");
  }
  if (s.motion.type === "smooth") {
    cap("motion.components", s.motion.components, L.maxMotionComponents);
    const perTarget = Math.floor(L.maxSmoothTargetComponents / s.targets.count);
    if (s.motion.components <= L.maxMotionComponents && s.motion.components > perTarget) {
      issues.push({ path: "motion.components", message: `at most ${perTarget} with ${s.targets.count} targets in a player-made scenario (targets × components at most ${L.maxSmoothTargetComponents})` });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, draft: draftOf(s) };
}

/** The scenario a draft becomes when published as `id`. */
export function scenarioFromDraft(draft: ScenarioDraft, id: string, name = draft.name): Scenario {
  return { ...draft, id, name };
}

/** A published scenario's definition as a draft (without its id). */
export function draftOf(scenario: Scenario): ScenarioDraft {
  const { id: _id, ...draft } = scenario;
  return draft;
}

/** One line per issue, as the API's error message says them. */
export function describeDraftIssues(issues: DraftIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("\n");
}

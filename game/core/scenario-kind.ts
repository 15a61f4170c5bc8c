/**
 * The kinds of scenario and how each is scored. Apart from the scenario schema (scenario.ts), so
 * that code that plays a scenario it was given (the play page) does not carry zod.
 */
export const scenarioKinds = ["clicking-static", "clicking-dynamic", "tracking", "switching"] as const;
export type ScenarioKind = (typeof scenarioKinds)[number];

/** True for kinds scored by clicks (shots), false for tracking/switching (time on target). */
export function isClickingKind(kind: ScenarioKind): boolean {
  return kind === "clicking-static" || kind === "clicking-dynamic";
}

/**
 * What the run HUD shows, as plain functions of the run's numbers (the play session writes them; the
 * HUD component shows the values a run starts with): the clock in tenths of a second, and accuracy
 * per scenario kind - hits per shot when clicking, time on target per time played when tracking.
 */
import { isClickingKind, type ScenarioKind } from "../core/scenario-kind";

/** Tenths of a second left at `elapsedMs`, rounded up (a run shows 0.0 only once it is over). */
export function tenthsLeft(durationMs: number, elapsedMs: number): number {
  return Math.max(0, Math.ceil((durationMs - elapsedMs) / 100));
}

export function clockText(tenths: number): string {
  return (tenths / 10).toFixed(1);
}

/** The label of the HUD's accuracy figure for a scenario kind. */
export function accuracyLabel(kind: ScenarioKind): string {
  return isClickingKind(kind) ? "Accuracy" : "On target";
}

/** `part` of `whole` in whole percent, or null while there is no whole (no shot yet, no time played). */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) : null;
}

/** Shown before anything is measured. */
export const NO_ACCURACY = "—";

export function accuracyText(percent: number | null): string {
  return percent === null ? NO_ACCURACY : `${percent}%`;
}

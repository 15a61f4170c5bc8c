/** How the pages name each kind of scenario (no schemas here: the editor's script imports it). */
import type { ScenarioKind } from "../../game/core";

export const SCENARIO_KIND_LABELS: Record<ScenarioKind, string> = {
  "clicking-static": "Clicking · static",
  "clicking-dynamic": "Clicking · moving",
  tracking: "Tracking",
  switching: "Target switching",
};

/** What each scenario kind is called on the site's pages. */
import type { ScenarioKind } from "@/game/core";

export const KIND_LABELS: Record<ScenarioKind, string> = {
  "clicking-static": "Clicking · static",
  "clicking-dynamic": "Clicking · moving",
  tracking: "Tracking",
  switching: "Target switching",
};

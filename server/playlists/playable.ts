/**
 * Which scenario versions a playlist may hold and play: an active scenario (not a kiosk variant) at
 * its current version, and for a player-made one, neither unpublished nor hidden. A playlist pins
 * each item's version, so an item stops being playable when that version no longer is (a built-in
 * whose definition changed, a player-made scenario taken down).
 */
import type { Tx } from "../db/transact";

/** What the check reads of a scenario (PLAYABLE_INCLUDE gives it). */
export interface ScenarioForPlaylist {
  id: string;
  active: boolean;
  currentVersion: string;
  variantOf: string | null;
  playerScenario: { unpublishedAt: Date | null; hiddenAt: Date | null } | null;
}

export const PLAYABLE_INCLUDE = { playerScenario: { select: { unpublishedAt: true, hiddenAt: true } } } as const;

/** Whether `scenario` can be played at `version` in a playlist. */
export function playableAt(scenario: ScenarioForPlaylist, version: string): boolean {
  const taken = scenario.playerScenario && (scenario.playerScenario.unpublishedAt || scenario.playerScenario.hiddenAt);
  return scenario.active && !scenario.variantOf && !taken && scenario.currentVersion === version;
}


/** A playlist's items in order, each with its pinned version and its scenario (for playableAt and the name). */
export const ITEMS_INCLUDE = {
  orderBy: { position: "asc" },
  include: { scenario: { include: { scenario: { include: PLAYABLE_INCLUDE } } } },
} as const;

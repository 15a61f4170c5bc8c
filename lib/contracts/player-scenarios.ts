/**
 * Player-made scenarios over the API (docs/scenarios.md): what the editor sends and what the API
 * answers. The draft itself is checked by game/core's checkScenarioDraft on both sides.
 */
import { z } from "zod";
import type { Scenario, ScenarioDraft, ScenarioKind } from "../../game/core";
import { UNAMBIGUOUS_ALPHABET } from "./handles";

/** Share codes (scenarios and playlists): 7 characters that cannot be mistaken for one another. */
export const SHARE_CODE_LENGTH = 7;
const SHARE_CODE = new RegExp(`^[${UNAMBIGUOUS_ALPHABET}]{${SHARE_CODE_LENGTH}}$`);

/** A typed or pasted code in its canonical form (lower case, spaces and dashes dropped), or null. */
export function normalizeShareCode(input: string): string | null {
  const code = input.trim().toLowerCase().replace(/[\s-]/g, "");
  return SHARE_CODE.test(code) ? code : null;
}

/** The Scenario id of a player-made scenario's n-th published version. */
export function versionScenarioId(code: string, versionNumber: number): string {
  return `${code}-v${versionNumber}`;
}

const VERSION_SCENARIO_ID = new RegExp(`^[${UNAMBIGUOUS_ALPHABET}]{${SHARE_CODE_LENGTH}}-v[1-9][0-9]*$`);

/** Whether a scenario id has the shape of a player-made version's (versionScenarioId). */
export function isVersionScenarioId(id: string): boolean {
  return VERSION_SCENARIO_ID.test(id);
}

/**
 * POST /api/player-scenarios and PUT /api/player-scenarios/[id]: the editor's draft. Its fields are
 * checked by the server's acceptDraft (game/core checkScenarioDraft), which names each bad field.
 */
export const saveDraftBodySchema = z.strictObject({ draft: z.record(z.string(), z.unknown()) });
export type SaveDraftBody = { draft: ScenarioDraft };

/** One published version: a scenario of its own, with its own boards. */
export interface PublishedVersion {
  /** The Scenario id runs and boards use ("<code>-v<n>"). */
  scenarioId: string;
  versionNumber: number;
  /** Content hash of the definition. */
  version: string;
  publishedAt: string;
}

export type PlayerScenarioStatus = "draft" | "published" | "unpublished" | "hidden";

/** A player-made scenario as its author and the API see it. */
export interface PlayerScenarioView {
  id: string;
  code: string;
  author: { handle: string };
  name: string;
  description: string;
  kind: ScenarioKind;
  status: PlayerScenarioStatus;
  /** The editor's current draft (the author only; others get the latest published definition). */
  draft: ScenarioDraft | null;
  /** Whether the draft differs from the latest published version (publishing makes a new version). */
  unpublishedChanges: boolean;
  /** Newest first. */
  versions: PublishedVersion[];
  /** The latest published version's definition, or null before the first publish. */
  latest: (PublishedVersion & { definition: Scenario }) | null;
  createdAt: string;
  updatedAt: string;
}

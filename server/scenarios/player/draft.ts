/**
 * A player-made scenario's draft as the server accepts it: the game core's bounds
 * (checkScenarioDraft), then the name and description through the handles' blocklist.
 */
import { canonicalJson, checkScenarioDraft, describeDraftIssues, type ScenarioDraft } from "../../../game/core";
import { SHARE_CODE_LENGTH } from "../../../lib/contracts/player-scenarios";
import { InvalidInput } from "../../errors";
import { isBlocked } from "../../players/handles";
import { unambiguousChars } from "../../players/players";

/** The draft, or an InvalidInput naming each field out of bounds. */
export function acceptDraft(input: unknown): ScenarioDraft {
  const checked = checkScenarioDraft(input);
  if (!checked.ok) throw new InvalidInput("invalid_scenario", describeDraftIssues(checked.issues));
  const draft = { ...checked.draft, name: checked.draft.name.trim(), description: checked.draft.description.trim() };
  refuseBlockedText(draft);
  return draft;
}

/** A shared name and description (a scenario's, a playlist's) pass the handles' blocklist, or an InvalidInput naming the field. */
export function refuseBlockedText(text: { name: string; description: string }): void {
  if (isBlocked(text.name)) throw new InvalidInput("text_not_allowed", "name: that name is not allowed. Please pick another.");
  if (isBlocked(text.description)) throw new InvalidInput("text_not_allowed", "description: that description contains a word that is not allowed.");
}

/** Whether two drafts define the same scenario. */
export function sameDraft(a: ScenarioDraft, b: ScenarioDraft): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** A new share code for a scenario or playlist (31^7, about 27 billion: a clash is retried by the caller). */
export function newShareCode(): string {
  return unambiguousChars(SHARE_CODE_LENGTH);
}

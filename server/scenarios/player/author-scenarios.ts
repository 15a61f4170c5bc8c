/** A player's published scenarios as their profile lists them: the listing (browse-scenarios.ts) narrowed to one author. */
import type { BrowseEntry } from "../../../lib/contracts/scenario-browse";
import type { Challenge } from "../../challenge/challenge";
import type { Db } from "../../db/client";
import { browseScenarios } from "./browse-scenarios";

/** At most this many on a profile (the most played first). */
export const PROFILE_SCENARIOS = 50;

export async function authorScenarios(db: Db, challenge: Challenge, handle: string): Promise<BrowseEntry[]> {
  const author = await db.player.findUnique({ where: { handleKey: handle.toLowerCase() }, select: { id: true } });
  if (!author) return [];
  return (await browseScenarios(db, challenge, { authorId: author.id, limit: PROFILE_SCENARIOS })).scenarios;
}

/**
 * A player's scenarios as their profile lists them: the published ones for everyone (the listing,
 * browse-scenarios.ts, narrowed to one author), and for the author alone the ones not listed
 * (drafts, unpublished, hidden) with their status.
 */
import type { PlayerScenarioStatus } from "../../../lib/contracts/player-scenarios";
import type { BrowseEntry } from "../../../lib/contracts/scenario-browse";
import type { Challenge } from "../../challenge/challenge";
import type { Db } from "../../db/client";
import { handleKey } from "../../players/handles";
import { browseScenarios } from "./browse-scenarios";
import { statusOf } from "./view";

/** At most this many of each on a profile (the most played, and the latest changed). */
export const PROFILE_SCENARIOS = 50;

export interface UnlistedScenario {
  id: string;
  name: string;
  status: Exclude<PlayerScenarioStatus, "published">;
}

export async function authorScenarios(db: Db, challenge: Challenge, handle: string, viewerId: string | null): Promise<{ listed: BrowseEntry[]; unlisted: UnlistedScenario[] }> {
  const author = await db.player.findUnique({ where: { handleKey: handleKey(handle) }, select: { id: true } });
  if (!author) return { listed: [], unlisted: [] };
  const [listed, unlisted] = await Promise.all([
    browseScenarios(db, challenge, { authorId: author.id, limit: PROFILE_SCENARIOS }),
    viewerId === author.id
      ? db.playerScenario.findMany({
          where: { authorId: author.id, OR: [{ publishedScenarioId: null }, { unpublishedAt: { not: null } }, { hiddenAt: { not: null } }] },
          orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
          take: PROFILE_SCENARIOS,
        })
      : [],
  ]);
  return {
    listed: listed.scenarios,
    unlisted: unlisted.map((s) => ({ id: s.id, name: s.name, status: statusOf(s) as UnlistedScenario["status"] })),
  };
}

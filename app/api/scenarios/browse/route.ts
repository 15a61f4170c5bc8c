import { browseQuerySchema } from "@/lib/contracts/scenario-browse";
import { endpoint, methods } from "@/server/api/endpoint";
import { currentChallenge } from "@/server/challenge/challenge";
import { browseScenarios } from "@/server/scenarios/player/browse-scenarios";

export const dynamic = "force-dynamic";

/** ?q=&kind=&limit=&cursor= : built-in and player-made scenarios, most played this week first (docs/moderation.md). */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ query: browseQuerySchema }, async ({ rt, query }) => ({ ...(await browseScenarios(rt.db, await currentChallenge(rt.db), query)) })),
});

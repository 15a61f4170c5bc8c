import { boardQuerySchema } from "@/lib/contracts/boards";
import { conditionalJson } from "@/server/api/conditional";
import { endpoint, methods } from "@/server/api/endpoint";
import { readStanding, resolveBoard } from "@/server/boards/read";
import { currentChallenge } from "@/server/challenge/challenge";

export const dynamic = "force-dynamic";

/** A player's rank and score on a board, the entries ±5 around them, and the board's size (from memory, with an ETag). */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ query: boardQuerySchema }, async ({ rt, req, params, query }) => {
    const { board, meta } = await resolveBoard(rt.db, await currentChallenge(rt.db), { scenarioId: params.scenario!, ...query }, new Date());
    return conditionalJson(req, [meta, await rt.ranks.revision(board), params.playerId], async () => ({
      board: meta,
      ...(await readStanding(rt.ranks, board, params.playerId!)),
    }));
  }),
});

import { boardQuerySchema } from "@/lib/contracts/boards";
import { conditionalJson } from "@/server/api/conditional";
import { endpoint, methods } from "@/server/api/endpoint";
import { readBoardPage, resolveBoard } from "@/server/boards/read";
import { currentChallenge } from "@/server/challenge/challenge";

export const dynamic = "force-dynamic";

/** One page of a board: ?period=day|week|challenge|all&tier=all|free|ultimate&key=&limit=&cursor= (from memory, with an ETag). */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ query: boardQuerySchema }, async ({ rt, req, params, query }) => {
    const { board, meta } = await resolveBoard(rt.db, await currentChallenge(rt.db), { scenarioId: params.scenario!, ...query }, new Date());
    return conditionalJson(req, [meta, await rt.ranks.revision(board), query.limit, query.cursor ?? null], async () => ({
      board: meta,
      ...(await readBoardPage(rt.ranks, board, query.limit, query.cursor)),
    }));
  }),
});

import { boardQuerySchema } from "@/lib/contracts/boards";
import { endpoint, methods } from "@/server/api/endpoint";
import { readBoardPage, resolveBoard } from "@/server/boards/read";
import { currentChallenge } from "@/server/challenge/current";

export const dynamic = "force-dynamic";

/** One page of a board: ?period=day|week|challenge|all&tier=all|free|ultimate&key=&limit=&cursor= */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ query: boardQuerySchema }, async ({ rt, params, query }) => {
    const { board, meta } = await resolveBoard(rt.db, await currentChallenge(rt.db), { scenarioId: params.scenario!, ...query }, new Date());
    return { board: meta, ...(await readBoardPage(rt.db, rt.ranks, board, query.limit, query.cursor)) };
  }),
});

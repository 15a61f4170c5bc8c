import { boardQuerySchema } from "@/lib/contracts/boards";
import { endpoint, methods } from "@/server/api/endpoint";
import { readStanding, resolveBoard } from "@/server/boards/read";
import { currentChallenge } from "@/server/challenge/current";

export const dynamic = "force-dynamic";

/** A player's rank and score on a board, the entries ±5 around them, and the board's size. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ query: boardQuerySchema }, async ({ rt, params, query }) => {
    const { board, meta } = await resolveBoard(rt.db, await currentChallenge(rt.db), { scenarioId: params.scenario!, ...query }, new Date());
    return { board: meta, ...(await readStanding(rt.db, rt.ranks, board, params.playerId!)) };
  }),
});

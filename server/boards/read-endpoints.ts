/**
 * The two board reads as endpoints: one page of a board, and one player's standing. The route files
 * under app/api/leaderboards/[scenario]/ export them, and server/http.ts answers the same requests
 * with them in front of Next's router (server/api/in-front.ts): they are the hottest requests the app takes.
 */
import { boardQuerySchema } from "../../lib/contracts/boards";
import { conditionalJson } from "../api/conditional";
import { endpoint } from "../api/endpoint";
import { currentChallenge } from "../challenge/challenge";
import { readBoardPage, readStanding, resolveBoard } from "./read";

/** ?period=day|week|challenge|all&tier=all|free|ultimate&key=&limit=&cursor= (from memory, with an ETag; from the database, without, while the board loads). */
export const boardPageEndpoint = endpoint({ query: boardQuerySchema }, async ({ rt, req, params, query }) => {
  const { board, meta } = await resolveBoard(rt.db, await currentChallenge(rt.db), { scenarioId: params.scenario!, ...query }, new Date());
  const revision = await rt.ranks.revision(board);
  return conditionalJson(req, revision === null ? null : [meta, revision, query.limit, query.cursor ?? null], async () => ({
    board: meta,
    ...(await readBoardPage(rt.ranks, board, query.limit, query.cursor)),
  }));
});

/** A player's rank and score on a board, the entries ±5 around them, and the board's size (from memory, with an ETag; as the page, while the board loads). */
export const boardStandingEndpoint = endpoint({ query: boardQuerySchema }, async ({ rt, req, params, query }) => {
  const { board, meta } = await resolveBoard(rt.db, await currentChallenge(rt.db), { scenarioId: params.scenario!, ...query }, new Date());
  const revision = await rt.ranks.revision(board);
  // One player's own read: not kept for others (conditional.ts).
  return conditionalJson(
    req,
    revision === null ? null : [meta, revision, params.playerId],
    async () => ({ board: meta, ...(await readStanding(rt.ranks, board, params.playerId!)) }),
    { keep: false },
  );
});

import { playerSearchQuerySchema } from "@/lib/contracts/admin-players";
import { endpoint, methods } from "@/server/api/endpoint";
import { searchPlayers } from "@/server/players/search-players";

/** Players by handle (`?q=`: part of a handle, any case, or a player id), with their disqualification and runs. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "admin", query: playerSearchQuerySchema }, async ({ rt, query }) => ({ players: await searchPlayers(rt.db, query.q || undefined) })),
});

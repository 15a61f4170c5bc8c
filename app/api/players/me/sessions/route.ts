import { endpoint, methods } from "@/server/api/endpoint";
import { listSessions } from "@/server/players/session";

/** The signed-in player's live sessions (devices), the one asking marked `current`. */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  GET: endpoint({ auth: "player" }, async ({ rt, auth }) => ({ sessions: await listSessions(rt.db, auth.player.id, auth.session.id) })),
});

/** A player's history as admins review it: their runs counted by verdict ("abandoned" among them, "in_progress" for unfinished ones). */
import type { Db } from "../db/client";

export type RunHistory = Record<string, number>;

/** The history of each of `playerIds` (an empty one for a player without runs). */
export async function runHistories(db: Pick<Db, "run">, playerIds: readonly string[]): Promise<Map<string, RunHistory>> {
  const counts = await db.run.groupBy({ by: ["playerId", "verdict"], where: { playerId: { in: [...new Set(playerIds)] } }, _count: { _all: true } });
  const history = new Map<string, RunHistory>(playerIds.map((id) => [id, {}]));
  for (const c of counts) history.get(c.playerId)![c.verdict ?? "in_progress"] = c._count._all;
  return history;
}

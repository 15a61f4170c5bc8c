/**
 * Players as the admin dashboard finds them (GET /api/admin/players?q=): handles containing `q` in any
 * case, or the player whose id is `q`; without `q` the newest players. Each with whether they are
 * disqualified (when, why) and their runs by verdict.
 */
import type { AdminPlayerRow } from "../../lib/contracts/admin-players";
import type { Db } from "../db/client";
import { runHistories } from "./run-history";

/** At most this many players an answer: a search narrows it down. */
export const SEARCH_LIMIT = 50;

export async function searchPlayers(db: Db, q: string | undefined): Promise<AdminPlayerRow[]> {
  const where = q ? { OR: [{ id: q }, { handleKey: { contains: q.toLowerCase() } }] } : {};
  const players = await db.player.findMany({
    where,
    orderBy: q ? [{ handleKey: "asc" }, { id: "asc" }] : [{ createdAt: "desc" }, { id: "asc" }],
    take: SEARCH_LIMIT,
    select: { id: true, handle: true, disqualifiedAt: true, disqualifyNote: true, createdAt: true },
  });
  const histories = await runHistories(db, players.map((p) => p.id));
  return players.map((p) => {
    const history = histories.get(p.id)!;
    return {
      id: p.id,
      handle: p.handle,
      disqualified: p.disqualifiedAt !== null,
      disqualifiedAt: p.disqualifiedAt?.toISOString() ?? null,
      disqualifyNote: p.disqualifyNote,
      runs: Object.values(history).reduce((n, c) => n + c, 0),
      history,
      createdAt: p.createdAt.toISOString(),
    };
  });
}

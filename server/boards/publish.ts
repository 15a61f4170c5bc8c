/**
 * After a commit that changed board entries (a verified finish, a cleared run, a player disqualified
 * or reinstated): the rank store and live subscribers catch up. The database is already right; this
 * makes every board read (in process or in Redis) and every socket.io subscriber see it at once.
 */
import type { BoardLive } from "../live/boards";
import type { BoardId } from "./board";
import type { RankEntry } from "./rank-index";
import type { RankStore } from "./ranks";

/** Where boards are read from besides the database: the runtime's rank store and live boards. */
export interface BoardServices {
  ranks: RankStore;
  /** Live boards (only where server.ts runs). */
  live?: BoardLive;
}

/** Entries written (keep-best) on boards; each board's subscribers get an update. */
export async function publishEntries(services: BoardServices, entries: readonly { board: BoardId; entry: RankEntry }[], handle: string): Promise<void> {
  for (const { board, entry } of entries) {
    await services.ranks.apply(board, entry, handle);
    services.live?.changed(board);
  }
}

/** A player's entries deleted from boards; each board's subscribers get an update without them. */
export async function publishRemovals(services: BoardServices, boards: readonly BoardId[], playerId: string): Promise<void> {
  for (const board of boards) {
    await services.ranks.remove(board, playerId);
    services.live?.changed(board);
  }
}

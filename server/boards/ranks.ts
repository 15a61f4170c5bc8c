/**
 * Ranks of players on boards, fast at any board size. The database is the source of truth; this is
 * an index over it, loaded from the database the first time a board is read:
 * - in process (an order-statistic B-tree, rank-index.ts) for one app instance;
 * - in a Redis sorted set (redis-rank.ts) when REDIS_URL is set, shared by every instance.
 * Every verified improvement is applied after its transaction commits (keep-best, so applying one
 * twice, or on top of a load that already saw it, changes nothing). With Redis, two instances that
 * load the same board for the first time at once may each swap in their own snapshot; a write
 * between the two can then be missing until the board is reloaded (delete its `:loaded` marker).
 */
import type { Db } from "../db/client";
import { boardKey, type BoardId } from "./board";
import { RankIndexRegistry, type AroundResult, type RankEntry } from "./rank-index";
import { RedisBoardRank, type RedisCommander } from "./redis-rank";

export interface RankStore {
  apply(board: BoardId, entry: RankEntry): Promise<void>;
  remove(board: BoardId, playerId: string): Promise<void>;
  rankOf(board: BoardId, playerId: string): Promise<number | null>;
  around(board: BoardId, playerId: string, radius: number): Promise<AroundResult | null>;
  top(board: BoardId, n: number): Promise<RankEntry[]>;
  size(board: BoardId): Promise<number>;
}

/** The board's entries as stored: disqualified players never appear on a board. */
export async function loadBoard(db: Db, board: BoardId): Promise<RankEntry[]> {
  const rows = await db.boardEntry.findMany({
    where: { ...board, player: { disqualifiedAt: null } },
    select: { playerId: true, score: true, achievedAt: true, runId: true },
  });
  return rows.map((r) => ({ playerId: r.playerId, score: r.score, achievedAt: r.achievedAt.getTime(), runId: r.runId }));
}

export class MemoryRankStore implements RankStore {
  private readonly registry = new RankIndexRegistry();

  constructor(private readonly db: Db) {}

  private index(board: BoardId) {
    return this.registry.ensure(boardKey(board), () => loadBoard(this.db, board));
  }

  async apply(board: BoardId, entry: RankEntry) {
    // After the load: a load that read the database before this entry committed gets it here.
    (await this.index(board)).upsertBest(entry);
  }

  async remove(board: BoardId, playerId: string) {
    this.registry.get(boardKey(board))?.remove(playerId);
  }

  async rankOf(board: BoardId, playerId: string) {
    return (await this.index(board)).rankOf(playerId);
  }

  async around(board: BoardId, playerId: string, radius: number) {
    return (await this.index(board)).around(playerId, radius);
  }

  async top(board: BoardId, n: number) {
    return (await this.index(board)).top(n);
  }

  async size(board: BoardId) {
    return (await this.index(board)).size;
  }
}

export class RedisRankStore implements RankStore {
  private readonly loaded = new Map<string, Promise<RedisBoardRank>>();

  constructor(
    private readonly db: Db,
    private readonly redis: RedisCommander,
  ) {}

  /** The board's sorted set, filled from the database once (a marker key says it was, for every instance). */
  private board(board: BoardId): Promise<RedisBoardRank> {
    const key = boardKey(board);
    let ready = this.loaded.get(key);
    if (!ready) {
      ready = (async () => {
        const zset = new RedisBoardRank(this.redis, key);
        const marker = `${zset.zsetKey}:loaded`;
        if ((await this.redis.sendCommand(["EXISTS", marker])) !== 1) {
          await zset.load(await loadBoard(this.db, board));
          await this.redis.sendCommand(["SET", marker, "1"]);
        }
        return zset;
      })();
      ready.catch(() => this.loaded.delete(key));
      this.loaded.set(key, ready);
    }
    return ready;
  }

  async apply(board: BoardId, entry: RankEntry) {
    await (await this.board(board)).upsertBest(entry);
  }

  async remove(board: BoardId, playerId: string) {
    await (await this.board(board)).remove(playerId);
  }

  async rankOf(board: BoardId, playerId: string) {
    return (await this.board(board)).rankOf(playerId);
  }

  async around(board: BoardId, playerId: string, radius: number) {
    return (await this.board(board)).around(playerId, radius);
  }

  async top(board: BoardId, n: number) {
    return (await this.board(board)).top(n);
  }

  async size(board: BoardId) {
    return (await this.board(board)).size();
  }
}

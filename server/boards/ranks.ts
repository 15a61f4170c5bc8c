/**
 * Boards in memory, fast at any size: what a board page and a player's standing show, answered
 * without a database query. The database is the source of truth; the rank store is an index over
 * it, loaded from the database (in keyset pages, board-store.ts) the first time a board is read:
 * - in process (an order-statistic B-tree, rank-index.ts) for one app instance;
 * - in Redis sorted sets (redis-rank.ts) when REDIS_URL is set, shared by every instance.
 * Entries carry what a page shows (score, time, run, its tier and frame rate, the player's handle:
 * in process in the index with the entry, with Redis in one hash of handles filled with the boards);
 * a rename changes the handle on every board and the boards' revisions. Every
 * verified improvement is applied after its transaction commits (keep-best, so applying one twice,
 * or on top of a load that already saw it, changes nothing). Each board has a revision that every
 * change bumps: readers use it as an ETag.
 *
 * The first read of a board does not wait for its load (seconds at 1 M entries): while the index
 * loads, reads are answered from the database (board-store.ts boardFromDb: keyset pages on the
 * board's index, ranks by counting on it), and the board has no revision (no ETag) until the index
 * takes over (in process: the index is built; with Redis: this instance filled the sorted set, or found
 * it filled by another).
 *
 * Memory stays bounded: a board of an ended period is dropped after its close (`evict`), and any
 * board unread for IDLE_MS is dropped by `sweep` (it reloads on its next read); Redis keys of a
 * bounded period expire a week after it ends (a board of a period that ended longer ago, read again,
 * a week after that read).
 *
 * With Redis, two instances that load the same board for the first time at once may each swap in
 * their own snapshot; a write between the two can then be missing until the board is reloaded
 * (delete its `:loaded` marker).
 */
import { currentChallenge } from "../challenge/challenge";
import type { Db } from "../db/client";
import { boardKey, type BoardId } from "./board";
import { BoardLoads } from "./board-loads";
import { boardEntries, boardFromDb, boardPages, type BoardFromDb } from "./board-store";
import { periodByKey } from "./periods";
import { buildIndex, type BoardRankIndex, type NamedEntry, type RankCursor, type RankEntry } from "./rank-index";
import { HANDLES_KEY, RedisBoardRank, type RedisCommander } from "./redis-rank";


/** A run of consecutive entries, the first at rank `startRank`. */
export interface RankedSlice {
  startRank: number;
  entries: NamedEntry[];
}

export interface RankStore {
  /** A verified improvement (after its commit), with the player's handle. */
  apply(board: BoardId, entry: RankEntry, handle: string): Promise<void>;
  /** Removes a player's entry from a board (e.g. disqualified). */
  remove(board: BoardId, playerId: string): Promise<void>;
  /** A player's new handle, on every board that shows it. */
  rename(playerId: string, handle: string): Promise<void>;
  rankOf(board: BoardId, playerId: string): Promise<number | null>;
  size(board: BoardId): Promise<number>;
  /** `limit` entries from the top, or strictly after `after` (keyset paging). */
  page(board: BoardId, limit: number, after?: RankCursor & { playerId?: string }): Promise<RankedSlice>;
  /** A player's rank and the entries within `radius` ranks of it, or null when they have no entry. */
  around(board: BoardId, playerId: string, radius: number): Promise<(RankedSlice & { rank: number }) | null>;
  /**
   * Changes whenever what the board shows changes (entries or handles). Null while the board loads:
   * reads are answered from the database meanwhile, and such an answer has no revision to be named by.
   */
  revision(board: BoardId): Promise<string | null>;
  /** Drops a board from memory (a closed period); it reloads from the database if read again. */
  evict(board: BoardId): Promise<void>;
}

/** A board unread for this long is dropped from memory (and reloaded if read again). */
export const IDLE_MS = 10 * 60 * 1000;
/**
 * How long the in-process store remembers a rename for the finishes in flight: a finish reads the
 * player's handle before its replay and applies its entry after its commit, seconds later at most.
 */
export const RENAME_MEMORY_MS = 10 * 60 * 1000;
/** Redis keeps the boards of a bounded period this long after it ends. */
export const REDIS_RETENTION_MS = 7 * 24 * 3600 * 1000;

/**
 * What both stores share: each board is loaded on its first read (or write), and until its load is
 * done its reads are answered from the database (board-store.ts boardFromDb), with no revision.
 */
abstract class LoadedOnRead<Board> {
  protected readonly boards = new BoardLoads<Board, Promise<BoardFromDb>>();

  constructor(protected readonly db: Db) {}

  /** Loads the board (`fromDb` knows its size). */
  protected abstract load(board: BoardId, fromDb: Promise<BoardFromDb>): Promise<Board>;

  /** The board, loaded first if it is not (its reads answered from the database meanwhile). */
  protected board(board: BoardId): Promise<Board> {
    const key = boardKey(board);
    const ready = this.boards.get(key);
    if (ready) return Promise.resolve(ready);
    const fromDb = this.fromDb(board);
    // Its failure reaches the load and the reads that wait on it; until the load waits on it too, it is not unhandled.
    fromDb.catch(() => undefined);
    return this.boards.ensure(
      key,
      async () => {
        // After the read that starts the load is answered (SQLite's statements block the event loop).
        await new Promise((resolve) => setImmediate(resolve));
        return this.load(board, fromDb);
      },
      fromDb,
    );
  }

  /** The board if it is loaded; else undefined, its load started (read from the database meanwhile). */
  protected ready(board: BoardId): Board | undefined {
    const key = boardKey(board);
    const ready = this.boards.get(key);
    if (ready) return ready;
    // A failed load answers nothing here: the next read starts it again, and reads go on from the database.
    if (!this.boards.isLoading(key)) this.board(board).catch((err: unknown) => console.error(`board ${key}: loading it failed`, err));
    return undefined;
  }

  /** The board as the database has it: the one its load holds for reads meanwhile, or a new one to give the load. */
  protected fromDb(board: BoardId): Promise<BoardFromDb> {
    return this.boards.meanwhile(boardKey(board)) ?? boardFromDb(this.db, board);
  }

  protected async rankFromDb(board: BoardId, playerId: string): Promise<number | null> {
    const db = await this.fromDb(board);
    const entry = await db.entryOf(playerId);
    return entry ? db.countNotAfter(entry) : null;
  }

  protected async pageFromDb(board: BoardId, limit: number, after?: RankCursor): Promise<RankedSlice> {
    const db = await this.fromDb(board);
    const entries = await db.after(limit, after);
    return { startRank: after && entries.length ? (await db.countNotAfter(after)) + 1 : 1, entries };
  }

  /** around() from the database: the player's entry, its rank by count, and its neighbours by keyset. */
  protected async aroundFromDb(board: BoardId, playerId: string, radius: number): Promise<(RankedSlice & { rank: number }) | null> {
    const db = await this.fromDb(board);
    const me = await db.entryOf(playerId);
    if (!me) return null;
    const [before, after, rank] = await Promise.all([db.before(radius, me), db.after(radius, me), db.countNotAfter(me)]);
    return { rank, startRank: rank - before.length, entries: [...before.reverse(), me, ...after] };
  }
}

/** An index entry as a page shows it, "?" for a handle none was read for (no such player). The index's entries are copies: changed in place. */
function named(entry: RankEntry): NamedEntry {
  entry.handle ??= "?";
  return entry as NamedEntry;
}

export class MemoryRankStore extends LoadedOnRead<BoardRankIndex> implements RankStore {
  private readonly revisions = new Map<string, number>();
  private readonly lastRead = new Map<string, number>();
  /** Renames of the last RENAME_MEMORY_MS (player id -> handle and when), oldest first. */
  private readonly renamed = new Map<string, { handle: string; at: number }>();

  protected async load(board: BoardId, fromDb: Promise<BoardFromDb>): Promise<BoardRankIndex> {
    return buildIndex(await boardPages(this.db, board, await (await fromDb).size()));
  }

  protected override board(board: BoardId): Promise<BoardRankIndex> {
    this.lastRead.set(boardKey(board), Date.now());
    return super.board(board);
  }

  protected override ready(board: BoardId): BoardRankIndex | undefined {
    const ready = super.ready(board);
    if (ready) this.lastRead.set(boardKey(board), Date.now());
    return ready;
  }

  private bump(key: string) {
    this.revisions.set(key, (this.revisions.get(key) ?? 0) + 1);
  }

  async apply(board: BoardId, entry: RankEntry, handle: string) {
    // A finish that read the handle before a rename that reached the store first brings the old one.
    const current = this.renamed.get(entry.playerId)?.handle ?? handle;
    // After the load: a load that read the database before this entry committed gets it here.
    if ((await this.board(board)).upsertBest({ ...entry, handle: current })) this.bump(boardKey(board));
  }

  async remove(board: BoardId, playerId: string) {
    // A board not in memory loads without the entry; one loading now may have read it before it was deleted.
    const key = boardKey(board);
    if (!this.boards.has(key) && !this.boards.isLoading(key)) return;
    if ((await this.board(board)).remove(playerId)) this.bump(key);
  }

  async rename(playerId: string, handle: string) {
    const now = Date.now();
    this.renamed.delete(playerId);
    this.renamed.set(playerId, { handle, at: now });
    for (const [id, { at }] of this.renamed) {
      if (now - at < RENAME_MEMORY_MS) break;
      this.renamed.delete(id);
    }
    // After their loads, as apply: a load that read the old handle before the rename committed gets the new one here.
    await Promise.all(
      this.boards.keys().map(async (key) => {
        const index = await this.boards.loaded(key);
        if (index?.rename(playerId, handle)) this.bump(key);
      }),
    );
  }

  async rankOf(board: BoardId, playerId: string) {
    const index = this.ready(board);
    return index ? index.rankOf(playerId) : this.rankFromDb(board, playerId);
  }

  async size(board: BoardId) {
    return this.ready(board)?.size ?? (await this.fromDb(board)).size();
  }

  async page(board: BoardId, limit: number, after?: RankCursor) {
    const index = this.ready(board);
    if (!index) return this.pageFromDb(board, limit, after);
    const entries = after ? index.after(after, limit) : index.top(limit);
    const startRank = entries.length ? index.rankOf(entries[0]!.playerId)! : 1;
    return { startRank, entries: entries.map(named) };
  }

  async around(board: BoardId, playerId: string, radius: number) {
    const index = this.ready(board);
    if (!index) return this.aroundFromDb(board, playerId, radius);
    const found = index.around(playerId, radius);
    return found ? { rank: found.rank, startRank: found.startRank, entries: found.entries.map(named) } : null;
  }

  async revision(board: BoardId) {
    return this.ready(board) ? String(this.revisions.get(boardKey(board)) ?? 0) : null;
  }

  async evict(board: BoardId) {
    this.drop(boardKey(board));
  }

  /** Drops every board unread for `idleMs`; answers how many were dropped. */
  sweep(idleMs = IDLE_MS, now = Date.now()): number {
    let dropped = 0;
    for (const [key, at] of this.lastRead) {
      if (now - at < idleMs) continue;
      this.drop(key);
      dropped++;
    }
    return dropped;
  }

  private drop(key: string) {
    this.boards.drop(key);
    this.lastRead.delete(key);
    // Loaded again, the board shows what changed while it was out of memory (a rename): a new revision.
    this.bump(key);
  }
}

export class RedisRankStore extends LoadedOnRead<RedisBoardRank> implements RankStore {
  constructor(
    db: Db,
    private readonly redis: RedisCommander,
  ) {
    super(db);
  }

  /** The board's sorted set, filled from the database once (a marker key says it was, for every instance). */
  protected async load(board: BoardId): Promise<RedisBoardRank> {
    const zset = new RedisBoardRank(this.redis, boardKey(board));
    const marker = `${zset.zsetKey}:loaded`;
    if ((await this.redis.sendCommand(["EXISTS", marker])) === 1) return zset;
    const entries: RankEntry[] = [];
    for await (const page of boardEntries(this.db, board)) {
      const handles: string[] = [];
      for (const { handle, ...e } of page) {
        entries.push(e);
        if (handle !== undefined) handles.push(e.playerId, handle);
      }
      for (let i = 0; i < handles.length; i += 2000) await this.redis.sendCommand(["HSET", HANDLES_KEY, ...handles.slice(i, i + 2000)]);
    }
    await zset.load(entries);
    await this.redis.sendCommand(["SET", marker, "1"]);
    const endsAt = await this.periodEnd(board);
    if (endsAt) {
      // Never in the past: an expiry that has passed would delete the board just loaded.
      const at = new Date(Math.max(endsAt.getTime(), Date.now()) + REDIS_RETENTION_MS);
      await Promise.all([zset.expireAt(at), this.redis.sendCommand(["EXPIREAT", marker, String(Math.ceil(at.getTime() / 1000))])]);
    }
    return zset;
  }

  /** When the board's period ends (null: the all-time board, or a key the challenge does not know). */
  private async periodEnd(board: BoardId): Promise<Date | null> {
    if (board.periodKind === "all") return null;
    try {
      return periodByKey(board.periodKind, board.periodKey, await currentChallenge(this.db)).endsAt;
    } catch {
      return null;
    }
  }

  async apply(board: BoardId, entry: RankEntry, handle: string) {
    const zset = await this.board(board);
    // Only a player's first handle: renames keep the hash current, and a finish that read the handle
    // before a rename may bring the old one after it.
    await Promise.all([this.redis.sendCommand(["HSETNX", HANDLES_KEY, entry.playerId, handle]), zset.upsertBest(entry)]);
  }

  async remove(board: BoardId, playerId: string) {
    await (await this.board(board)).remove(playerId);
  }

  async rename(playerId: string, handle: string) {
    await this.redis.sendCommand(["HSET", HANDLES_KEY, playerId, handle]);
    await this.redis.sendCommand(["INCR", `${HANDLES_KEY}:rev`]);
  }

  async rankOf(board: BoardId, playerId: string) {
    const zset = this.ready(board);
    return zset ? zset.rankOf(playerId) : this.rankFromDb(board, playerId);
  }

  async size(board: BoardId) {
    const zset = this.ready(board);
    return zset ? zset.size() : (await this.fromDb(board)).size();
  }

  async page(board: BoardId, limit: number, after?: RankCursor & { playerId?: string }) {
    const zset = this.ready(board);
    if (!zset) return this.pageFromDb(board, limit, after);
    const offset = after ? await zset.positionAfter({ ...after, playerId: after.playerId ?? "" }) : 0;
    const { entries, handles } = await zset.page(offset, limit);
    return { startRank: offset + 1, entries: entries.map((e, i) => ({ ...e, handle: handles[i] ?? "?" })) };
  }

  async around(board: BoardId, playerId: string, radius: number) {
    const zset = this.ready(board);
    if (!zset) return this.aroundFromDb(board, playerId, radius);
    const found = await zset.around(playerId, radius);
    if (!found) return null;
    return { rank: found.rank, startRank: found.startRank, entries: found.entries.map((e, i) => ({ ...e, handle: found.handles[i] ?? "?" })) };
  }

  async revision(board: BoardId) {
    const zset = this.ready(board);
    if (!zset) return null;
    const [own, names] = await Promise.all([zset.revision(), this.redis.sendCommand(["GET", `${HANDLES_KEY}:rev`])]);
    return `${own}.${Number(names ?? 0)}`;
  }

  async evict(board: BoardId) {
    this.boards.drop(boardKey(board));
  }
}

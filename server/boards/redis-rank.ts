/**
 * The board operations of BoardRankIndex on a Redis sorted set, for several app instances sharing
 * one Redis (`REDIS_URL`) and as the benchmark peer of the in-process index. Ranks, top, range and
 * around agree exactly with BoardRankIndex on the same operations.
 *
 * Layout per board (both keys carry the board in a {hash tag}, so they share a cluster slot):
 * - `<prefix>{<boardKey>}:z` sorted set. ZSET score = -(game score), so ascending ZSET order is
 *   score DESC. Members are `<achievedAt as 15 zero-padded digits> <runId> <playerId>`, and Redis
 *   orders equal scores by member bytes: achievedAt ASC, then runId ASC, then playerId ASC — the
 *   board order. The space separator sorts below every allowed id character, so a shorter id that
 *   is a prefix of a longer one sorts first, as in JavaScript.
 * - `<prefix>{<boardKey>}:h` hash playerId -> member, to find a player's entry.
 * - `<prefix>{<boardKey>}:rev` a counter the writes bump: the board's revision (for ETags).
 * Members end with the run's tier and frame rate (`<runTier> <fps|->`), after the player id: unique
 * already, so they never change the order. Players' handles live in one hash for every board
 * (HANDLES_KEY), so a page is answered in one round trip with names.
 * Constraints that make the encoding exact (checked, TypeError otherwise): scores are safe
 * integers (exact as doubles), achievedAt is epoch ms in [0, 10^15), ids are 1-200 printable
 * ASCII characters without spaces (cuids are).
 *
 * Keep-best, remove and the player lookups are Lua scripts (EVALSHA, falling back to EVAL), so each
 * is atomic and one round trip. The keep-best script compares equal-score members with ZRANK rather
 * than Lua string comparison, which follows the server's locale (strcoll), not byte order.
 *
 * The client is anything with node-redis's `sendCommand(args)` (a `createClient({ url })` client,
 * RESP2 or RESP3); replies are normalised here.
 */
import crypto from "node:crypto";
import { createClient } from "redis";
import { type AroundResult, compareEntries, type RankEntry } from "./rank-index";

/** The part of a node-redis client this module uses. */
export interface RedisCommander {
  sendCommand(args: ReadonlyArray<string>): Promise<unknown>;
}

const ACHIEVED_WIDTH = 15;
const ID = /^[\x21-\x7e]{1,200}$/;

/** Checks that an entry can be encoded exactly; throws TypeError otherwise. */
export function checkRedisEntry(e: RankEntry): void {
  if (typeof e.playerId !== "string" || !ID.test(e.playerId)) {
    throw new TypeError(`redis rank: playerId must be 1-200 printable ASCII characters without spaces, got ${JSON.stringify(e.playerId)}`);
  }
  if (typeof e.runId !== "string" || !ID.test(e.runId)) {
    throw new TypeError(`redis rank: runId must be 1-200 printable ASCII characters without spaces, got ${JSON.stringify(e.runId)}`);
  }
  if (e.runTier !== undefined && !ID.test(e.runTier)) throw new TypeError(`redis rank: runTier must be printable ASCII without spaces, got ${JSON.stringify(e.runTier)}`);
  if (e.fps !== undefined && e.fps !== null && !Number.isFinite(e.fps)) throw new TypeError(`redis rank: fps must be a finite number or null, got ${e.fps}`);
  if (!Number.isSafeInteger(e.score)) throw new TypeError(`redis rank: score must be a safe integer, got ${e.score}`);
  if (!Number.isSafeInteger(e.achievedAt) || e.achievedAt < 0 || e.achievedAt >= 10 ** ACHIEVED_WIDTH) {
    throw new TypeError(`redis rank: achievedAt must be epoch ms in [0, 1e15), got ${e.achievedAt}`);
  }
}

/** The hash of every player's handle (playerId -> handle), shared by all boards. */
export const HANDLES_KEY = "fb:handles";

export function encodeMember(e: RankEntry): string {
  return `${String(e.achievedAt).padStart(ACHIEVED_WIDTH, "0")} ${e.runId} ${e.playerId} ${e.runTier ?? "-"} ${e.fps ?? "-"}`;
}

export function decodeMember(member: string, zsetScore: number): RankEntry {
  const [at, runId, playerId, runTier, fps] = member.split(" ");
  if (at === undefined || runId === undefined || playerId === undefined) throw new Error(`redis rank: bad member ${JSON.stringify(member)}`);
  return {
    playerId,
    score: 0 - zsetScore,
    achievedAt: Number(at),
    runId,
    runTier: runTier === undefined || runTier === "-" ? undefined : runTier,
    fps: fps === undefined || fps === "-" ? null : Number(fps),
  };
}

interface Script {
  lua: string;
  sha: string;
}

function script(lua: string): Script {
  return { lua, sha: crypto.createHash("sha1").update(lua).digest("hex") };
}

// KEYS: zset, hash, revision. ARGV: playerId, zset score (-score), member. Returns 1 if the board changed.
const UPSERT_BEST = script(`
local old = redis.call('HGET', KEYS[2], ARGV[1])
local new = tonumber(ARGV[2])
if old then
  local oldScore = redis.call('ZSCORE', KEYS[1], old)
  if oldScore then
    oldScore = tonumber(oldScore)
    if new > oldScore then return 0 end
    if new == oldScore then
      if old == ARGV[3] then return 0 end
      redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
      if redis.call('ZRANK', KEYS[1], ARGV[3]) > redis.call('ZRANK', KEYS[1], old) then
        redis.call('ZREM', KEYS[1], ARGV[3])
        return 0
      end
    end
    if old ~= ARGV[3] then redis.call('ZREM', KEYS[1], old) end
  end
end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
redis.call('INCR', KEYS[3])
return 1
`);

// KEYS: zset, hash, revision. ARGV: playerId. Returns 1 if the player had an entry.
const REMOVE = script(`
local m = redis.call('HGET', KEYS[2], ARGV[1])
if not m then return 0 end
redis.call('ZREM', KEYS[1], m)
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('INCR', KEYS[3])
return 1
`);

// KEYS: zset, hash. ARGV: playerId. Returns the 0-based rank or nil.
const RANK = script(`
local m = redis.call('HGET', KEYS[2], ARGV[1])
if not m then return false end
return redis.call('ZRANK', KEYS[1], m)
`);

// KEYS: zset, hash. ARGV: playerId. Returns {member, zset score} or nil.
const ENTRY = script(`
local m = redis.call('HGET', KEYS[2], ARGV[1])
if not m then return false end
local s = redis.call('ZSCORE', KEYS[1], m)
if not s then return false end
return {m, s}
`);

/** Lua: the player ids of a ZRANGE ... WITHSCORES reply `range` (members are "time run player tier fps": the third field), into `ids`. */
const PLAYER_IDS_OF_RANGE = `local ids = {}
for i = 1, #range, 2 do
  local sep1 = string.find(range[i], ' ', 1, true)
  local sep2 = string.find(range[i], ' ', sep1 + 1, true)
  local sep3 = string.find(range[i], ' ', sep2 + 1, true)
  ids[#ids + 1] = string.sub(range[i], sep2 + 1, (sep3 or 0) - 1)
end
`;

// KEYS: zset, hash, handles. ARGV: playerId, radius.
// Returns {rank0, start0, {member, score, ...}, {handle, ...}} or nil.
const AROUND = script(`
local m = redis.call('HGET', KEYS[2], ARGV[1])
if not m then return false end
local r = redis.call('ZRANK', KEYS[1], m)
if not r then return false end
local radius = tonumber(ARGV[2])
local s = r - radius
if s < 0 then s = 0 end
local range = redis.call('ZRANGE', KEYS[1], s, r + radius, 'WITHSCORES')
${PLAYER_IDS_OF_RANGE}return {r, s, range, redis.call('HMGET', KEYS[3], unpack(ids))}
`);

// KEYS: zset, hash, loaded zset, loaded hash, revision. Swaps a loaded board in atomically.
const SWAP_IN = script(`
redis.call('DEL', KEYS[1], KEYS[2])
if redis.call('EXISTS', KEYS[3]) == 1 then redis.call('RENAME', KEYS[3], KEYS[1]) end
if redis.call('EXISTS', KEYS[4]) == 1 then redis.call('RENAME', KEYS[4], KEYS[2]) end
redis.call('INCR', KEYS[5])
return 1
`);

// KEYS: zset, handles. ARGV: start, stop. Returns {{member, score, ...}, {handle, ...}}: a page with names.
const PAGE = script(`
local range = redis.call('ZRANGE', KEYS[1], ARGV[1], ARGV[2], 'WITHSCORES')
${PLAYER_IDS_OF_RANGE}if #ids == 0 then return {range, {}} end
return {range, redis.call('HMGET', KEYS[2], unpack(ids))}
`);

// KEYS: zset, hash. ARGV: cursor playerId, cursor key ("<at> <runId> <playerId>"), cursor zset
// score. The 0-based position after the cursor: right after the cursor's entry if it is unchanged,
// else where its key would be (keyset order, as the in-process index and the database page).
const AFTER = script(`
local m = redis.call('HGET', KEYS[2], ARGV[1])
if m and (m == ARGV[2] or string.sub(m, 1, #ARGV[2] + 1) == ARGV[2] .. ' ') then
  local r = redis.call('ZRANK', KEYS[1], m)
  if r then return r + 1 end
end
-- A cursor not on the board (a player since removed or disqualified): it goes after the better
-- scores and after the entries of its score whose member sorts before its key, found by a binary
-- search over the positions of its score (members compared bytewise: Lua's < follows the locale).
local function below(a, b)
  for i = 1, math.min(#a, #b) do
    local x, y = string.byte(a, i), string.byte(b, i)
    if x ~= y then return x < y end
  end
  return #a < #b
end
local lo = redis.call('ZCOUNT', KEYS[1], '-inf', '(' .. ARGV[3])
local hi = redis.call('ZCOUNT', KEYS[1], '-inf', ARGV[3])
local key = ARGV[2] .. ' '
while lo < hi do
  local mid = math.floor((lo + hi) / 2)
  if below(redis.call('ZRANGE', KEYS[1], mid, mid)[1], key) then lo = mid + 1 else hi = mid end
end
return lo
`);

/** [member, score] pairs from a ZRANGE … WITHSCORES reply (RESP2 flat list or RESP3 pairs). */
function pairs(reply: unknown): Array<[string, number]> {
  const list = reply as unknown[];
  const out: Array<[string, number]> = [];
  if (list.length > 0 && Array.isArray(list[0])) {
    for (const p of list as Array<[unknown, unknown]>) out.push([String(p[0]), Number(p[1])]);
  } else {
    for (let i = 0; i < list.length; i += 2) out.push([String(list[i]), Number(list[i + 1])]);
  }
  return out;
}

function checkCount(n: number, name: string): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
  return n;
}

export interface RedisBoardRankOptions {
  /** Key prefix; default "fb:board:". */
  prefix?: string;
}

/** Entries with their players' handles (null where a handle was never stored). */
export interface NamedEntries {
  entries: RankEntry[];
  handles: (string | null)[];
}

export class RedisBoardRank {
  readonly zsetKey: string;
  readonly hashKey: string;
  readonly revisionKey: string;

  constructor(
    private readonly client: RedisCommander,
    readonly boardKey: string,
    options: RedisBoardRankOptions = {},
  ) {
    const base = `${options.prefix ?? "fb:board:"}{${boardKey}}`;
    this.zsetKey = `${base}:z`;
    this.hashKey = `${base}:h`;
    this.revisionKey = `${base}:rev`;
  }

  private async eval(s: Script, keys: string[], args: string[]): Promise<unknown> {
    const tail = [String(keys.length), ...keys, ...args];
    try {
      return await this.client.sendCommand(["EVALSHA", s.sha, ...tail]);
    } catch (err) {
      if (!String((err as Error)?.message).startsWith("NOSCRIPT")) throw err;
      return this.client.sendCommand(["EVAL", s.lua, ...tail]);
    }
  }

  /** Keep-best (see BoardRankIndex.upsertBest), atomically. Returns whether the board changed. */
  async upsertBest(entry: RankEntry): Promise<boolean> {
    checkRedisEntry(entry);
    const reply = await this.eval(UPSERT_BEST, [this.zsetKey, this.hashKey, this.revisionKey], [entry.playerId, String(0 - entry.score), encodeMember(entry)]);
    return Number(reply) === 1;
  }

  async remove(playerId: string): Promise<boolean> {
    return Number(await this.eval(REMOVE, [this.zsetKey, this.hashKey, this.revisionKey], [playerId])) === 1;
  }

  /** 1-based rank, or null. One round trip. */
  async rankOf(playerId: string): Promise<number | null> {
    const reply = await this.eval(RANK, [this.zsetKey, this.hashKey], [playerId]);
    return reply === null || reply === undefined ? null : Number(reply) + 1;
  }

  async entryOf(playerId: string): Promise<RankEntry | undefined> {
    const reply = (await this.eval(ENTRY, [this.zsetKey, this.hashKey], [playerId])) as [string, string] | null;
    return reply ? decodeMember(String(reply[0]), Number(reply[1])) : undefined;
  }

  async top(n: number): Promise<RankEntry[]> {
    return this.range(0, n);
  }

  /** `count` entries from 0-based position `offset`. */
  async range(offset: number, count: number): Promise<RankEntry[]> {
    checkCount(offset, "offset");
    if (checkCount(count, "count") === 0) return [];
    const reply = await this.client.sendCommand(["ZRANGE", this.zsetKey, String(offset), String(offset + count - 1), "WITHSCORES"]);
    return pairs(reply).map(([m, s]) => decodeMember(m, s));
  }

  async around(playerId: string, radius: number): Promise<(AroundResult & Pick<NamedEntries, "handles">) | null> {
    checkCount(radius, "radius");
    const reply = (await this.eval(AROUND, [this.zsetKey, this.hashKey, HANDLES_KEY], [playerId, String(radius)])) as [number, number, unknown, unknown[]] | null;
    if (!reply) return null;
    return {
      rank: Number(reply[0]) + 1,
      startRank: Number(reply[1]) + 1,
      entries: pairs(reply[2]).map(([m, s]) => decodeMember(m, s)),
      handles: reply[3].map((h) => (h === null || h === undefined ? null : String(h))),
    };
  }

  /** `count` entries from 0-based position `offset`, with handles: one round trip. */
  async page(offset: number, count: number): Promise<NamedEntries> {
    checkCount(offset, "offset");
    if (checkCount(count, "count") === 0) return { entries: [], handles: [] };
    const reply = (await this.eval(PAGE, [this.zsetKey, HANDLES_KEY], [String(offset), String(offset + count - 1)])) as [unknown, unknown[]];
    return {
      entries: pairs(reply[0]).map(([m, s]) => decodeMember(m, s)),
      handles: reply[1].map((h) => (h === null || h === undefined ? null : String(h))),
    };
  }

  /** The 0-based position right after a keyset cursor (the last entry of the previous page). */
  async positionAfter(cursor: Pick<RankEntry, "playerId" | "score" | "achievedAt" | "runId">): Promise<number> {
    const key = `${String(cursor.achievedAt).padStart(ACHIEVED_WIDTH, "0")} ${cursor.runId} ${cursor.playerId}`;
    return Number(await this.eval(AFTER, [this.zsetKey, this.hashKey], [cursor.playerId, key, String(0 - cursor.score)]));
  }

  /** The board's revision: bumped by every change (for ETags). */
  async revision(): Promise<number> {
    return Number((await this.client.sendCommand(["GET", this.revisionKey])) ?? 0);
  }

  /** Lets Redis drop the board at `at` (a board of an ended period). */
  async expireAt(at: Date): Promise<void> {
    const seconds = String(Math.ceil(at.getTime() / 1000));
    await Promise.all([this.zsetKey, this.hashKey, this.revisionKey].map((k) => this.client.sendCommand(["EXPIREAT", k, seconds])));
  }

  async size(): Promise<number> {
    return Number(await this.client.sendCommand(["ZCARD", this.zsetKey]));
  }

  /** Deletes the board. */
  async clear(): Promise<void> {
    await this.client.sendCommand(["DEL", this.zsetKey, this.hashKey, this.revisionKey]);
  }

  /**
   * Replaces the whole board with `entries` (best per player), e.g. a rebuild from the database:
   * written to side keys in pipelined batches, then swapped in atomically, so readers see either
   * the old board or the new one.
   */
  async load(entries: Iterable<RankEntry>, options: { batchSize?: number; inFlight?: number } = {}): Promise<number> {
    const best = new Map<string, RankEntry>();
    for (const e of entries) {
      checkRedisEntry(e);
      const old = best.get(e.playerId);
      if (old === undefined || compareEntries(e, old) < 0) best.set(e.playerId, e);
    }
    const suffix = crypto.randomBytes(6).toString("hex");
    const tmpZ = `${this.zsetKey}:load:${suffix}`;
    const tmpH = `${this.hashKey}:load:${suffix}`;
    const batchSize = options.batchSize ?? 1000;
    const inFlight = options.inFlight ?? 16;
    const pending = new Set<Promise<unknown>>();
    let zadd = ["ZADD", tmpZ];
    let hset = ["HSET", tmpH];
    const flush = async () => {
      if (zadd.length === 2) return;
      const sent = Promise.all([this.client.sendCommand(zadd), this.client.sendCommand(hset)]);
      zadd = ["ZADD", tmpZ];
      hset = ["HSET", tmpH];
      pending.add(sent);
      void sent.then(() => pending.delete(sent), () => {});
      if (pending.size >= inFlight) await Promise.race(pending);
    };
    try {
      for (const e of best.values()) {
        const member = encodeMember(e);
        zadd.push(String(0 - e.score), member);
        hset.push(e.playerId, member);
        if (zadd.length - 2 >= batchSize * 2) await flush();
      }
      await flush();
      await Promise.all(pending);
      await this.eval(SWAP_IN, [this.zsetKey, this.hashKey, tmpZ, tmpH, this.revisionKey], []);
    } catch (err) {
      await this.client.sendCommand(["DEL", tmpZ, tmpH]).catch(() => {});
      throw err;
    }
    return best.size;
  }
}

/**
 * A connected node-redis client for `url` (e.g. REDIS_URL). Connection errors go to `onError`
 * (the client reconnects by itself; commands reject on their own). Close it with `client.close()`.
 */
export async function connectRedis(url: string, onError: (err: Error) => void = (err) => console.error(`redis: ${err.message}`)) {
  const client = createClient({ url });
  client.on("error", onError);
  await client.connect();
  return client;
}

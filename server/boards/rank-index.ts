/**
 * In-process leaderboard rank index: one entry per player per board (their best verified score),
 * in board order, with O(log n) rank-of-player, top-N, paging by rank and keyset paging.
 *
 * Board order: score DESC, then achievedAt ASC (earlier achievement ranks higher), then runId ASC,
 * then playerId ASC (only to make the order total; run ids are unique already). Ranks are
 * positions: 1, 2, 3, 4 — no shared ranks.
 *
 * Data structure: a counted B+-tree ("order-statistic B-tree"). Leaves hold sorted arrays of up to
 * 128 entries; inner nodes hold up to 64 children plus, per child, its entry count and its largest
 * entry. Descending by key gives a rank (sum the counts of the children to the left); descending
 * by counts gives the entry at a rank. At 1 M entries the tree is 3 levels deep, so a rank lookup
 * is ~3 short binary searches and a few dozen additions. Why this and not a treap or a skip list:
 * the entries live in a few thousand compact arrays instead of a million linked nodes (less
 * memory, fewer pointer chases, cache-friendly scans for top/range), a rebuild from the database
 * is an O(n) bulk load of sorted data, and the per-node work is array splices of at most 128
 * slots, which V8 does fast. Entries are stored by column (EntryTable: typed arrays for the
 * numbers, interned tier names, ids as bytes in one buffer), the tree holds their slot numbers, and
 * a hash table over the player ids finds a player's slot: at 1 M entries no object or string per
 * entry, for memory and for the GC. Ids must be Latin-1 (cuids, UUIDs and the like are).
 *
 * The index is generic: it knows entries, not boards (a rank store keeps one per board: ranks.ts).
 * Not thread-safe across workers (it is plain in-process state); all methods are synchronous.
 */

export interface RankEntry {
  playerId: string;
  score: number;
  /** Epoch ms. */
  achievedAt: number;
  runId: string;
  /** What a board page shows of the run besides its key: the tier it was played on and its frame rate. */
  runTier?: string;
  fps?: number | null;
  /** The player's handle as the board shows it, kept with the entry (a rank store renames it on every board). */
  handle?: string;
}

/** A board entry as a page shows it: with its player's handle. */
export interface NamedEntry extends RankEntry {
  handle: string;
}

/**
 * An entry as a database row gives it, by position (columns after these are ignored): a board loads
 * from rows without an object per entry.
 */
export type RankRow = readonly [
  playerId: string,
  score: number,
  /** Epoch ms. */
  achievedAt: number,
  runId: string,
  runTier: string | null | undefined,
  fps: number | null | undefined,
  handle?: string | null,
  ...rest: unknown[],
];

function rowOf(e: RankEntry): RankRow {
  return [e.playerId, e.score, e.achievedAt, e.runId, e.runTier, e.fps, e.handle];
}

/** A position in board order, for keyset paging (the last entry of the previous page). */
export interface RankCursor {
  score: number;
  achievedAt: number;
  runId: string;
}

/** Board order on the cursor fields: negative when `a` ranks before `b`. */
export function compareKeys(a: RankCursor, b: RankCursor): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.achievedAt !== b.achievedAt) return a.achievedAt - b.achievedAt;
  if (a.runId !== b.runId) return a.runId < b.runId ? -1 : 1;
  return 0;
}

/** Full board order (a total order): negative when `a` ranks before `b`. */
export function compareEntries(a: RankEntry, b: RankEntry): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.achievedAt !== b.achievedAt) return a.achievedAt - b.achievedAt;
  if (a.runId !== b.runId) return a.runId < b.runId ? -1 : 1;
  if (a.playerId !== b.playerId) return a.playerId < b.playerId ? -1 : 1;
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Entries, stored by column
// ---------------------------------------------------------------------------------------------

/** Tier names by code (0: none), interned: a million entries hold a byte each, not a string. */
const TIER_NAMES: (string | undefined)[] = [undefined, "free", "ultimate"];
const TIER_CODES = new Map<string, number>([["free", 1], ["ultimate", 2]]);

function tierCode(name: string | null | undefined): number {
  if (name == null) return 0;
  if (name === "free") return 1;
  let code = TIER_CODES.get(name);
  if (code === undefined) {
    if (TIER_NAMES.length > 255) throw new RangeError(`rank entry: too many tier names (${name})`);
    code = TIER_NAMES.push(name) - 1;
    TIER_CODES.set(name, code);
  }
  return code;
}

/** Ids are kept as Latin-1 bytes (one byte a character); longer ids than this are refused. */
const ID_MAX = 255;

function checkId(id: unknown, name: string): void {
  if (typeof id !== "string" || id === "") throw new TypeError(`rank entry: ${name} must be a non-empty string`);
  let latin1 = id.length <= ID_MAX;
  for (let i = 0; latin1 && i < id.length; i++) latin1 = id.charCodeAt(i) <= 0xff;
  if (!latin1) throw new TypeError(`rank entry: ${name} must be Latin-1 and at most ${ID_MAX} characters`);
}

function checkRow(row: RankRow): RankRow {
  checkId(row[0], "playerId");
  checkId(row[3], "runId");
  if (!Number.isFinite(row[1])) throw new TypeError(`rank entry: score must be a finite number, got ${row[1]}`);
  if (!Number.isFinite(row[2])) throw new TypeError(`rank entry: achievedAt must be finite epoch ms, got ${row[2]}`);
  return row;
}

/** A bigger copy of a typed array (its contents at the start). */
function grown<T extends Float64Array | Uint32Array | Uint16Array | Uint8Array | Int32Array>(old: T, size: number, make: (n: number) => T): T {
  const fresh = make(size);
  fresh.set(old);
  return fresh;
}

/**
 * One text per slot as bytes in one buffer: a few bytes of text where a string costs ~56 with its
 * pointer, and nothing for the garbage collector to trace. The bytes of replaced texts are reclaimed
 * by compacting the buffer once they are half of it.
 */
abstract class TextColumn {
  protected bytes: Buffer;
  private end = 0;
  private garbage = 0;
  protected start: Uint32Array;
  /** Bytes of the slot's text; 0: none. */
  protected length: Uint8Array | Uint16Array;

  /**
   * Room for `slots` texts of about `bytesPerSlot` before the first growth; `Lengths` bounds a text's
   * bytes (Uint8Array: 255, Uint16Array: 65,535).
   */
  constructor(
    slots: number,
    bytesPerSlot: number,
    private readonly Lengths: typeof Uint8Array | typeof Uint16Array,
  ) {
    // Zero-filled and allocated apart: pages not written yet take no memory.
    this.bytes = Buffer.alloc(Math.max(4096, slots * bytesPerSlot));
    this.start = new Uint32Array(slots);
    this.length = new Lengths(slots);
  }

  /** Room for `size` bytes as the slot's text (its old text dropped): answers where they go. */
  protected place(slot: number, size: number): number {
    if (slot >= this.start.length) {
      const slots = Math.max(slot + 1, this.start.length * 2);
      this.start = grown(this.start, slots, (n) => new Uint32Array(n));
      this.length = grown(this.length, slots, (n) => new this.Lengths(n));
    }
    this.clear(slot);
    if (this.end + size > this.bytes.length) this.makeRoom(size);
    const at = this.end;
    this.start[slot] = at;
    this.length[slot] = size;
    this.end += size;
    return at;
  }

  clear(slot: number): void {
    // A slot past the arrays (a new one, no text placed yet) has none.
    const len = this.length[slot];
    if (!len) return;
    this.garbage += len;
    this.length[slot] = 0;
  }

  /** Room for `more` bytes: compacts when half the buffer is replaced texts, else doubles it. */
  private makeRoom(more: number): void {
    const live = this.end - this.garbage;
    const size = live * 2 >= this.bytes.length || live + more > this.bytes.length ? Math.max(this.bytes.length * 2, live + more) : this.bytes.length;
    const fresh = Buffer.alloc(size);
    if (this.garbage === 0) {
      // Nothing to reclaim (a board being loaded): the texts keep their places.
      this.bytes.copy(fresh, 0, 0, this.end);
      this.bytes = fresh;
      return;
    }
    let end = 0;
    for (let slot = 0; slot < this.length.length; slot++) {
      const len = this.length[slot]!;
      if (len === 0) continue;
      this.bytes.copy(fresh, end, this.start[slot]!, this.start[slot]! + len);
      this.start[slot] = end;
      end += len;
    }
    this.bytes = fresh;
    this.end = end;
    this.garbage = 0;
  }
}

/**
 * One id per slot (a player's, a run's) as Latin-1 bytes (one byte a character): ~30 bytes an id.
 * Byte order is the order of JavaScript's string comparison for these characters.
 */
class IdColumn extends TextColumn {
  /** Room for `slots` ids of about a cuid's length before the first growth. */
  constructor(slots: number) {
    super(slots, 26, Uint8Array);
  }

  set(slot: number, id: string): void {
    const at = this.place(slot, id.length);
    for (let i = 0; i < id.length; i++) this.bytes[at + i] = id.charCodeAt(i);
  }

  get(slot: number): string {
    const at = this.start[slot]!;
    return this.bytes.toString("latin1", at, at + this.length[slot]!);
  }

  equals(slot: number, id: string): boolean {
    const len = this.length[slot]!;
    if (len !== id.length) return false;
    const at = this.start[slot]!;
    for (let i = 0; i < len; i++) if (this.bytes[at + i] !== id.charCodeAt(i)) return false;
    return true;
  }

  /** String order of two slots' ids. */
  compare(a: number, b: number): number {
    const la = this.length[a]!;
    const lb = this.length[b]!;
    const sa = this.start[a]!;
    const sb = this.start[b]!;
    const n = Math.min(la, lb);
    for (let i = 0; i < n; i++) {
      const d = this.bytes[sa + i]! - this.bytes[sb + i]!;
      if (d !== 0) return d;
    }
    return la - lb;
  }

  /** String order of an id against a slot's. */
  compareTo(id: string, slot: number): number {
    const len = this.length[slot]!;
    const at = this.start[slot]!;
    const n = Math.min(id.length, len);
    for (let i = 0; i < n; i++) {
      const d = id.charCodeAt(i) - this.bytes[at + i]!;
      if (d !== 0) return d;
    }
    return id.length - len;
  }

  /** FNV-1a of the slot's id (the same as hashId of the string). */
  hash(slot: number): number {
    let h = 0x811c9dc5;
    const at = this.start[slot]!;
    for (let i = 0; i < this.length[slot]!; i++) h = Math.imul(h ^ this.bytes[at + i]!, 0x01000193);
    return h >>> 0;
  }
}

/** One handle per slot as UTF-8 (any text up to 65,535 bytes), so a page's rows need no lookup of their players. */
class HandleColumn extends TextColumn {
  /** Room for `slots` handles of up to 16 bytes (most are shorter) before the first growth. */
  constructor(slots: number) {
    super(slots, 16, Uint16Array);
  }

  set(slot: number, handle: string | null | undefined): void {
    if (!handle) return this.clear(slot);
    const size = Buffer.byteLength(handle, "utf8");
    if (size > 0xffff) throw new RangeError("rank entry: handle longer than 65,535 bytes");
    const at = this.place(slot, size); // before reading this.bytes: making room may replace the buffer
    this.bytes.write(handle, at, "utf8");
  }

  /** The slot's handle; undefined when it has none. */
  get(slot: number): string | undefined {
    const len = this.length[slot];
    if (!len) return undefined;
    const at = this.start[slot]!;
    return this.bytes.toString("utf8", at, at + len);
  }
}

function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Player id -> slot: an open-addressing hash table (linear probing, at most half full) over the
 * ids in an IdColumn, instead of a Map that would need each id as a string.
 */
class SlotsById {
  /** slot + 1; 0: empty. */
  private table: Int32Array;
  private count = 0;

  /** Room for `slots` players before the first growth. */
  constructor(
    private readonly ids: IdColumn,
    slots: number,
  ) {
    let size = 64;
    while (size < slots * 2) size *= 2;
    this.table = new Int32Array(size);
  }

  get size(): number {
    return this.count;
  }

  /** The slot of this id (`hash`: its hashId, when known). */
  get(id: string, hash = hashId(id)): number | undefined {
    const mask = this.table.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const v = this.table[i]!;
      if (v === 0) return undefined;
      if (this.ids.equals(v - 1, id)) return v - 1;
    }
  }

  /** Adds a slot whose id (already in the column) is not in the table yet (`hash`: its hashId, when known). */
  add(slot: number, hash?: number): void {
    if ((this.count + 1) * 2 > this.table.length) this.resize(this.table.length * 2);
    this.place(slot, hash);
    this.count++;
  }

  /** Removes the slot of this id (its id still in the column); returns whether it was there. */
  delete(slot: number): boolean {
    const mask = this.table.length - 1;
    let i = this.ids.hash(slot) & mask;
    while (this.table[i] !== slot + 1) {
      if (this.table[i] === 0) return false;
      i = (i + 1) & mask;
    }
    // Backward-shift deletion: move later entries of the probe run into the hole they may skip.
    for (let j = (i + 1) & mask; this.table[j] !== 0; j = (j + 1) & mask) {
      const home = this.ids.hash(this.table[j]! - 1) & mask;
      if ((j > i && (home <= i || home > j)) || (j < i && home <= i && home > j)) {
        this.table[i] = this.table[j]!;
        i = j;
      }
    }
    this.table[i] = 0;
    this.count--;
    return true;
  }

  private place(slot: number, hash = this.ids.hash(slot)): void {
    const mask = this.table.length - 1;
    let i = hash & mask;
    while (this.table[i] !== 0) i = (i + 1) & mask;
    this.table[i] = slot + 1;
  }

  private resize(size: number): void {
    const old = this.table;
    this.table = new Int32Array(size);
    for (const v of old) if (v !== 0) this.place(v - 1);
  }
}

/**
 * A board's entries as numbered slots in columns (typed arrays for the numbers, TextColumns for the
 * ids and handles) instead of an object per entry: at a million entries a fraction of the memory, and nothing
 * for the garbage collector to trace. The tree holds slot numbers; a removed entry's slot is reused
 * by the next one added.
 */
class EntryTable {
  private score: Float64Array;
  private at: Float64Array;
  /** NaN: no frame rate. */
  private fps: Float64Array;
  private tier: Uint8Array;
  private readonly player: IdColumn;
  private readonly run: IdColumn;
  private readonly handle: HandleColumn;
  /** Each player's slot. */
  readonly byPlayer: SlotsById;
  private readonly freeSlots: number[] = [];
  private used = 0;

  /**
   * Room for `slots` entries before the first growth: a board loaded at its known size allocates each
   * column once (the freed buffers of doublings would stay in the process's memory).
   */
  constructor(slots: number) {
    const size = Math.max(64, slots);
    this.score = new Float64Array(size);
    this.at = new Float64Array(size);
    this.fps = new Float64Array(size);
    this.tier = new Uint8Array(size);
    this.player = new IdColumn(size);
    this.run = new IdColumn(size);
    this.handle = new HandleColumn(size);
    this.byPlayer = new SlotsById(this.player, size);
  }

  /** Stores a (checked) entry of a player with no slot yet (`hash`: hashId of the player, when known); answers its slot. */
  add(row: RankRow, hash?: number): number {
    const slot = this.freeSlots.pop() ?? this.used++;
    if (slot >= this.score.length) this.grow();
    this.player.set(slot, row[0]);
    this.set(slot, row);
    this.byPlayer.add(slot, hash);
    return slot;
  }

  /** Overwrites a slot's entry with the same player's better one. */
  set(slot: number, row: RankRow): void {
    this.score[slot] = row[1];
    this.at[slot] = row[2];
    this.fps[slot] = row[5] ?? NaN;
    this.tier[slot] = tierCode(row[4]);
    this.run.set(slot, row[3]);
    this.handle.set(slot, row[6]);
  }

  /** A new handle for the slot's player. */
  rename(slot: number, handle: string): void {
    this.handle.set(slot, handle);
  }

  release(slot: number): void {
    this.byPlayer.delete(slot);
    this.player.clear(slot);
    this.run.clear(slot);
    this.handle.clear(slot);
    this.freeSlots.push(slot);
  }

  playerOf(slot: number): string {
    return this.player.get(slot);
  }

  /** The slot's entry as a new object. */
  entry(slot: number): RankEntry {
    const fps = this.fps[slot]!;
    return {
      playerId: this.player.get(slot),
      score: this.score[slot]!,
      achievedAt: this.at[slot]!,
      runId: this.run.get(slot),
      runTier: TIER_NAMES[this.tier[slot]!],
      fps: Number.isNaN(fps) ? null : fps,
      handle: this.handle.get(slot),
    };
  }

  /** Board order of two slots (compareEntries). */
  compare(a: number, b: number): number {
    const sa = this.score[a]!;
    const sb = this.score[b]!;
    if (sa !== sb) return sb - sa;
    const ta = this.at[a]!;
    const tb = this.at[b]!;
    if (ta !== tb) return ta - tb;
    return this.run.compare(a, b) || this.player.compare(a, b);
  }

  /** Board order of an entry against a slot (compareEntries). */
  compareTo(row: RankRow, slot: number): number {
    const s = this.score[slot]!;
    if (row[1] !== s) return s - row[1];
    const t = this.at[slot]!;
    if (row[2] !== t) return row[2] - t;
    return this.run.compareTo(row[3], slot) || this.player.compareTo(row[0], slot);
  }

  /** Board order of a slot against a cursor, on the key fields (compareKeys). */
  compareKey(slot: number, c: RankCursor): number {
    const s = this.score[slot]!;
    if (s !== c.score) return c.score - s;
    const t = this.at[slot]!;
    if (t !== c.achievedAt) return t - c.achievedAt;
    return -this.run.compareTo(c.runId, slot);
  }

  private grow(): void {
    const size = this.score.length * 2;
    this.score = grown(this.score, size, (n) => new Float64Array(n));
    this.at = grown(this.at, size, (n) => new Float64Array(n));
    this.fps = grown(this.fps, size, (n) => new Float64Array(n));
    this.tier = grown(this.tier, size, (n) => new Uint8Array(n));
  }
}

// ---------------------------------------------------------------------------------------------
// Counted B+-tree over slots
// ---------------------------------------------------------------------------------------------

const LEAF_MAX = 128;
const LEAF_MIN = 32;
const INNER_MAX = 64;
const INNER_MIN = 16;
/** Bulk loads fill nodes to 3/4, so the first inserts after a rebuild do not all split. */
const LEAF_FILL = 96;
const INNER_FILL = 48;

class Leaf {
  readonly isLeaf = true as const;
  /** Slots, in board order. */
  constructor(public items: number[]) {}
}

class Inner {
  readonly isLeaf = false as const;
  total: number;
  constructor(
    public children: TreeNode[],
    /** Entry count of each child's subtree. */
    public sizes: number[],
    /** Slot of the largest (last in board order) entry of each child's subtree. */
    public maxes: number[],
  ) {
    let t = 0;
    for (const s of sizes) t += s;
    this.total = t;
  }
}

type TreeNode = Leaf | Inner;

function sizeOf(n: TreeNode): number {
  return n.isLeaf ? n.items.length : n.total;
}

function maxOf(n: TreeNode): number {
  return n.isLeaf ? n.items[n.items.length - 1]! : n.maxes[n.maxes.length - 1]!;
}

function widthOf(n: TreeNode): number {
  return n.isLeaf ? n.items.length : n.children.length;
}

function innerOf(children: TreeNode[]): Inner {
  return new Inner(children, children.map(sizeOf), children.map(maxOf));
}

/** First index i with slots[i] >= slot in board order (slots.length if none). */
function lowerBound(t: EntryTable, slots: number[], slot: number): number {
  let lo = 0;
  let hi = slots.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t.compare(slots[mid]!, slot) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index i with slots[i] > cursor on the key fields (slots.length if none). */
function upperBoundKey(t: EntryTable, slots: number[], c: RankCursor): number {
  let lo = 0;
  let hi = slots.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t.compareKey(slots[mid]!, c) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts the slot (not present); returns a new right sibling when the node split. */
function insertInto(t: EntryTable, node: TreeNode, slot: number): TreeNode | null {
  if (node.isLeaf) {
    const items = node.items;
    items.splice(lowerBound(t, items, slot), 0, slot);
    if (items.length <= LEAF_MAX) return null;
    return new Leaf(items.splice(items.length >> 1));
  }
  const i = Math.min(lowerBound(t, node.maxes, slot), node.children.length - 1);
  const child = node.children[i]!;
  const right = insertInto(t, child, slot);
  node.total++;
  node.sizes[i] = sizeOf(child);
  node.maxes[i] = maxOf(child);
  if (!right) return null;
  node.children.splice(i + 1, 0, right);
  node.sizes.splice(i + 1, 0, sizeOf(right));
  node.maxes.splice(i + 1, 0, maxOf(right));
  if (node.children.length <= INNER_MAX) return null;
  const half = node.children.length >> 1;
  const split = new Inner(node.children.splice(half), node.sizes.splice(half), node.maxes.splice(half));
  node.total -= split.total;
  return split;
}

/** Removes the slot; returns whether it was there. Keeps every non-root node at least MIN wide. */
function removeFrom(t: EntryTable, node: TreeNode, slot: number): boolean {
  if (node.isLeaf) {
    const i = lowerBound(t, node.items, slot);
    if (i >= node.items.length || node.items[i] !== slot) return false;
    node.items.splice(i, 1);
    return true;
  }
  const i = lowerBound(t, node.maxes, slot);
  if (i >= node.children.length) return false;
  const child = node.children[i]!;
  if (!removeFrom(t, child, slot)) return false;
  node.total--;
  if (widthOf(child) === 0) {
    node.children.splice(i, 1);
    node.sizes.splice(i, 1);
    node.maxes.splice(i, 1);
    return true;
  }
  node.sizes[i] = sizeOf(child);
  node.maxes[i] = maxOf(child);
  if (widthOf(child) < (child.isLeaf ? LEAF_MIN : INNER_MIN)) rebalance(node, i);
  return true;
}

/** Merges child i of `parent` with a neighbour, or evens the two out when a merge would overflow. */
function rebalance(parent: Inner, i: number): void {
  if (parent.children.length < 2) return;
  const li = i > 0 ? i - 1 : i;
  const ri = li + 1;
  const left = parent.children[li]!;
  const right = parent.children[ri]!;
  if (left.isLeaf && right.isLeaf) {
    if (left.items.length + right.items.length <= LEAF_MAX) {
      for (const it of right.items) left.items.push(it);
      right.items = [];
    } else {
      const all = left.items.concat(right.items);
      const half = all.length >> 1;
      left.items = all.slice(0, half);
      right.items = all.slice(half);
    }
  } else if (!left.isLeaf && !right.isLeaf) {
    if (left.children.length + right.children.length <= INNER_MAX) {
      for (let k = 0; k < right.children.length; k++) {
        left.children.push(right.children[k]!);
        left.sizes.push(right.sizes[k]!);
        left.maxes.push(right.maxes[k]!);
      }
      left.total += right.total;
      right.children = [];
      right.sizes = [];
      right.maxes = [];
      right.total = 0;
    } else {
      const children = left.children.concat(right.children);
      const half = children.length >> 1;
      const l = innerOf(children.slice(0, half));
      const r = innerOf(children.slice(half));
      left.children = l.children; left.sizes = l.sizes; left.maxes = l.maxes; left.total = l.total;
      right.children = r.children; right.sizes = r.sizes; right.maxes = r.maxes; right.total = r.total;
    }
  } else {
    throw new Error("rank index: siblings at different depths (bug)");
  }
  if (widthOf(right) === 0) {
    parent.children.splice(ri, 1);
    parent.sizes.splice(ri, 1);
    parent.maxes.splice(ri, 1);
  } else {
    parent.sizes[ri] = sizeOf(right);
    parent.maxes[ri] = maxOf(right);
  }
  parent.sizes[li] = sizeOf(left);
  parent.maxes[li] = maxOf(left);
}

/** Appends up to `limit - out.length` slots starting at position `offset` of the subtree. */
function collect(node: TreeNode, offset: number, out: number[], limit: number): void {
  if (node.isLeaf) {
    const items = node.items;
    for (let k = offset; k < items.length && out.length < limit; k++) out.push(items[k]!);
    return;
  }
  let i = 0;
  while (i < node.children.length && offset >= node.sizes[i]!) offset -= node.sizes[i++]!;
  for (; i < node.children.length && out.length < limit; i++) {
    collect(node.children[i]!, offset, out, limit);
    offset = 0;
  }
}

/** Splits `items` into `parts` consecutive chunks whose lengths differ by at most one. */
function chunk<T>(items: T[], parts: number): T[][] {
  const out: T[][] = [];
  const base = Math.floor(items.length / parts);
  const extra = items.length % parts;
  let at = 0;
  for (let p = 0; p < parts; p++) {
    const len = base + (p < extra ? 1 : 0);
    out.push(items.slice(at, at + len));
    at += len;
  }
  return out;
}

function checkCount(n: number, name: string): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
  return n;
}

// ---------------------------------------------------------------------------------------------
// One board
// ---------------------------------------------------------------------------------------------

export interface AroundResult {
  /** The player's rank (1-based). */
  rank: number;
  /** Rank of entries[0]: max(1, rank - radius). */
  startRank: number;
  /** The entries from rank - radius to rank + radius, clipped at both ends of the board. */
  entries: RankEntry[];
}

/** Builds a board from entries added one by one (a board read from the database page by page). */
export interface RankIndexBuilder {
  /** Adds an entry; of several for one player, the best is kept. */
  add(entry: RankEntry): void;
  /** add() for an entry as a row (the builder keeps no reference to it). */
  addRow(row: RankRow): void;
  build(): BoardRankIndex;
}

export class BoardRankIndex {
  private root: TreeNode = new Leaf([]);
  private readonly table: EntryTable;

  /** An empty board with room for `expected` entries before its columns grow. */
  constructor(expected = 0) {
    this.table = new EntryTable(expected);
  }

  /** Bulk build (O(n log n) sort, skipped for entries already in board order, + O(n) load); keeps each player's best entry. */
  static fromEntries(entries: Iterable<RankEntry>): BoardRankIndex {
    const builder = BoardRankIndex.builder();
    for (const e of entries) builder.add(e);
    return builder.build();
  }

  /**
   * A bulk build fed one entry at a time, for about `expected` entries. Entries that come in board
   * order (a board read from its index) skip the sort.
   */
  static builder(expected = 0): RankIndexBuilder {
    // Room for an eighth more: the board's first new players after the load do not grow it.
    const index = new BoardRankIndex(expected + (expected >> 3));
    const { table } = index;
    const slots: number[] = [];
    let inOrder = true;
    const addRow = (raw: RankRow) => {
      const row = checkRow(raw);
      const hash = hashId(row[0]);
      const old = table.byPlayer.get(row[0], hash);
      if (old !== undefined) {
        inOrder = false;
        if (table.compareTo(row, old) < 0) table.set(old, row);
        return;
      }
      const slot = table.add(row, hash);
      const prev = slots[slots.length - 1];
      if (prev !== undefined && table.compare(prev, slot) >= 0) inOrder = false;
      slots.push(slot);
    };
    return {
      add: (entry) => addRow(rowOf(entry)),
      addRow,
      build() {
        const sorted = inOrder ? slots : slots.sort((a, b) => table.compare(a, b));
        if (sorted.length <= LEAF_MAX) {
          index.root = new Leaf(sorted);
          return index;
        }
        let level: TreeNode[] = chunk(sorted, Math.ceil(sorted.length / LEAF_FILL)).map((items) => new Leaf(items));
        while (level.length > 1) {
          const groups = level.length <= INNER_MAX ? [level] : chunk(level, Math.ceil(level.length / INNER_FILL));
          level = groups.map(innerOf);
        }
        index.root = level[0]!;
        return index;
      },
    };
  }

  get size(): number {
    return this.table.byPlayer.size;
  }

  /**
   * Keep-best: stores `entry` as the player's entry if they have none, or if it is strictly better
   * (earlier in board order) than their current one. Returns whether the board changed. The board
   * keeps its own copy: changing `entry` afterwards changes nothing.
   */
  upsertBest(entry: RankEntry): boolean {
    const row = checkRow(rowOf(entry));
    const old = this.table.byPlayer.get(row[0]);
    if (old !== undefined && this.table.compareTo(row, old) >= 0) return false;
    if (old !== undefined) this.removeSlot(old);
    const slot = this.table.add(row);
    const right = insertInto(this.table, this.root, slot);
    if (right) this.root = innerOf([this.root, right]);
    return true;
  }

  /** Shows the player's entry under this handle; returns whether the player is on the board. */
  rename(playerId: string, handle: string): boolean {
    const slot = this.table.byPlayer.get(playerId);
    if (slot === undefined) return false;
    this.table.rename(slot, handle);
    return true;
  }

  /** Removes the player's entry (e.g. disqualified); returns whether there was one. */
  remove(playerId: string): boolean {
    const old = this.table.byPlayer.get(playerId);
    if (old === undefined) return false;
    this.removeSlot(old);
    return true;
  }

  /** A copy of the player's entry. */
  entryOf(playerId: string): RankEntry | undefined {
    const slot = this.table.byPlayer.get(playerId);
    return slot === undefined ? undefined : this.table.entry(slot);
  }

  /** 1-based rank of the player's entry, or null if they have none. O(log n). */
  rankOf(playerId: string): number | null {
    const slot = this.table.byPlayer.get(playerId);
    return slot === undefined ? null : this.positionOf(slot) + 1;
  }

  /** The best `n` entries. */
  top(n: number): RankEntry[] {
    return this.range(0, n);
  }

  /** `count` entries starting at 0-based position `offset` (rank offset + 1). */
  range(offset: number, count: number): RankEntry[] {
    checkCount(offset, "offset");
    checkCount(count, "count");
    const slots: number[] = [];
    if (count > 0 && offset < this.size) collect(this.root, offset, slots, Math.min(count, this.size - offset));
    return slots.map((slot) => this.table.entry(slot));
  }

  /** The player's rank and the entries within `radius` ranks of it (fewer at the board's ends). */
  around(playerId: string, radius: number): AroundResult | null {
    checkCount(radius, "radius");
    const slot = this.table.byPlayer.get(playerId);
    if (slot === undefined) return null;
    const pos = this.positionOf(slot);
    const start = Math.max(0, pos - radius);
    return { rank: pos + 1, startRank: start + 1, entries: this.range(start, pos + radius + 1 - start) };
  }

  /**
   * Keyset paging: up to `count` entries strictly after `cursor` in board order (pass the last
   * entry of the previous page). Entries that move or appear before the cursor between two pages
   * never make the next page repeat or skip the entries after it.
   */
  after(cursor: RankCursor, count: number): RankEntry[] {
    checkCount(count, "count");
    return this.range(this.countNotAfter(cursor), count);
  }

  private removeSlot(slot: number): void {
    if (!removeFrom(this.table, this.root, slot)) throw new Error("rank index: entry missing from the tree (bug)");
    while (!this.root.isLeaf && this.root.children.length === 1) this.root = this.root.children[0]!;
    if (!this.root.isLeaf && this.root.children.length === 0) this.root = new Leaf([]);
    this.table.release(slot);
  }

  /** 0-based position of a slot that is in the tree. */
  private positionOf(slot: number): number {
    let node = this.root;
    let pos = 0;
    while (!node.isLeaf) {
      const i = lowerBound(this.table, node.maxes, slot);
      for (let k = 0; k < i; k++) pos += node.sizes[k]!;
      node = node.children[i]!;
    }
    return pos + lowerBound(this.table, node.items, slot);
  }

  /** Number of entries at or before `cursor` (on the key fields). */
  private countNotAfter(c: RankCursor): number {
    let node = this.root;
    let pos = 0;
    while (!node.isLeaf) {
      const lo = upperBoundKey(this.table, node.maxes, c);
      for (let k = 0; k < lo; k++) pos += node.sizes[k]!;
      if (lo === node.children.length) return pos;
      node = node.children[lo]!;
    }
    return pos + upperBoundKey(this.table, node.items, c);
  }

  /** Structural self-check for tests: order, counts, maxes, node widths, equal leaf depth. */
  checkInvariants(): void {
    let leafDepth = -1;
    let prev: number | undefined;
    let seen = 0;
    const visit = (node: TreeNode, depth: number, isRoot: boolean): void => {
      if (node.isLeaf) {
        if (leafDepth === -1) leafDepth = depth;
        if (depth !== leafDepth) throw new Error("leaves at different depths");
        if (!isRoot && (node.items.length < 1 || node.items.length > LEAF_MAX)) throw new Error(`leaf width ${node.items.length}`);
        for (const it of node.items) {
          if (prev !== undefined && this.table.compare(prev, it) >= 0) throw new Error("entries out of order");
          if (this.table.byPlayer.get(this.table.playerOf(it)) !== it) throw new Error("tree entry is not the player's entry");
          prev = it;
          seen++;
        }
        return;
      }
      if (node.children.length > INNER_MAX || (!isRoot && node.children.length < 1) || (isRoot && node.children.length < 2)) {
        throw new Error(`inner width ${node.children.length}`);
      }
      let total = 0;
      node.children.forEach((child, k) => {
        if (node.sizes[k] !== sizeOf(child)) throw new Error("stale child size");
        if (node.maxes[k] !== maxOf(child)) throw new Error("stale child max");
        total += sizeOf(child);
        visit(child, depth + 1, false);
      });
      if (total !== node.total) throw new Error("stale total");
    };
    visit(this.root, 0, true);
    if (seen !== this.size) throw new Error(`tree holds ${seen} entries, the player table ${this.size}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Loading a board
// ---------------------------------------------------------------------------------------------

/**
 * A board's entries page by page, as rows, with how many there are about (to size the board before
 * the load), and players' handles to give the entries after them (pairs of player id and handle,
 * for players on the board or not), when the rows have none.
 */
export type RankPages = AsyncIterable<Iterable<RankRow>> & { size?: number; handles?: AsyncIterable<Iterable<readonly [playerId: string, handle: string, ...rest: unknown[]]>> };

/** A board's index built from its entries, all at once or page by page (each page added as it comes, then dropped). */
export async function buildIndex(loaded: Iterable<RankEntry> | RankPages): Promise<BoardRankIndex> {
  if (!(Symbol.asyncIterator in loaded)) return BoardRankIndex.fromEntries(loaded);
  const builder = BoardRankIndex.builder(loaded.size ?? 0);
  for await (const page of loaded) for (const row of page) builder.addRow(row);
  const index = builder.build();
  if (loaded.handles) for await (const page of loaded.handles) for (const [playerId, handle] of page) index.rename(playerId, handle);
  return index;
}

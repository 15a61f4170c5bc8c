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
 * slots, which V8 does fast. A Map playerId -> entry finds a player's current key.
 *
 * The index is generic: a board is an opaque string key in RankIndexRegistry, built by the caller.
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
// Counted B+-tree
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
  constructor(public items: RankEntry[]) {}
}

class Inner {
  readonly isLeaf = false as const;
  total: number;
  constructor(
    public children: TreeNode[],
    /** Entry count of each child's subtree. */
    public sizes: number[],
    /** Largest (last in board order) entry of each child's subtree. */
    public maxes: RankEntry[],
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

function maxOf(n: TreeNode): RankEntry {
  return n.isLeaf ? n.items[n.items.length - 1]! : n.maxes[n.maxes.length - 1]!;
}

function widthOf(n: TreeNode): number {
  return n.isLeaf ? n.items.length : n.children.length;
}

function innerOf(children: TreeNode[]): Inner {
  return new Inner(children, children.map(sizeOf), children.map(maxOf));
}

/** First index i with items[i] >= e (items.length if none). */
function lowerBound(items: RankEntry[], e: RankEntry): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareEntries(items[mid]!, e) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index i with items[i] > cursor on the key fields (items.length if none). */
function upperBoundKey(items: RankEntry[], c: RankCursor): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(items[mid]!, c) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First child whose largest entry is >= e (children.length if none). */
function childFor(node: Inner, e: RankEntry): number {
  return lowerBound(node.maxes, e);
}

/** Inserts e (not present); returns a new right sibling when the node split. */
function insertInto(node: TreeNode, e: RankEntry): TreeNode | null {
  if (node.isLeaf) {
    const items = node.items;
    items.splice(lowerBound(items, e), 0, e);
    if (items.length <= LEAF_MAX) return null;
    return new Leaf(items.splice(items.length >> 1));
  }
  const i = Math.min(childFor(node, e), node.children.length - 1);
  const child = node.children[i]!;
  const right = insertInto(child, e);
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

/** Removes e; returns whether it was there. Keeps every non-root node at least MIN wide. */
function removeFrom(node: TreeNode, e: RankEntry): boolean {
  if (node.isLeaf) {
    const i = lowerBound(node.items, e);
    if (i >= node.items.length || compareEntries(node.items[i]!, e) !== 0) return false;
    node.items.splice(i, 1);
    return true;
  }
  const i = childFor(node, e);
  if (i >= node.children.length) return false;
  const child = node.children[i]!;
  if (!removeFrom(child, e)) return false;
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

/** Appends up to `limit - out.length` entries starting at position `offset` of the subtree. */
function collect(node: TreeNode, offset: number, out: RankEntry[], limit: number): void {
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

const TIER_NAMES = new Map(["free", "ultimate"].map((t) => [t, t]));

function freezeEntry(e: RankEntry): RankEntry {
  if (typeof e.playerId !== "string" || e.playerId === "") throw new TypeError("rank entry: playerId must be a non-empty string");
  if (typeof e.runId !== "string" || e.runId === "") throw new TypeError("rank entry: runId must be a non-empty string");
  if (!Number.isFinite(e.score)) throw new TypeError(`rank entry: score must be a finite number, got ${e.score}`);
  if (!Number.isFinite(e.achievedAt)) throw new TypeError(`rank entry: achievedAt must be finite epoch ms, got ${e.achievedAt}`);
  // A private copy with one hidden class: the caller cannot reorder the tree by mutating its object.
  // Tier names are interned: a million entries share two strings.
  const runTier = e.runTier === undefined ? undefined : (TIER_NAMES.get(e.runTier) ?? e.runTier);
  return Object.freeze({ playerId: e.playerId, score: e.score, achievedAt: e.achievedAt, runId: e.runId, runTier, fps: e.fps ?? null });
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

export class BoardRankIndex {
  private root: TreeNode = new Leaf([]);
  private readonly byPlayer = new Map<string, RankEntry>();

  /**
   * Bulk build (O(n log n) sort + O(n) load); keeps each player's best entry. Entries that come in
   * board order already (a board read from its index) skip the sort: one pass checks the order.
   */
  static fromEntries(entries: Iterable<RankEntry>): BoardRankIndex {
    const index = new BoardRankIndex();
    const best = index.byPlayer;
    let inOrder = true;
    let prev: RankEntry | undefined;
    for (const raw of entries) {
      const old = best.get(raw.playerId);
      if (old !== undefined) inOrder = false;
      if (old === undefined || compareEntries(raw, old) < 0) {
        const e = freezeEntry(raw);
        if (prev !== undefined && compareEntries(prev, e) >= 0) inOrder = false;
        best.set(raw.playerId, e);
        prev = e;
      }
    }
    const sorted = inOrder ? [...best.values()] : [...best.values()].sort(compareEntries);
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
  }

  get size(): number {
    return this.byPlayer.size;
  }

  /**
   * Keep-best: stores `entry` as the player's entry if they have none, or if it is strictly better
   * (earlier in board order) than their current one. Returns whether the board changed.
   */
  upsertBest(entry: RankEntry): boolean {
    const old = this.byPlayer.get(entry.playerId);
    if (old !== undefined && compareEntries(entry, old) >= 0) return false;
    const e = freezeEntry(entry);
    if (old !== undefined) this.removeEntry(old);
    const right = insertInto(this.root, e);
    if (right) this.root = innerOf([this.root, right]);
    this.byPlayer.set(e.playerId, e);
    return true;
  }

  /** Removes the player's entry (e.g. disqualified); returns whether there was one. */
  remove(playerId: string): boolean {
    const old = this.byPlayer.get(playerId);
    if (old === undefined) return false;
    this.removeEntry(old);
    this.byPlayer.delete(playerId);
    return true;
  }

  /** The players with an entry. */
  players(): IterableIterator<string> {
    return this.byPlayer.keys();
  }

  entryOf(playerId: string): RankEntry | undefined {
    return this.byPlayer.get(playerId);
  }

  /** 1-based rank of the player's entry, or null if they have none. O(log n). */
  rankOf(playerId: string): number | null {
    const e = this.byPlayer.get(playerId);
    return e === undefined ? null : this.positionOf(e) + 1;
  }

  /** The best `n` entries. */
  top(n: number): RankEntry[] {
    return this.range(0, n);
  }

  /** `count` entries starting at 0-based position `offset` (rank offset + 1). */
  range(offset: number, count: number): RankEntry[] {
    checkCount(offset, "offset");
    checkCount(count, "count");
    const out: RankEntry[] = [];
    if (count > 0 && offset < this.size) collect(this.root, offset, out, Math.min(count, this.size - offset));
    return out;
  }

  /** The player's rank and the entries within `radius` ranks of it (fewer at the board's ends). */
  around(playerId: string, radius: number): AroundResult | null {
    checkCount(radius, "radius");
    const e = this.byPlayer.get(playerId);
    if (e === undefined) return null;
    const pos = this.positionOf(e);
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

  private removeEntry(e: RankEntry): void {
    if (!removeFrom(this.root, e)) throw new Error("rank index: entry missing from the tree (bug)");
    while (!this.root.isLeaf && this.root.children.length === 1) this.root = this.root.children[0]!;
    if (!this.root.isLeaf && this.root.children.length === 0) this.root = new Leaf([]);
  }

  /** 0-based position of an entry that is in the tree. */
  private positionOf(e: RankEntry): number {
    let node = this.root;
    let pos = 0;
    while (!node.isLeaf) {
      const i = childFor(node, e);
      for (let k = 0; k < i; k++) pos += node.sizes[k]!;
      node = node.children[i]!;
    }
    return pos + lowerBound(node.items, e);
  }

  /** Number of entries at or before `cursor` (on the key fields). */
  private countNotAfter(c: RankCursor): number {
    let node = this.root;
    let pos = 0;
    while (!node.isLeaf) {
      let lo = 0;
      let hi = node.maxes.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compareKeys(node.maxes[mid]!, c) <= 0) lo = mid + 1;
        else hi = mid;
      }
      for (let k = 0; k < lo; k++) pos += node.sizes[k]!;
      if (lo === node.children.length) return pos;
      node = node.children[lo]!;
    }
    return pos + upperBoundKey(node.items, c);
  }

  /** Structural self-check for tests: order, counts, maxes, node widths, equal leaf depth. */
  checkInvariants(): void {
    let leafDepth = -1;
    let prev: RankEntry | undefined;
    let seen = 0;
    const visit = (node: TreeNode, depth: number, isRoot: boolean): void => {
      if (node.isLeaf) {
        if (leafDepth === -1) leafDepth = depth;
        if (depth !== leafDepth) throw new Error("leaves at different depths");
        if (!isRoot && (node.items.length < 1 || node.items.length > LEAF_MAX)) throw new Error(`leaf width ${node.items.length}`);
        for (const it of node.items) {
          if (prev && compareEntries(prev, it) >= 0) throw new Error("entries out of order");
          if (this.byPlayer.get(it.playerId) !== it) throw new Error("tree entry is not the player's entry");
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
    if (seen !== this.byPlayer.size) throw new Error(`tree holds ${seen} entries, map ${this.byPlayer.size}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Many boards
// ---------------------------------------------------------------------------------------------

/** Loads a board's entries (e.g. its BoardEntry rows) when the board is first needed. */
export type RankLoader = () => Iterable<RankEntry> | Promise<Iterable<RankEntry>>;

/**
 * boardKey (opaque, built by the caller) -> BoardRankIndex. `ensure` loads a board once: callers
 * that ask while it loads share the same load; a failed load is not cached. Submissions that
 * commit while a board loads may be missing from the snapshot the loader read, so re-apply them
 * with upsertBest after `ensure` resolves (keep-best makes that idempotent).
 */
export class RankIndexRegistry {
  private readonly boards = new Map<string, BoardRankIndex>();
  private readonly loading = new Map<string, Promise<BoardRankIndex>>();

  get(boardKey: string): BoardRankIndex | undefined {
    return this.boards.get(boardKey);
  }

  has(boardKey: string): boolean {
    return this.boards.has(boardKey);
  }

  /** Whether the board is being loaded now. */
  isLoading(boardKey: string): boolean {
    return this.loading.has(boardKey);
  }

  /** The board, loaded through `loader` if it is not in memory yet. */
  ensure(boardKey: string, loader: RankLoader): Promise<BoardRankIndex> {
    const ready = this.boards.get(boardKey);
    if (ready) return Promise.resolve(ready);
    const pending = this.loading.get(boardKey);
    if (pending) return pending;
    const load: Promise<BoardRankIndex> = Promise.resolve()
      .then(loader)
      .then((entries) => {
        const index = BoardRankIndex.fromEntries(entries);
        // Install only if nobody dropped or replaced the board meanwhile.
        if (this.loading.get(boardKey) === load) this.boards.set(boardKey, index);
        return this.boards.get(boardKey) ?? index;
      })
      .finally(() => {
        if (this.loading.get(boardKey) === load) this.loading.delete(boardKey);
      });
    this.loading.set(boardKey, load);
    return load;
  }

  /** Installs (or replaces) a board, e.g. after a rebuild. */
  set(boardKey: string, index: BoardRankIndex): void {
    this.loading.delete(boardKey);
    this.boards.set(boardKey, index);
  }

  /** Forgets a board (e.g. a closed period); returns whether it was loaded or loading. */
  drop(boardKey: string): boolean {
    const wasLoading = this.loading.delete(boardKey);
    return this.boards.delete(boardKey) || wasLoading;
  }

  keys(): string[] {
    return [...this.boards.keys()];
  }

  values(): IterableIterator<BoardRankIndex> {
    return this.boards.values();
  }

  get size(): number {
    return this.boards.size;
  }
}

import { describe, expect, it } from "vitest";
import { Rng } from "../../../game/core";
import {
  BoardRankIndex,
  compareEntries,
  buildIndex,
  type RankEntry,
  type RankRow,
} from "../../../server/boards/rank-index";

const e = (playerId: string, score: number, achievedAt = 1000, runId = `r-${playerId}-${score}-${achievedAt}`): RankEntry => ({
  playerId,
  score,
  achievedAt,
  runId,
  runTier: score % 2 ? "ultimate" : "free",
  fps: score % 2 ? 240 : null,
  // Not ASCII: handles are kept as UTF-8.
  handle: `${playerId}·ñ`,
});
const ids = (entries: RankEntry[]) => entries.map((x) => x.playerId);
/** The entry as a database row gives it, with a column after the entry's (the loader's keyset key). */
const row = (x: RankEntry): RankRow => [x.playerId, x.score, x.achievedAt, x.runId, x.runTier, x.fps, x.handle, "stored-at"];

/** Deterministic random numbers in [0, 1) (the game core's PRNG), so failures reproduce. */
function prng(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

/** The naive model: a sorted array with one entry per player. */
class Naive {
  entries: RankEntry[] = [];
  upsertBest(x: RankEntry): boolean {
    const i = this.entries.findIndex((y) => y.playerId === x.playerId);
    if (i >= 0 && compareEntries(x, this.entries[i]!) >= 0) return false;
    if (i >= 0) this.entries.splice(i, 1);
    this.entries.push({ ...x });
    this.entries.sort(compareEntries);
    return true;
  }
  remove(p: string): boolean {
    const i = this.entries.findIndex((y) => y.playerId === p);
    if (i < 0) return false;
    this.entries.splice(i, 1);
    return true;
  }
  rankOf(p: string): number | null {
    const i = this.entries.findIndex((y) => y.playerId === p);
    return i < 0 ? null : i + 1;
  }
  after(c: { score: number; achievedAt: number; runId: string }, n: number): RankEntry[] {
    const key = (x: { score: number; achievedAt: number; runId: string }) => ({ ...x, playerId: "" });
    return this.entries.filter((x) => compareEntries(key(x), key(c)) > 0).slice(0, n);
  }
}

describe("BoardRankIndex basics", () => {
  it("keeps each player's best entry only", () => {
    const b = new BoardRankIndex();
    expect(b.upsertBest(e("ann", 100, 5000))).toBe(true);
    expect(b.upsertBest(e("ann", 90, 1000))).toBe(false); // lower score, even if earlier
    expect(b.upsertBest(e("ann", 100, 6000))).toBe(false); // same score, later
    expect(b.upsertBest(e("ann", 100, 5000, "r-ann-100-5000"))).toBe(false); // the same entry again
    expect(b.entryOf("ann")).toEqual(e("ann", 100, 5000));
    expect(b.upsertBest(e("ann", 100, 4000))).toBe(true); // same score, earlier
    expect(b.upsertBest(e("ann", 150, 9000))).toBe(true); // higher score
    expect(b.entryOf("ann")).toEqual(e("ann", 150, 9000));
    expect(b.size).toBe(1);
    expect(b.top(10)).toEqual([e("ann", 150, 9000)]);
    // The same run re-scored higher replaces itself.
    expect(b.upsertBest({ ...e("ann", 150, 9000), score: 151 })).toBe(true);
    expect(b.rankOf("ann")).toBe(1);
  });

  it("copies entries: mutating the caller's object or an answered one does not change the board", () => {
    const b = new BoardRankIndex();
    const mine = e("ann", 100);
    b.upsertBest(mine);
    mine.score = 1;
    expect(b.entryOf("ann")!.score).toBe(100);
    b.top(1)[0]!.score = 2;
    b.entryOf("ann")!.runId = "other";
    expect(b.top(1)).toEqual([e("ann", 100)]);
  });

  it("keeps each entry's tier and frame rate, and reuses a replaced entry's place", () => {
    const b = new BoardRankIndex();
    b.upsertBest({ playerId: "ann", score: 5, achievedAt: 1, runId: "r1" });
    b.upsertBest({ playerId: "bob", score: 4, achievedAt: 1, runId: "r2", runTier: "ultimate", fps: 143.5 });
    b.upsertBest({ playerId: "cid", score: 3, achievedAt: 1, runId: "r3", runTier: "kiosk", fps: null });
    expect(b.top(3)).toEqual([
      { playerId: "ann", score: 5, achievedAt: 1, runId: "r1", runTier: undefined, fps: null },
      { playerId: "bob", score: 4, achievedAt: 1, runId: "r2", runTier: "ultimate", fps: 143.5 },
      { playerId: "cid", score: 3, achievedAt: 1, runId: "r3", runTier: "kiosk", fps: null },
    ]);
    for (let i = 0; i < 100; i++) b.upsertBest({ playerId: "bob", score: 10 + i, achievedAt: 1, runId: `b${i}`, runTier: "free", fps: i });
    expect(b.top(1)).toEqual([{ playerId: "bob", score: 109, achievedAt: 1, runId: "b99", runTier: "free", fps: 99 }]);
    expect(b.entryOf("cid")).toEqual({ playerId: "cid", score: 3, achievedAt: 1, runId: "r3", runTier: "kiosk", fps: null });
    b.checkInvariants();
  });

  it("orders by score desc, then achievedAt asc, then runId asc; ranks 1,2,3,4 with no sharing", () => {
    const b = new BoardRankIndex();
    b.upsertBest(e("d", 100, 2000, "run-b"));
    b.upsertBest(e("c", 100, 2000, "run-a")); // same score and time: run id decides
    b.upsertBest(e("b", 100, 1000, "run-z")); // same score, earlier
    b.upsertBest(e("a", 200, 9000, "run-y"));
    b.upsertBest(e("e", 50, 1, "run-0"));
    expect(ids(b.top(10))).toEqual(["a", "b", "c", "d", "e"]);
    expect(["a", "b", "c", "d", "e"].map((p) => b.rankOf(p))).toEqual([1, 2, 3, 4, 5]);
    expect(b.rankOf("nobody")).toBeNull();
    expect(ids(b.top(2))).toEqual(["a", "b"]);
    expect(b.top(0)).toEqual([]);
    expect(ids(b.range(2, 2))).toEqual(["c", "d"]);
    expect(ids(b.range(4, 10))).toEqual(["e"]);
    expect(b.range(5, 10)).toEqual([]);
    expect(b.range(99, 1)).toEqual([]);
  });

  it("removes players", () => {
    const b = new BoardRankIndex();
    for (const p of ["a", "b", "c"]) b.upsertBest(e(p, p.charCodeAt(0)));
    expect(b.remove("b")).toBe(true);
    expect(b.remove("b")).toBe(false);
    expect(b.remove("zz")).toBe(false);
    expect(ids(b.top(5))).toEqual(["c", "a"]);
    expect(b.rankOf("a")).toBe(2);
    expect(b.entryOf("b")).toBeUndefined();
    expect(b.size).toBe(2);
    // A removed player can come back with any score.
    expect(b.upsertBest(e("b", 1))).toBe(true);
    expect(b.rankOf("b")).toBe(3);
  });

  it("around(): ±radius, clipped at the edges", () => {
    const b = new BoardRankIndex();
    for (let i = 0; i < 10; i++) b.upsertBest(e(`p${i}`, 100 - i)); // p0 is rank 1
    expect(b.around("p5", 2)).toEqual({ rank: 6, startRank: 4, entries: b.range(3, 5) });
    expect(ids(b.around("p0", 2)!.entries)).toEqual(["p0", "p1", "p2"]);
    expect(b.around("p0", 2)!.startRank).toBe(1);
    expect(ids(b.around("p1", 3)!.entries)).toEqual(["p0", "p1", "p2", "p3", "p4"]);
    expect(ids(b.around("p9", 2)!.entries)).toEqual(["p7", "p8", "p9"]);
    expect(b.around("p9", 2)!.rank).toBe(10);
    expect(ids(b.around("p4", 0)!.entries)).toEqual(["p4"]);
    expect(b.around("p4", 100)!.entries).toHaveLength(10);
    expect(b.around("nobody", 2)).toBeNull();
  });

  it("after(): keyset pages", () => {
    const b = new BoardRankIndex();
    for (let i = 0; i < 25; i++) b.upsertBest(e(`p${String(i).padStart(2, "0")}`, 1000 - (i >> 1), 1000 + (i & 1)));
    const pages: string[] = [];
    let page = b.top(7);
    while (page.length) {
      pages.push(...ids(page));
      page = b.after(page[page.length - 1]!, 7);
    }
    expect(pages).toEqual(ids(b.top(100)));
    // A cursor that is not an entry: between two entries.
    expect(ids(b.after({ score: 999, achievedAt: 1000, runId: "r-zzz" }, 2))).toEqual(["p03", "p04"]);
    expect(b.after({ score: -1, achievedAt: 0, runId: "" }, 5)).toEqual([]);
    expect(ids(b.after({ score: 1e9, achievedAt: 0, runId: "" }, 2))).toEqual(["p00", "p01"]);
  });

  it("rejects bad arguments", () => {
    const b = new BoardRankIndex();
    expect(() => b.top(-1)).toThrow(RangeError);
    expect(() => b.range(0.5, 1)).toThrow(RangeError);
    expect(() => b.upsertBest(e("a", NaN))).toThrow(TypeError);
    expect(() => b.upsertBest({ ...e("a", 1), runId: "" })).toThrow(TypeError);
    expect(() => b.upsertBest({ ...e("a", 1), runId: "r\u{1F600}" })).toThrow(TypeError);
    expect(() => b.upsertBest(e("x".repeat(256), 1))).toThrow(TypeError);
    expect(() => b.upsertBest({ ...e("a", 1), achievedAt: Infinity })).toThrow(TypeError);
  });
});

describe("after() paging while the board changes", () => {
  it("never repeats or skips entries after the cursor when others move in before it", () => {
    const rnd = prng(7);
    const b = new BoardRankIndex();
    for (let i = 0; i < 3000; i++) b.upsertBest(e(`p${i}`, Math.floor(rnd() * 500), Math.floor(rnd() * 1e6)));
    const pageSize = 50;
    const seen: RankEntry[] = [];
    let page = b.top(pageSize);
    let newPlayer = 0;
    const moved = new Set<string>();
    while (page.length) {
      seen.push(...page);
      const cursor = page[page.length - 1]!;
      // Between pages: new players and improvements land before the cursor (better entries), and
      // some new players land after it (worse entries).
      for (let k = 0; k < 30; k++) {
        const better = { score: cursor.score + 1 + Math.floor(rnd() * 50), achievedAt: Math.floor(rnd() * 1e6) };
        if (rnd() < 0.5) b.upsertBest(e(`new${newPlayer++}`, better.score, better.achievedAt));
        else {
          // an existing player not yet paged improves to before the cursor
          const p = `p${Math.floor(rnd() * 3000)}`;
          const cur = b.entryOf(p)!;
          if (compareEntries(cur, cursor) > 0 && b.upsertBest(e(p, better.score, better.achievedAt))) moved.add(p);
        }
      }
      if (page.length === pageSize) b.upsertBest(e(`late${newPlayer++}`, cursor.score - 1, 5)); // strictly after the cursor
      page = b.after(cursor, pageSize);
    }
    // Each page continues exactly where the previous stopped: strictly increasing, no duplicates.
    for (let i = 1; i < seen.length; i++) expect(compareEntries(seen[i - 1]!, seen[i]!)).toBeLessThan(0);
    expect(new Set(seen.map((x) => x.runId)).size).toBe(seen.length);
    // Nothing was skipped: every entry of the final board was paged, except those that moved in
    // before a cursor after that page was read (new players and improved players).
    const seenRuns = new Set(seen.map((x) => x.runId));
    const finalEntries = b.top(b.size);
    const missed = finalEntries.filter((x) => !seenRuns.has(x.runId));
    expect(missed.length).toBeGreaterThan(0);
    for (const m of missed) expect(m.playerId.startsWith("new") || moved.has(m.playerId)).toBe(true);
    expect(finalEntries.filter((x) => x.playerId.startsWith("late")).length).toBeGreaterThan(50);
  });
});

describe("randomized against a naive sorted array", () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: 4000 mixed operations agree`, () => {
      const rnd = prng(seed);
      const b = new BoardRankIndex();
      const naive = new Naive();
      const players = Array.from({ length: seed === 1 ? 60 : 900 }, (_, i) => `player-${i}`);
      const pick = () => players[Math.floor(rnd() * players.length)]!;
      const scoreRange = seed === 3 ? 5 : 400; // seed 3: heavy ties, the tie-breaks decide
      for (let op = 0; op < 4000; op++) {
        const r = rnd();
        if (r < 0.6) {
          const x = e(pick(), Math.floor(rnd() * scoreRange), Math.floor(rnd() * 50), `run-${Math.floor(rnd() * 1e6)}`);
          expect(b.upsertBest(x)).toBe(naive.upsertBest(x));
        } else if (r < 0.7) {
          const p = pick();
          expect(b.remove(p)).toBe(naive.remove(p));
        } else if (r < 0.8) {
          const p = pick();
          expect(b.rankOf(p)).toBe(naive.rankOf(p));
          expect(b.entryOf(p)).toEqual(naive.entries.find((x) => x.playerId === p));
        } else if (r < 0.85) {
          const n = Math.floor(rnd() * 30);
          expect(b.top(n)).toEqual(naive.entries.slice(0, n));
        } else if (r < 0.9) {
          const off = Math.floor(rnd() * (naive.entries.length + 5));
          const n = Math.floor(rnd() * 40);
          expect(b.range(off, n)).toEqual(naive.entries.slice(off, off + n));
        } else if (r < 0.95) {
          const p = pick();
          const radius = Math.floor(rnd() * 6);
          const i = naive.entries.findIndex((x) => x.playerId === p);
          const got = b.around(p, radius);
          if (i < 0) expect(got).toBeNull();
          else {
            const s = Math.max(0, i - radius);
            expect(got).toEqual({ rank: i + 1, startRank: s + 1, entries: naive.entries.slice(s, i + radius + 1) });
          }
        } else {
          const c = naive.entries.length && rnd() < 0.7
            ? naive.entries[Math.floor(rnd() * naive.entries.length)]!
            : { score: Math.floor(rnd() * scoreRange), achievedAt: Math.floor(rnd() * 50), runId: `run-${Math.floor(rnd() * 1e6)}` };
          const n = Math.floor(rnd() * 20);
          expect(b.after(c, n)).toEqual(naive.after(c, n));
        }
        expect(b.size).toBe(naive.entries.length);
        if (op % 97 === 0) b.checkInvariants();
      }
      b.checkInvariants();
      expect(b.top(b.size)).toEqual(naive.entries);
    });
  }

  it("a big board (deep tree): bulk build, growth, shrinking to empty and back", () => {
    const rnd = prng(42);
    const start: RankEntry[] = [];
    for (let i = 0; i < 20_000; i++) start.push(e(`p${i}`, Math.floor(rnd() * 3000), Math.floor(rnd() * 1e6)));
    start.push(e("p5", 1e6, 1)); // a duplicate player: the better entry wins
    const b = BoardRankIndex.fromEntries(start);
    b.checkInvariants();
    expect(b.size).toBe(20_000);
    expect(b.rankOf("p5")).toBe(1);
    const all = b.top(b.size);
    for (let k = 0; k < 500; k++) {
      const i = Math.floor(rnd() * all.length);
      expect(b.rankOf(all[i]!.playerId)).toBe(i + 1);
    }
    for (let i = 20_000; i < 60_000; i++) b.upsertBest(e(`p${i}`, Math.floor(rnd() * 3000), Math.floor(rnd() * 1e6)));
    b.checkInvariants();
    expect(b.size).toBe(60_000);
    // Remove in a random order down to nothing, checking now and then.
    const order = Array.from({ length: 60_000 }, (_, i) => `p${i}`);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    order.forEach((p, k) => {
      expect(b.remove(p)).toBe(true);
      if (k % 5000 === 0) b.checkInvariants();
    });
    b.checkInvariants();
    expect(b.size).toBe(0);
    expect(b.top(3)).toEqual([]);
    expect(b.upsertBest(e("again", 1))).toBe(true);
    expect(b.rankOf("again")).toBe(1);
  });

  it("a board built for fewer entries than it gets grows: columns, ids and the player table", () => {
    const rnd = prng(5);
    const builder = BoardRankIndex.builder(10);
    const list = Array.from({ length: 3000 }, (_, i) => e(`player-${i}-${"x".repeat(i % 40)}`, 3000 - i, Math.floor(rnd() * 100)));
    for (const x of list) builder.add(x);
    const b = builder.build();
    b.checkInvariants();
    expect(b.top(b.size)).toEqual(list);
    for (let i = 0; i < 3000; i += 3) expect(b.upsertBest(e(`player-${i}-${"x".repeat(i % 40)}`, 10_000 + i))).toBe(true);
    for (let i = 1; i < 3000; i += 3) expect(b.remove(`player-${i}-${"x".repeat(i % 40)}`)).toBe(true);
    b.checkInvariants();
    expect(b.size).toBe(2000);
    expect(b.rankOf(`player-2997-${"x".repeat(2997 % 40)}`)).toBe(1);
  });

  it("fromEntries gives the same board as one upsert at a time", () => {
    const rnd = prng(9);
    const list = Array.from({ length: 5000 }, () => e(`p${Math.floor(rnd() * 2000)}`, Math.floor(rnd() * 100), Math.floor(rnd() * 100)));
    const bulk = BoardRankIndex.fromEntries(list);
    const one = new BoardRankIndex();
    for (const x of list) one.upsertBest(x);
    expect(bulk.top(bulk.size)).toEqual(one.top(one.size));
    bulk.checkInvariants();
    one.checkInvariants();
  });

  it("a build from rows gives the same board as one upsert at a time: ties, duplicates, in order or not", () => {
    const rnd = prng(11);
    // Few scores and instants: most of the order is decided by the run id; some players twice.
    const list = Array.from({ length: 4000 }, (_, i) => e(`p${Math.floor(rnd() * 3000)}`, Math.floor(rnd() * 20), Math.floor(rnd() * 5), `run-${i % 700}-${i}`));
    const one = new BoardRankIndex();
    for (const x of list) one.upsertBest(x);
    const inOrder = one.top(one.size);
    for (const input of [list, inOrder]) {
      const builder = BoardRankIndex.builder(input.length);
      for (const x of input) builder.addRow(row(x));
      const built = builder.build();
      built.checkInvariants();
      expect(built.top(built.size)).toEqual(inOrder);
      for (const x of inOrder.slice(0, 300)) expect(built.rankOf(x.playerId)).toBe(one.rankOf(x.playerId));
      const cursor = inOrder[1234]!;
      expect(built.after(cursor, 50)).toEqual(one.after(cursor, 50));
    }
  });

  it("refuses a bad row and keeps the board as it was", () => {
    const builder = BoardRankIndex.builder(4);
    builder.addRow(row(e("a", 2)));
    expect(() => builder.addRow(["", 1, 1, "r", "free", null])).toThrow("playerId must be a non-empty string");
    expect(() => builder.addRow(["b", Number.NaN, 1, "r", "free", null])).toThrow("score must be a finite number");
    expect(() => builder.addRow(["b", 1, 1, "r\u0100", "free", null])).toThrow("runId must be Latin-1");
    const board = builder.build();
    board.checkInvariants();
    expect(board.top(5)).toEqual([e("a", 2)]);
  });
});

describe("handles", () => {
  it("keeps each entry's handle: a better entry's, a rename, none once removed, any text", () => {
    const b = BoardRankIndex.fromEntries([e("a", 5), e("b", 4), { ...e("c", 3), handle: undefined }]);
    expect(b.top(3).map((x) => x.handle)).toEqual(["a·ñ", "b·ñ", undefined]);
    expect(b.upsertBest({ ...e("b", 9), handle: "Bee" })).toBe(true);
    expect(b.entryOf("b")!.handle).toBe("Bee");
    // A worse entry changes nothing, its handle included (a rename is its own change).
    expect(b.upsertBest({ ...e("b", 1), handle: "Other" })).toBe(false);
    expect(b.entryOf("b")!.handle).toBe("Bee");
    expect(b.rename("a", "Ann 😀 ".repeat(30))).toBe(true);
    expect(b.entryOf("a")!.handle).toBe("Ann 😀 ".repeat(30)); // past 255 bytes
    expect(b.rename("nobody", "X")).toBe(false);
    expect(b.remove("a")).toBe(true);
    // The freed slot's next entry has no handle of its predecessor.
    b.upsertBest({ ...e("d", 7), handle: undefined });
    expect(b.entryOf("d")!.handle).toBeUndefined();
    b.checkInvariants();
  });

  it("many renames: the handles' bytes are compacted and every handle stays right", () => {
    const b = BoardRankIndex.fromEntries(Array.from({ length: 500 }, (_, i) => e(`p${i}`, i)));
    const now = new Map<string, string>();
    for (let round = 0; round < 40; round++) {
      for (let i = round % 3; i < 500; i += 3) {
        const handle = `p${i}-${round}-${"é".repeat(i % 17)}`;
        b.rename(`p${i}`, handle);
        now.set(`p${i}`, handle);
      }
    }
    for (const x of b.top(500)) expect(x.handle).toBe(now.get(x.playerId) ?? `${x.playerId}·ñ`);
  });
});

describe("buildIndex", () => {
  it("builds a board from pages as they come, keeping each player's best", async () => {
    async function* pages() {
      yield [e("a", 3), e("b", 2)].map(row);
      await new Promise((r) => setTimeout(r, 1));
      yield [];
      yield [e("c", 1), e("a", 1)].map(row);
    }
    const board = await buildIndex(pages());
    expect(ids(board.top(5))).toEqual(["a", "b", "c"]);
    expect(board.entryOf("a")).toEqual(e("a", 3));
    board.checkInvariants();
  });
});

/** BoardLoads: a rank store's boards, each loaded once, with what answers its reads while it loads. */
import { describe, expect, it } from "vitest";
import { BoardLoads } from "../../../server/boards/board-loads";
import { BoardRankIndex, buildIndex, type RankEntry } from "../../../server/boards/rank-index";

const e = (playerId: string, score: number): RankEntry => ({ playerId, score, achievedAt: 1000, runId: `r-${playerId}-${score}` });

describe("BoardLoads", () => {
  it("loads a board once, shares concurrent loads, holds what answers reads meanwhile, drops boards", async () => {
    const reg = new BoardLoads<BoardRankIndex, string>();
    const key = "gridshot|week|2026-11-19T00:00|all";
    let loads = 0;
    const loader = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 5));
      return buildIndex([e("a", 1), e("b", 2)]);
    };
    const first = reg.ensure(key, loader, "from the database");
    expect(reg.isLoading(key)).toBe(true);
    expect(reg.meanwhile(key)).toBe("from the database");
    const [x, y] = await Promise.all([first, reg.ensure(key, loader, "another")]);
    expect(x).toBe(y);
    expect(loads).toBe(1);
    expect(reg.meanwhile(key)).toBeUndefined();
    expect(reg.get(key)).toBe(x);
    expect(await reg.ensure(key, loader, "again")).toBe(x);
    expect(loads).toBe(1);
    expect(x.rankOf("b")).toBe(1);
    expect(reg.drop(key)).toBe(true);
    expect(reg.get(key)).toBeUndefined();
    expect(reg.drop(key)).toBe(false);
  });

  it("does not keep a failed load, and a board dropped while loading stays dropped", async () => {
    const reg = new BoardLoads<BoardRankIndex, null>();
    await expect(reg.ensure("k", () => Promise.reject(new Error("db down")), null)).rejects.toThrow("db down");
    await expect(
      reg.ensure(
        "k",
        () => {
          throw new Error("sync failure");
        },
        null,
      ),
    ).rejects.toThrow("sync failure");
    expect(reg.has("k")).toBe(false);
    expect(reg.isLoading("k")).toBe(false);
    const loaded = await reg.ensure("k", () => buildIndex([e("a", 1)]), null);
    expect(reg.get("k")).toBe(loaded);

    const pending = reg.ensure("slow", () => new Promise<BoardRankIndex>((r) => setTimeout(() => r(BoardRankIndex.fromEntries([e("a", 1)])), 5)), null);
    expect(reg.drop("slow")).toBe(true);
    await pending;
    expect(reg.has("slow")).toBe(false);
  });
});

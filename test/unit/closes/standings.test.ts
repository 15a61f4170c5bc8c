import { describe, expect, it } from "vitest";
import type { Prize } from "../../../server/closes/prize-table";
import { computeClose, prizeContactable, type BoardCandidate } from "../../../server/closes/standings";

const T0 = Date.parse("2026-11-20T12:00:00Z");
let n = 0;
function entry(handle: string, score: number, extra: Partial<BoardCandidate> = {}): BoardCandidate {
  n++;
  return {
    playerId: `p-${handle}`,
    handle,
    score,
    achievedAt: new Date(T0 + n * 1000),
    runId: `r-${handle}`,
    runTier: "free",
    disqualified: false,
    deleted: false,
    contactable: true,
    runVerified: true,
    ...extra,
  };
}
const prizes = (needsContact: boolean): Prize[] => [1, 2, 3].map((place) => ({ place, prize: `prize ${place}`, needsContact }));

describe("computeClose", () => {
  it("ranks by score, then the earlier achievement, then the run id", () => {
    const a = entry("a", 100);
    const b = entry("b", 200);
    const c = { ...entry("c", 100), achievedAt: new Date(T0 - 1) };
    const d = { ...entry("d", 100), achievedAt: c.achievedAt, runId: "r-0" };
    const { standings, winners } = computeClose([a, b, c, d], prizes(true));
    expect(standings.map((s) => [s.rank, s.handle])).toEqual([[1, "b"], [2, "d"], [3, "c"], [4, "a"]]);
    expect(standings[0]).toEqual({ rank: 1, playerId: "p-b", handle: "b", score: 200, achievedAt: b.achievedAt.toISOString(), runId: "r-b", runTier: "free" });
    expect(winners.map((w) => [w.place, w.handle, w.prize, w.rank])).toEqual([[1, "b", "prize 1", 1], [2, "d", "prize 2", 2], [3, "c", "prize 3", 3]]);
  });

  it("skips a disqualified winner (off the standings) and the next eligible player takes the place", () => {
    const { standings, winners, skipped } = computeClose(
      [entry("cheat", 999, { disqualified: true }), entry("a", 300), entry("b", 200), entry("c", 100), entry("d", 50)],
      prizes(false),
    );
    expect(standings.map((s) => s.handle)).toEqual(["a", "b", "c", "d"]);
    expect(winners.map((w) => w.handle)).toEqual(["a", "b", "c"]);
    expect(skipped).toEqual([{ playerId: "p-cheat", handle: "cheat", score: 999, rank: null, place: 1, reason: "disqualified" }]);
  });

  it("skips a player without a contact only when the prize needs one", () => {
    const list = [entry("a", 300), entry("anon", 250, { contactable: false }), entry("b", 200), entry("c", 100)];
    const withContact = computeClose(list, prizes(true));
    expect(withContact.standings.map((s) => s.handle)).toEqual(["a", "anon", "b", "c"]);
    expect(withContact.winners.map((w) => [w.place, w.handle, w.rank])).toEqual([[1, "a", 1], [2, "b", 3], [3, "c", 4]]);
    expect(withContact.skipped).toEqual([{ playerId: "p-anon", handle: "anon", score: 250, rank: 2, place: 2, reason: "no_contact" }]);
    expect(computeClose(list, prizes(false)).winners.map((w) => w.handle)).toEqual(["a", "anon", "b"]);
  });

  it("never awards an unverified run, awards fewer places than prizes when too few are eligible, and handles an empty board", () => {
    const r = computeClose([entry("x", 500, { runVerified: false }), entry("a", 10)], prizes(true));
    expect(r.winners.map((w) => w.handle)).toEqual(["a"]);
    expect(r.skipped.map((s) => s.reason)).toEqual(["run_not_verified"]);
    expect(computeClose([], prizes(true))).toEqual({ standings: [], winners: [], skipped: [] });
  });
});

describe("prizeContactable", () => {
  it("needs both an address and the player's consent to prize contact", () => {
    expect(prizeContactable({ contactEmail: "a@example.test", contactConsentAt: new Date() })).toBe(true);
    expect(prizeContactable({ contactEmail: "a@example.test", contactConsentAt: null })).toBe(false);
    expect(prizeContactable({ contactEmail: null, contactConsentAt: new Date() })).toBe(false);
  });
});

/**
 * The pure part of a player's profile (docs/profiles.md): personal bests, the running personal best
 * the progress charts draw, and the achievements, all computed from the player's stored runs. No
 * database here: profile.ts reads the rows and hands them in.
 */
import type { TierName } from "../../game/core";
import type { Achievement, PersonalBest, ProgressPoint } from "../../lib/contracts/profiles";

/** A verified run, as the profile needs it. */
export interface VerifiedRunFact {
  id: string;
  scenario: string;
  tier: TierName;
  score: number;
  at: Date;
  /** The challenge week the run finished in: consecutive weeks meet (one's end is the next's start). */
  week: { startsAt: number; endsAt: number } | null;
}

/** Earlier first, then the smaller run id: the order in which runs count (as on the boards). */
const byTime = (a: VerifiedRunFact, b: VerifiedRunFact) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The best score per scenario and tier; on a tie the earlier run holds it. Sorted by scenario, free before ultimate. */
export function personalBests(runs: readonly VerifiedRunFact[]): PersonalBest[] {
  const best = new Map<string, VerifiedRunFact>();
  for (const r of [...runs].sort(byTime)) {
    const key = `${r.scenario}|${r.tier}`;
    const held = best.get(key);
    if (!held || r.score > held.score) best.set(key, r);
  }
  return [...best.values()]
    .sort((a, b) => a.scenario.localeCompare(b.scenario) || a.tier.localeCompare(b.tier))
    .map((r) => ({ scenario: r.scenario, tier: r.tier, score: r.score, runId: r.id, achievedAt: r.at.toISOString() }));
}

/** What the replay measured beyond the score (from Run.result), for the trend lines. */
export interface RunMeasures {
  accuracy: number | null;
  reactionTimeMedianMs: number | null;
  killsPerSecond: number | null;
}

/**
 * One scenario's runs as chart points, oldest first, each with the personal best (either tier) so
 * far; only the newest `limit` are kept, but the personal best counts every run before them.
 */
export function progressPoints(runs: readonly VerifiedRunFact[], measures: ReadonlyMap<string, RunMeasures>, limit: number): ProgressPoint[] {
  let best = -Infinity;
  const points = [...runs].sort(byTime).map((r) => {
    best = Math.max(best, r.score);
    const m = measures.get(r.id);
    return {
      runId: r.id,
      at: r.at.toISOString(),
      tier: r.tier,
      score: r.score,
      personalBest: best,
      accuracy: m?.accuracy ?? null,
      reactionTimeMedianMs: m?.reactionTimeMedianMs ?? null,
      killsPerSecond: m?.killsPerSecond ?? null,
    };
  });
  return points.slice(Math.max(0, points.length - limit));
}

/** Facts beyond the verified runs that achievements need. */
export interface AchievementFacts {
  verified: readonly VerifiedRunFact[];
  /** When each closed weekly board that ranked the player in its top 10 was closed. */
  weeklyTop10: readonly Date[];
}

export const RUNS_GOAL = 100;
export const WEEKLY_TOP = 10;
/** Streak lengths (weeks in a row with a new personal best) that are achievements of their own. */
export const PB_STREAKS = [3, 10] as const;

/** The run that improved on the player's best on its scenario (either tier); a first run sets a best but improves on none. */
function improvements(runs: readonly VerifiedRunFact[]): VerifiedRunFact[] {
  const best = new Map<string, number>();
  const out: VerifiedRunFact[] = [];
  for (const r of [...runs].sort(byTime)) {
    const held = best.get(r.scenario);
    if (held !== undefined && r.score > held) out.push(r);
    if (held === undefined || r.score > held) best.set(r.scenario, r.score);
  }
  return out;
}

/**
 * Weeks in a row with a new personal best: the longest streak, and for each length the first run
 * that reached it (the improvement that completed the streak's length-th week).
 */
export function personalBestStreaks(runs: readonly VerifiedRunFact[]): { longest: number; reachedAt: Map<number, Date> } {
  const reachedAt = new Map<number, Date>();
  let longest = 0;
  let streak = 0;
  let lastWeek: { startsAt: number; endsAt: number } | null = null;
  for (const r of improvements(runs)) {
    if (!r.week) continue;
    if (lastWeek && r.week.startsAt === lastWeek.startsAt) continue;
    streak = lastWeek && r.week.startsAt === lastWeek.endsAt ? streak + 1 : 1;
    lastWeek = r.week;
    longest = Math.max(longest, streak);
    if (!reachedAt.has(streak)) reachedAt.set(streak, r.at);
  }
  return { longest, reachedAt };
}

function achievement(id: string, title: string, description: string, goal: number, value: number, earnedAt: Date | null | undefined): Achievement {
  return { id, title, description, earnedAt: earnedAt ? earnedAt.toISOString() : null, progress: { value: Math.min(value, goal), goal } };
}

/** Every achievement, earned or not, with the progress towards it. */
export function achievementsOf(facts: AchievementFacts): Achievement[] {
  const runs = [...facts.verified].sort(byTime);
  const ultimate = runs.filter((r) => r.tier === "ultimate");
  const top = [...facts.weeklyTop10].sort((a, b) => a.getTime() - b.getTime());
  const streaks = personalBestStreaks(runs);
  return [
    achievement("first-verified", "First verified run", "Finish a run the server verifies.", 1, runs.length, runs[0]?.at),
    achievement("first-ultimate", "First Ultimate run", "Finish a verified run on the Ultimate tier.", 1, ultimate.length, ultimate[0]?.at),
    achievement("weekly-top-10", "Top 10 of the week", `Finish a week in the top ${WEEKLY_TOP} of a weekly board.`, 1, top.length, top[0]),
    achievement("runs-100", `${RUNS_GOAL} runs`, `Finish ${RUNS_GOAL} verified runs.`, RUNS_GOAL, runs.length, runs[RUNS_GOAL - 1]?.at),
    ...PB_STREAKS.map((n) =>
      achievement(`pb-streak-${n}`, `${n} weeks better`, `Beat your personal best in ${n} weeks in a row.`, n, streaks.longest, streaks.reachedAt.get(n)),
    ),
  ];
}

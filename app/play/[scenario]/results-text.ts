/**
 * The words and figures of the results screen, apart from its markup so they can be checked on real
 * runs: the figures that fit a scenario's kind (hits/shots for clicking, time on target for
 * tracking), the personal-best change, and the sentence the live region announces.
 */
import type { RunResult, Scenario } from "@/game/core";
import { isClickingKind } from "@/game/core/scenario-kind";
import type { ApiFailure, FinishedRun, RunPlacement } from "@/game/client/api";
import type { BoardPlacement } from "@/lib/contracts/runs";

/** What the server said of a ranked run: its verdict, or why it could not say. */
export type ServerAnswer = { state: "pending" } | { state: "done"; run: FinishedRun } | { state: "failed"; failure: ApiFailure };

/** The run's placement on the boards, once asked for (verified runs only). */
export type PlacementState = { state: "loading" } | { state: "done"; placement: RunPlacement } | { state: "failed"; message: string };

export const VERDICT_LABEL = { verified: "Verified", flagged: "Flagged for review", rejected: "Rejected" } as const;
export const PERIOD_LABEL = { day: "Today", week: "This week", challenge: "Challenge", all: "All time" } as const;
export const TIER_LABEL = { all: "All tiers", free: "Free tier", ultimate: "Ultimate tier" } as const;
const number = new Intl.NumberFormat("en-US");

/** The middle value (the upper one of an even count); null for none. */
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

function ms(value: number | null): string {
  return value === null ? "–" : `${Math.round(value)} ms`;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

/**
 * The figures that mean something for the scenario's kind. The core's `accuracy` is hits / shots for
 * clicking kinds and on-target time / sampled time for tracking and switching, so tracking shows it
 * as time on target, never as a 0 % accuracy.
 */
export function figures(scenario: Scenario, result: RunResult): [string, string][] {
  const kindRows: [string, string][] = isClickingKind(scenario.kind)
    ? [
        ["Accuracy", `${percent(result.accuracy)} (${result.hits} hits / ${result.shots} shots)`],
        ["Kills", String(result.kills)],
      ]
    : [
        ["Time on target", `${percent(result.accuracy)} (${(result.timeOnTargetMs / 1000).toFixed(2)} s)`],
        ...(scenario.kind === "switching" ? ([["Kills", String(result.kills)]] as [string, string][]) : []),
      ];
  return [...kindRows, ["Reaction time (median)", ms(median(result.reactionTimesMs))], ["Time to kill (median)", ms(median(result.timeToKillMs))]];
}

/** "New personal best, +120", "PB 1,234, 56 short", or the first one on the scenario. */
export function personalBestText({ score, personalBest: { previous, improvedBy } }: Pick<RunPlacement, "score" | "personalBest">): string {
  if (previous === null) return "First personal best on this scenario";
  if (improvedBy !== null) return `New personal best, +${number.format(improvedBy)}`;
  if (score === previous) return `PB ${number.format(previous)}, equalled`;
  return `PB ${number.format(previous)}, ${number.format(previous - score)} short`;
}

/** The board a one-line summary names: this week's, across tiers, else the first. */
function headlineBoard(boards: BoardPlacement[]): BoardPlacement | undefined {
  return boards.find((b) => b.period === "week" && b.tier === "all") ?? boards[0];
}

/** The sentence the live region speaks: the score, the verdict, the headline rank, the personal best. */
export function announcement(score: number, answer: ServerAnswer | null, placement: PlacementState | null): string {
  const parts = [`Score ${score}`];
  if (!answer) parts.push("practice run, not ranked");
  else if (answer.state === "pending") parts.push("verifying");
  else if (answer.state === "failed") parts.push(`not submitted: ${answer.failure.message}`);
  else parts.push(VERDICT_LABEL[answer.run.verdict].toLowerCase());
  if (placement?.state === "done") {
    const b = headlineBoard(placement.placement.boards);
    if (b) parts.push(`rank ${b.rank} ${PERIOD_LABEL[b.period].toLowerCase()}`);
    parts.push(personalBestText(placement.placement).toLowerCase());
  }
  return parts.join(", ");
}

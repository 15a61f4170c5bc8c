/** A board: scenario x period (kind + key) x tier filter. */
import type { TierName } from "../../game/core";
import type { PeriodKind, TierFilter } from "../../lib/contracts/boards";

export interface BoardId {
  scenarioId: string;
  periodKind: PeriodKind;
  periodKey: string;
  tier: TierFilter;
}

/** The opaque key of a board in the rank store and in socket.io room names. */
export function boardKey(b: BoardId): string {
  return `${b.scenarioId}|${b.periodKind}|${b.periodKey}|${b.tier}`;
}

/** The tier filters a run on `tier` counts for. */
export function tierFiltersFor(tier: TierName): TierFilter[] {
  return ["all", tier];
}

/** GET /api/runs/:runId/replay: what the replay viewer needs to play a finished run. */
import type { RunEnvironment, Scenario, TierName } from "../../game/core";
import type { Verdict } from "./runs";

export interface ReplayPayload {
  runId: string;
  player: { id: string; handle: string };
  scenario: { id: string; version: string; definition: Scenario };
  /** The run's seed, as stored (8 hex digits). */
  seed: string;
  tier: { name: TierName; fpsCap: number; addedLatencyMs: number };
  /** Sensitivity and FOV the run was played with: cm/360 and DPI are what the replay uses. */
  settings: { cm360: number; dpi: number; hfovDeg: number };
  /** What the client measured, without its user agent. */
  environment: Omit<RunEnvironment, "userAgent">;
  /** The encoded input log (docs/run-log.md), base64. */
  log: string;
  /** What the server stored when the run was finished (score null for a rejected run). */
  stored: { score: number | null; verdict: Verdict; reasonCode: string | null };
  startedAt: string;
  finishedAt: string;
}

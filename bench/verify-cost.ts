/**
 * Part of bench:replay — what verifying a run costs on the worst legal player-made scenario beside
 * the most expensive built-in (docs/scenarios.md, "Limits"; the target is at most 2x). Every
 * scenario gets the same two worst logs of test/support/worst-case.ts: the busiest play (verified in
 * full: decode, replay, checks) and a frame flood (decode and replay, then rejected on the frame cap).
 * Cases are timed in turn, round after round, so load from other work falls on all of them alike;
 * the fastest round is the least disturbed one, so the comparison is made on it.
 */
import { builtInScenarios, encodeLog, parseSeed, type InputLog, type Scenario } from "../game/core";
import { verifyRun } from "../server/runs/verify";
import { environmentFor } from "../test/support/api";
import { busiestPlayLog, frameFloodLog, WORST_KINDS, WORST_TIER, worstScenario } from "../test/support/worst-case";
import { dur, ratio } from "./support";

const SEED = parseSeed("5eed0f1c");
const ROUNDS = 7;

interface Case {
  scenario: Scenario;
  playerMade: boolean;
  shape: "busiest play" | "frame flood";
  bytes: Uint8Array;
  events: number;
  verdict: string;
  times: number[];
}

function verify(scenario: Scenario, bytes: Uint8Array) {
  const startedAt = new Date(0);
  return verifyRun({
    scenario,
    seed: SEED,
    tier: WORST_TIER,
    logBytes: bytes,
    environment: environmentFor(WORST_TIER),
    startedAt,
    finishedAt: new Date(scenario.durationMs + 500),
    expiresAt: new Date(scenario.durationMs + 10_000),
  });
}

const eventsOf = (log: InputLog) => log.mouse.t.length + log.buttons.t.length + log.frames.t.length;

function fastestAndMedian(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { fastestMs: s[0]!, medianMs: s[s.length >> 1]! };
}

function verifyCosts() {
  const scenarios = [...builtInScenarios.map((s) => ({ scenario: s, playerMade: false })), ...WORST_KINDS.map((k) => ({ scenario: worstScenario(k), playerMade: true }))];
  const cases: Case[] = [];
  for (const { scenario, playerMade } of scenarios) {
    for (const [shape, log] of [
      ["busiest play", busiestPlayLog(scenario, SEED)],
      ["frame flood", frameFloodLog(scenario)],
    ] as const) {
      const bytes = encodeLog(log);
      cases.push({ scenario, playerMade, shape, bytes, events: eventsOf(log), verdict: verify(scenario, bytes).verdict, times: [] });
    }
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of cases) {
      const t0 = performance.now();
      verify(c.scenario, c.bytes);
      c.times.push(performance.now() - t0);
    }
  }
  return cases.map((c) => ({ ...c, ...fastestAndMedian(c.times) }));
}

export function benchVerifyCost(): string[] {
  const cases = verifyCosts();
  const lines = [`verification cost per run, worst logs (${WORST_TIER.name} tier, logs at the 256 KB limit), fastest / median of ${ROUNDS} rounds:`];
  for (const c of cases) {
    lines.push(
      `  ${c.playerMade ? "player-made" : "built-in"} ${c.scenario.id}, ${c.shape} (${c.events} events, ${(c.bytes.length / 1024).toFixed(0)} KB, ${c.verdict}): ${dur(c.fastestMs)} / ${dur(c.medianMs)}`,
    );
  }
  for (const shape of ["busiest play", "frame flood"] as const) {
    const worst = (playerMade: boolean) => cases.filter((c) => c.shape === shape && c.playerMade === playerMade).reduce((a, b) => (b.fastestMs > a.fastestMs ? b : a));
    const player = worst(true);
    const builtIn = worst(false);
    lines.push(
      `  ${shape}: worst player-made ${player.scenario.id} ${dur(player.fastestMs)} vs most expensive built-in ${builtIn.scenario.id} ${dur(builtIn.fastestMs)}: ${ratio(player.fastestMs, builtIn.fastestMs)} (target ≤ 2×)`,
    );
  }
  return lines;
}

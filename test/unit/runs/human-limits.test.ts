/**
 * The human-limits model against honest play: a generated sample of human-like runs at three skill
 * levels on every kind of scenario and both tiers is verified (at least 97 %, the calibration's
 * goal; `npm run anticheat:calibrate` runs the full 300-per-scenario sample), and the ceilings sit
 * between the best honest play and the attacks of issue 10.
 */
import { describe, expect, it } from "vitest";
import { encodeLog, Rng, TIERS, toBase64 } from "../../../game/core";
import { demoEnvironment, runHuman, SKILL_LEVELS } from "../../../server/demo/human-player";
import { HUMAN, scenarioLimits } from "../../../server/runs/human-limits";
import { verifyRun } from "../../../server/runs/verify";
import { scenario, SETTINGS, shortened } from "../../support/bots";

describe("human limits", () => {
  it("verifies at least 97 % of a generated honest sample", () => {
    const scenarios = ["gridshot-sprint", "strafe-shot", "smooth-track", "switch-track"].map((id) => shortened(id, 10_000));
    let runs = 0;
    const notVerified: string[] = [];
    for (const sc of scenarios) {
      for (const tier of [TIERS.free, TIERS.ultimate]) {
        for (const skill of SKILL_LEVELS) {
          for (let k = 0; k < 2; k++) {
            const seed = 0x1000 + k * 977 + runs;
            const { sim } = runHuman(sc, seed, tier, new Rng(seed, 5), SETTINGS, skill);
            const v = verifyRun({
              scenario: sc,
              seed,
              tier,
              logBase64: toBase64(encodeLog(sim.log())),
              environment: demoEnvironment(tier),
              startedAt: new Date(0),
              finishedAt: new Date(sc.durationMs + 1500),
              expiresAt: new Date(sc.durationMs + 120_000),
            });
            runs++;
            if (v.verdict !== "verified") notVerified.push(`${sc.id} ${tier.name} ${skill}: ${v.reasonCode}`);
          }
        }
      }
    }
    expect(runs).toBe(48);
    expect(notVerified.length / runs, notVerified.join("; ")).toBeLessThanOrEqual(0.03);
  }, 30_000);

  it("puts gridshot's ceilings between the best honest players and the pipelining bot", () => {
    const limits = scenarioLimits(scenario("gridshot"), TIERS.ultimate);
    expect(limits.killsPerSecond.plausible).toBeLessThan(limits.killsPerSecond.provable);
    expect(limits.acquisitionMs!.plausible).toBeGreaterThan(limits.acquisitionMs!.provable);
    // The bot killed every ~55 ms; its best run scored 105,200.
    expect(1000 / 55).toBeGreaterThan(limits.killsPerSecond.provable);
    expect(limits.plausibleScore).toBeLessThan(105_200);
    // The elite simulated player stays well below the ceiling.
    const elite = runHuman(scenario("gridshot"), 77, TIERS.ultimate, new Rng(77), SETTINGS, "elite").result;
    expect(elite.kills / 60).toBeLessThan(limits.killsPerSecond.plausible * 0.7);
  });

  it("derives the ceilings from each scenario's geometry", () => {
    const grid = scenarioLimits(scenario("gridshot"), TIERS.free);
    const strafe = scenarioLimits(scenario("strafe-shot"), TIERS.free);
    // One target at a time, smaller and further apart: every kill needs a reaction and a longer movement.
    expect(strafe.typicalId).toBeGreaterThan(grid.typicalId);
    expect(strafe.killsPerSecond.plausible).toBeLessThan(grid.killsPerSecond.plausible / 2);
    expect(strafe.acquisitionMs!.provable).toBeGreaterThanOrEqual(HUMAN.reactionMs.provable);
    // Tracking has no kill ceiling of its own; switching's comes from the targets' health.
    expect(scenarioLimits(scenario("smooth-track"), TIERS.free).acquisitionMs).toBeNull();
    expect(scenarioLimits(scenario("switch-track"), TIERS.free).killsPerSecond.provable).toBeLessThan(1);
  });
});

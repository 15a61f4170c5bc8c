/**
 * The verification pipeline on generated logs: a human-like run is verified with the score the
 * core computes; each kind of impossible or malformed log is refused with its own reason code.
 */
import { describe, expect, it } from "vitest";
import {
  createInputLog,
  decodeLog,
  encodeLog,
  getScenario,
  Rng,
  TIERS,
  toBase64,
  type InputLog,
  type Tier,
} from "../../../game/core";
import { verifyRun, MAX_LOG_BYTES, type VerifyInput } from "../../../server/runs/verify";
import { environmentFor } from "../../support/api";
import { frameSchedule, runClickBot, runHumanClicker } from "../../support/bots";

const sprint = getScenario("gridshot-sprint")!;
const SEED = 0x5eed1234;
const started = new Date("2026-11-26T12:00:00Z");

function input(log: InputLog | string, overrides: Partial<VerifyInput> = {}, tier: Tier = TIERS.free): VerifyInput {
  return {
    scenario: sprint,
    seed: SEED,
    tier,
    logBase64: typeof log === "string" ? log : toBase64(encodeLog(log)),
    environment: environmentFor(tier),
    startedAt: started,
    finishedAt: new Date(started.getTime() + sprint.durationMs + 3000),
    expiresAt: new Date(started.getTime() + sprint.durationMs + 120_000),
    ...overrides,
  };
}

/** Frames for the whole run at the tier cap, plus whatever mouse/button events are given. */
function logWith(parts: { mouse?: [number, number, number][]; buttons?: [number, number, boolean][] }, fps = 60): InputLog {
  return createInputLog({ frames: frameSchedule(fps, sprint.durationMs), ...parts });
}

describe("verifyRun", () => {
  it("verifies human-like runs on both tiers with the score the core computes", () => {
    for (const [i, tier] of [TIERS.free, TIERS.ultimate].entries()) {
      for (let k = 0; k < 3; k++) {
        const human = runHumanClicker(sprint, SEED + k, tier, new Rng(100 + k + i * 10));
        const v = verifyRun({ ...input(human.sim.log(), {}, tier), seed: SEED + k });
        expect(v.findings).toEqual([]);
        expect(v.verdict).toBe("verified");
        expect(v.result!.score).toBe(human.result.score);
        expect(human.result.hits).toBeGreaterThan(10);
      }
    }
  });

  it("rejects a perfect aimbot (instant, exact flicks)", () => {
    const bot = runClickBot(sprint, SEED, TIERS.free);
    expect(bot.result.hits).toBeGreaterThan(50);
    const v = verifyRun(input(bot.sim.log()));
    expect(v.verdict).toBe("rejected");
    expect(v.findings.map((f) => f.code)).toContain("aimbot_pattern");
  });

  it("refuses logs that are too large, undecodable, out of order or outside the run", () => {
    expect(verifyRun(input("A".repeat(Math.ceil(MAX_LOG_BYTES / 3) * 4 + 4))).reasonCode).toBe("log_too_large");
    expect(verifyRun(input("bm90IGEgbG9n")).reasonCode).toBe("log_undecodable");
    const good = encodeLog(logWith({ mouse: [[5, 1, 0], [6, 1, 0]] }));
    const garbled = good.slice();
    garbled[0] = 0;
    expect(verifyRun(input(toBase64(garbled))).reasonCode).toBe("log_undecodable");
    expect(verifyRun(input(logWith({ mouse: [[sprint.durationMs + 5, 1, 0]] }))).reasonCode).toBe("log_outside_run");
    // Two mouse records 1 ms apart, the second rewritten as a medium record whose dt decodes to -1 ms.
    const ordered = encodeLog(createInputLog({ mouse: [[1, 1, 0], [2, 1, 0]] }));
    const backwards = new Uint8Array([...ordered.slice(0, ordered.length - 2), 0x80, 0x81, 0x80]);
    expect(() => decodeLog(backwards)).toThrow(expect.objectContaining({ code: "out_of_order" }));
    expect(verifyRun(input(toBase64(backwards))).reasonCode).toBe("log_out_of_order");
    expect(verifyRun(input(createInputLog({ frames: frameSchedule(60, 5000) }))).reasonCode).toBe("log_incomplete");
  });

  it("refuses frames faster than the tier allows and a different tier profile", () => {
    expect(verifyRun(input(logWith({}, 240))).reasonCode).toBe("frame_cap_exceeded");
    const v = verifyRun({ ...input(logWith({})), environment: environmentFor(TIERS.ultimate) });
    expect(v.reasonCode).toBe("tier_mismatch");
  });

  it("refuses a run finished faster than the run lasts (speed hack) and one finished after expiry", () => {
    const log = runHumanClicker(sprint, SEED, TIERS.free, new Rng(7)).sim.log();
    const early = verifyRun(input(log, { finishedAt: new Date(started.getTime() + sprint.durationMs / 2) }));
    expect(early.reasonCode).toBe("clock_mismatch");
    const late = verifyRun(input(log, { finishedAt: new Date(started.getTime() + sprint.durationMs + 121_000) }));
    expect(late.reasonCode).toBe("run_expired");
  });

  it("refuses impossible input: click rate, aim speed, repeated movement", () => {
    const clicks: [number, number, boolean][] = [];
    for (let t = 1000; t < 2000; t += 40) clicks.push([t, 0, true], [t + 10, 0, false]);
    expect(verifyRun(input(logWith({ buttons: clicks }))).reasonCode).toBe("click_rate");

    // 10,000 counts in 2 ms at 800 DPI: 32 cm of mouse travel, 16 m/s even spread over 20 ms.
    expect(verifyRun(input(logWith({ mouse: [[500, 5000, 0], [501, 5000, 0]] }))).reasonCode).toBe("angular_speed");

    const pattern: [number, number][] = [[3, 1], [5, -2], [-4, 2], [7, 0], [2, 3], [-6, -1], [4, 4], [1, -3]];
    const macro: [number, number, number][] = [];
    for (let i = 0; i < 32 * 4; i++) {
      const [dx, dy] = pattern[i % pattern.length]!;
      macro.push([2000 + i * 2 + ((i >> 5) * 500), dx * 3, dy * 3]);
    }
    expect(verifyRun(input(logWith({ mouse: macro }))).reasonCode).toBe("repeated_input");
  });

  it("flags or rejects reactions faster than 100 ms to freshly shown targets", () => {
    // The perfect bot presses one tick after a target is shown: every reaction is ~0 ms.
    const v = verifyRun(input(runClickBot(sprint, SEED, TIERS.ultimate).sim.log(), {}, TIERS.ultimate));
    expect(v.findings.map((f) => f.code)).toContain("inhuman_reaction");
  });
});

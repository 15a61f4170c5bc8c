/**
 * Issue 10's attacks, one test per weakness: each builds the attack as a cheater would
 * (test/support/attacks.ts) and sees it rejected or flagged, with the evidence for admins and a
 * player's sentence that gives nothing away.
 */
import { describe, expect, it } from "vitest";
import { Rng, TIERS, type Scenario, type Tier } from "../../../game/core";
import { PLAYER_MESSAGES } from "../../../server/runs/findings";
import { ATTACKS, judge, type Outcome } from "../../support/attacks";
import { scenario, shortened } from "../../support/bots";

const sprint = scenario("gridshot-sprint");
const strafe = shortened("strafe-shot", 20_000);
const smooth = shortened("smooth-track", 20_000);
const switching = shortened("switch-track", 20_000);

function attack(name: string, sc: Scenario, tier: Tier, seed = 0x5eed) {
  const a = ATTACKS.find((x) => x.name === name);
  if (!a) throw new Error(`no attack ${name}`);
  const submission = a.build(sc, seed, tier, new Rng(seed, 99));
  return { submission, ...judge(sc, seed, tier, submission) };
}

const codes = (v: ReturnType<typeof attack>) => v.verification?.findings.map((f) => `${f.code}/${f.severity}`) ?? [];

describe("issue 10 attacks", () => {
  it("pipelining: shooting the oldest of several targets every ~55 ms is rejected", () => {
    for (const tier of [TIERS.free, TIERS.ultimate]) {
      const v = attack("pipelining bot", sprint, tier);
      expect(v.outcome).toBe("rejected");
      expect(codes(v)).toContain("kill_rate/reject");
      expect(codes(v)).toContain("target_acquisition/reject");
      // What used to let it through: hits land long after their targets appeared, so the
      // reaction check alone does not reject it (a few overlapping targets may raise a flag).
      expect(codes(v)).not.toContain("inhuman_reaction/reject");
    }
  });

  it("flicks: a few-event jump with a fake overshoot and correction is rejected", () => {
    for (const sc of [sprint, strafe]) {
      const v = attack("flick bot with fake overshoot", sc, TIERS.ultimate);
      expect(v.outcome).toBe("rejected");
      expect(codes(v)).toContain("movement_time/reject");
      expect(codes(v).some((c) => c.startsWith("aimbot_pattern"))).toBe(false); // it passes the old check
    }
  });

  it("a human-like bot beyond the plausible ceiling is flagged", () => {
    const v = attack("human-like bot, 2.5x faster than elite", scenario("gridshot"), TIERS.ultimate);
    expect(v.outcome).toBe("flagged");
  });

  it("tracking: a bot that predicts the path from the seed is rejected, with or without added lag", () => {
    for (const sc of [smooth, switching]) {
      for (const name of ["seed-predicting tracking bot", "seed-predicting tracking bot with 40 ms lag"]) {
        const v = attack(name, sc, TIERS.free);
        expect(v.outcome, `${sc.id} ${name}`).toBe("rejected");
        expect(codes(v)).toContain("tracking_smoothness/reject");
      }
    }
  });

  it("tracking: the same bot with noise added is still caught by its missing lag", () => {
    const v = attack("seed-predicting tracking bot with noise", smooth, TIERS.ultimate);
    expect(["flagged", "rejected"]).toContain(v.outcome);
    expect(codes(v)).toContain("tracking_anticipation/flag");
  });

  it("slow motion: a run played at half speed arrives after the run expired on the server's clock", () => {
    for (const sc of [sprint, smooth]) {
      const v = attack("slow motion (1/2 speed)", sc, TIERS.ultimate);
      expect(v.outcome).toBe("rejected");
      expect(v.verification!.reasonCode).toBe("run_expired");
    }
  });

  it("tier: a free run played with Ultimate's latency is rejected", () => {
    expect(attack("Ultimate latency claimed on a free run", sprint, TIERS.free).verification!.reasonCode).toBe("tier_mismatch");
  });

  it("log identity: non-canonical base64 is refused", () => {
    for (const name of ["non-canonical base64 (trailing bits)", "non-canonical base64 (whitespace, URL-safe)"]) {
      expect(attack(name, sprint, TIERS.free).verification!.reasonCode).toBe("log_undecodable");
    }
  });

  it("environment: out-of-range values are refused; a sensitivity change is recorded for review", () => {
    expect(attack("environment out of human range", sprint, TIERS.free).outcome).toBe("refused");
    const changed = attack("sensitivity changed since the last run", sprint, TIERS.free);
    expect(changed.outcome).toBe("verified");
    expect(codes(changed)).toEqual(["environment_change/review"]);
  });

  it("a personal best far above the player's history is flagged", () => {
    const v = attack("personal best far above the player's history", sprint, TIERS.free);
    expect(v.outcome).toBe("flagged");
    expect(v.verification!.reasonCode).toBe("personal_best_jump");
  });

  it("no oracle: players read a fixed sentence per code, the numbers are evidence for admins", () => {
    for (const message of Object.values(PLAYER_MESSAGES)) expect(message).not.toMatch(/\d/);
    const outcomes = new Set<Outcome>();
    for (const [name, sc] of [
      ["pipelining bot", sprint],
      ["flick bot with fake overshoot", sprint],
      ["seed-predicting tracking bot", smooth],
      ["slow motion (1/2 speed)", sprint],
    ] as const) {
      const v = attack(name, sc, TIERS.free);
      outcomes.add(v.outcome);
      for (const f of v.verification!.findings) {
        expect(f.message).toBe(PLAYER_MESSAGES[f.code]);
        expect(f.evidence && Object.keys(f.evidence).length).toBeGreaterThan(0);
      }
    }
    expect(outcomes).toEqual(new Set(["rejected"]));
  });
});

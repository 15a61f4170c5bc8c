/**
 * The conditions a run is held to besides its log: one identity per log (strict base64, the hash
 * of the decoded bytes), the server's clock on both sides, environment bounds and changes, and a
 * personal best far above the player's history.
 */
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { encodeLog, LogDecodeError, Rng, runEnvironmentSchema, TIERS, toBase64 } from "../../../game/core";
import { demoEnvironment } from "../../../server/demo/human-player";
import {
  decodeSubmittedLog,
  environmentChangeFindings,
  personalBestFinding,
  serverClockFindings,
} from "../../../server/runs/conditions";
import { verifyRun } from "../../../server/runs/verify";
import { withTrailingBits } from "../../support/attacks";
import { runHumanClicker, scenario } from "../../support/bots";

const sprint = scenario("gridshot-sprint");

describe("log identity", () => {
  const bytes = encodeLog(runHumanClicker(sprint, 3, TIERS.free, new Rng(3)).sim.log());
  const text = toBase64(bytes);

  it("hashes the decoded bytes, not the text", () => {
    const decoded = decodeSubmittedLog(text);
    expect(decoded.bytes).toEqual(bytes);
    expect(decoded.sha256).toBe(crypto.createHash("sha256").update(bytes).digest("hex"));
    expect(decoded.sha256).not.toBe(crypto.createHash("sha256").update(text).digest("hex"));
  });

  it("refuses every non-canonical spelling of the same bytes", () => {
    // Bytes whose text needs padding, and texts that a lenient decoder (Node's Buffer) reads as them.
    const padded = toBase64(bytes.subarray(0, bytes.length - (bytes.length % 3 === 0 ? 1 : 0)));
    expect(decodeSubmittedLog(padded).bytes.length).toBeGreaterThan(0);
    const variants = [
      withTrailingBits(padded)!, // non-zero bits after the last byte
      `${padded.slice(0, 40)}\n${padded.slice(40)}`, // whitespace
      ` ${padded}`,
      padded.replace(/=+$/, ""), // missing padding
      `${padded}=`, // extra padding
    ];
    const urlSafe = padded.replace(/\+/g, "-").replace(/\//g, "_");
    if (urlSafe !== padded) variants.push(urlSafe); // the URL-safe alphabet
    for (const v of variants) {
      expect(() => decodeSubmittedLog(v), JSON.stringify(v.slice(-8))).toThrow(LogDecodeError);
      const lenient = Buffer.from(v.replace(/-/g, "+").replace(/_/g, "/"), "base64");
      expect(lenient.length).toBeGreaterThan(0);
    }
  });

  it("verifyRun replays exactly the bytes whose hash identifies the run", () => {
    const common = {
      scenario: sprint,
      seed: 3,
      tier: TIERS.free,
      environment: demoEnvironment(TIERS.free),
      startedAt: new Date(0),
      finishedAt: new Date(sprint.durationMs + 2000),
      expiresAt: new Date(sprint.durationMs + 120_000),
    };
    const fromBytes = verifyRun({ ...common, logBytes: decodeSubmittedLog(text).bytes });
    const fromText = verifyRun({ ...common, logBase64: text });
    expect(fromBytes.verdict).toBe("verified");
    expect(fromText.result!.score).toBe(fromBytes.result!.score);
    expect(verifyRun({ ...common, logBase64: withTrailingBits(toBase64(bytes.subarray(0, bytes.length - 1))) ?? `${text}\n` }).reasonCode).toBe("log_undecodable");
  });
});

describe("server clock", () => {
  const start = new Date(0);
  it("rejects a finish sooner than the run lasts", () => {
    expect(serverClockFindings(60_000, start, new Date(60_500))).toEqual([]);
    expect(serverClockFindings(60_000, start, new Date(58_300))).toEqual([]);
    expect(serverClockFindings(60_000, start, new Date(30_000))[0]).toMatchObject({ code: "clock_mismatch", severity: "reject" });
  });

  it("rejects a finish after the run expired (its duration plus the allowance), with the numbers for admins only", () => {
    const common = { scenario: sprint, seed: 3, tier: TIERS.free, environment: demoEnvironment(TIERS.free), logBase64: "AAAA", startedAt: start };
    const late = verifyRun({ ...common, finishedAt: new Date(sprint.durationMs + 10_001), expiresAt: new Date(sprint.durationMs + 10_000) });
    expect(late).toMatchObject({ verdict: "rejected", reasonCode: "run_expired" });
    expect(late.findings[0]!.evidence).toEqual({ elapsedMs: sprint.durationMs + 10_001, allowedMs: sprint.durationMs + 10_000 });
    expect(late.findings[0]!.message).not.toMatch(/\d/);
  });
});

describe("environment", () => {
  const env = demoEnvironment(TIERS.ultimate);
  it("accepts a real setup and refuses values no person's setup has", () => {
    expect(runEnvironmentSchema.safeParse(env).success).toBe(true);
    const bad = [
      { cm360: 1 },
      { cm360: 500 },
      { dpi: 64_000 },
      { dpi: 50 },
      { refreshHz: 5 },
      { refreshHz: 2000 },
      { userAgent: "x".repeat(401) },
      { userAgent: "bot\u0000" },
      { devicePixelRatio: 12 },
      { spikesDropped: 1e7 },
    ];
    for (const change of bad) expect(runEnvironmentSchema.safeParse({ ...env, ...change }).success, JSON.stringify(change)).toBe(false);
    expect(runEnvironmentSchema.safeParse({ ...env, refreshHz: 0 }).success).toBe(true);
  });

  it("records a change of cm/360 or DPI between runs for review, and nothing otherwise", () => {
    expect(environmentChangeFindings(null, env)).toEqual([]);
    expect(environmentChangeFindings({ cm360: env.cm360, dpi: env.dpi }, env)).toEqual([]);
    const [change] = environmentChangeFindings({ cm360: 45, dpi: env.dpi }, env);
    expect(change).toMatchObject({ code: "environment_change", severity: "review" });
    expect(change!.evidence).toMatchObject({ previousCm360: 45, cm360: env.cm360 });
    expect(environmentChangeFindings({ cm360: env.cm360, dpi: 1600 }, env)[0]?.code).toBe("environment_change");
  });

  it("a review note leaves the verdict alone", () => {
    const log = runHumanClicker(sprint, 5, TIERS.ultimate, new Rng(5)).sim.log();
    const v = verifyRun({
      scenario: sprint,
      seed: 5,
      tier: TIERS.ultimate,
      logBase64: toBase64(encodeLog(log)),
      environment: env,
      startedAt: new Date(0),
      finishedAt: new Date(sprint.durationMs + 2000),
      expiresAt: new Date(sprint.durationMs + 120_000),
      previousSensitivity: { cm360: 45, dpi: 400 },
    });
    expect(v.verdict).toBe("verified");
    expect(v.reasonCode).toBeNull();
    expect(v.findings.map((f) => f.code)).toEqual(["environment_change"]);
  });
});

describe("personal best", () => {
  it("flags a score over 1.5x the best of at least 5 prior verified runs", () => {
    expect(personalBestFinding(10_000, { best: 6000, runs: 4 })).toBeNull(); // too few runs
    expect(personalBestFinding(9000, { best: 6000, runs: 5 })).toBeNull(); // exactly 1.5x
    const jump = personalBestFinding(9001, { best: 6000, runs: 5 });
    expect(jump).toMatchObject({ code: "personal_best_jump", severity: "flag", evidence: { previousBest: 6000, priorRuns: 5 } });
  });
});

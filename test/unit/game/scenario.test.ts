import { describe, expect, it } from "vitest";
import {
  ScenarioError,
  builtInScenarios,
  canonicalJson,
  getScenario,
  parseScenario,
  scenarioHash,
  sha256Hex,
} from "../../../game/core/index";
import gridshotJson from "../../../game/scenarios/gridshot.json";

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe("scenarios", () => {
  it("ships four valid built-ins, one per kind", () => {
    expect(builtInScenarios.map((s) => s.id)).toEqual(["gridshot", "gridshot-sprint", "strafe-shot", "smooth-track", "switch-track"]);
    expect(new Set(builtInScenarios.map((s) => s.kind))).toEqual(
      new Set(["clicking-static", "clicking-dynamic", "tracking", "switching"]),
    );
    for (const s of builtInScenarios) {
      expect(s.schemaVersion).toBe(1);
      expect(getScenario(s.id)).toBe(s);
    }
    expect(getScenario("nope")).toBeUndefined();
  });

  it("rejects bad scenarios with a clear zod message", () => {
    const bad = clone(gridshotJson) as Record<string, unknown>;
    (bad.targets as Record<string, unknown>).radius = -1;
    expect(() => parseScenario(bad)).toThrow(ScenarioError);
    try {
      parseScenario(bad);
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain('Invalid scenario "gridshot"');
      expect(msg).toContain("targets.radius");
      expect(msg).toMatch(/>\s*0|positive|greater/i);
    }

    const moving = clone(gridshotJson) as Record<string, unknown>;
    moving.motion = { type: "strafe", pattern: "bounce", speedDegPerSec: 10, amplitudeDeg: 5 };
    expect(() => parseScenario(moving)).toThrow(/clicking-static scenarios need motion.type "none"/);

    const extra = { ...clone(gridshotJson), color: "red" };
    expect(() => parseScenario(extra)).toThrow(/color/);

    const v2 = { ...clone(gridshotJson), schemaVersion: 2 };
    expect(() => parseScenario(v2)).toThrow(/schemaVersion/);

    const badId = { ...clone(gridshotJson), id: "Grid Shot" };
    expect(() => parseScenario(badId)).toThrow(/lowercase slug/);

    const switching = { ...clone(getScenario("switch-track")!), targets: { ...getScenario("switch-track")!.targets, count: 1 } };
    expect(() => parseScenario(switching)).toThrow(/at least 2 targets/);

    expect(() => parseScenario(null)).toThrow(ScenarioError);
  });

  it("hashes canonically and stably", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("a".repeat(1000))).toBe("41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
    expect(sha256Hex("é€😀")).toBe("df9226927fd572c1ee66eec85de1bb139497614899f36e4e90474cb71f6ef9d0");
    expect(sha256Hex("x".repeat(55))).toBe("d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072");
    expect(sha256Hex("x".repeat(56))).toBe("04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e");
    expect(sha256Hex("x".repeat(64))).toBe("7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c");

    // Pinned: changing a built-in scenario changes its hash (and must be deliberate).
    expect(Object.fromEntries(builtInScenarios.map((s) => [s.id, scenarioHash(s)]))).toEqual({
      gridshot: "c5e1fdf373376bdb4ca02b3ea98284f785167bf40c742ba91184c4715db57870",
      "gridshot-sprint": "ed0f675b1b544cff59dbdc10ea1c18dd52f7cd1df3f94ba29ef0f3f160c8e56e",
      "strafe-shot": "0eaf17ffca7a8a5fe8c5a37b19dc4cf406255000a3f5b54716d0a30ecdd25f98",
      "smooth-track": "fd19118a42e0b2e1513f8cc049defe784ac233a50be9d08c8def942979541e28",
      "switch-track": "17d87e2a06f01530a57dd0c589957adc653015fb3a466d39fe4b6cc1de1482d9",
    });

    // Key order does not matter, content does.
    const g = getScenario("gridshot")!;
    const reversed = JSON.parse(
      JSON.stringify(g, (_k, v: unknown) =>
        v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
      ),
    ) as unknown;
    expect(scenarioHash(parseScenario(reversed))).toBe(scenarioHash(g));
    expect(scenarioHash(parseScenario({ ...g, durationMs: 30000 }))).not.toBe(scenarioHash(g));
    expect(canonicalJson({ b: 1, a: [2, { d: null, c: "x" }] })).toBe('{"a":[2,{"c":"x","d":null}],"b":1}');
  });
});

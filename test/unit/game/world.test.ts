import { describe, expect, it } from "vitest";
import {
  DEG,
  PITCH_LIMIT_RAD,
  aimDirection,
  anglesToward,
  cm360FromGame,
  countsPer360,
  maxPitchCounts,
  radiansPerCount,
  raySphere,
  runSettings,
  spawnPosition,
  targetPosition,
  vec3,
  verticalFovFromHorizontal,
} from "../../../game/core/index";
import { scenario } from "../../support/bots";

describe("aim model", () => {
  it("looks down -Z at yaw = pitch = 0; yaw right, pitch up", () => {
    const d = vec3();
    expect(aimDirection(0, 0, d)).toEqual({ x: 0, y: 0, z: -1 });
    aimDirection(90 * DEG, 0, d);
    expect(d.x).toBeCloseTo(1, 15);
    expect(d.z).toBeCloseTo(0, 15);
    aimDirection(0, 45 * DEG, d);
    expect(d.y).toBeCloseTo(Math.SQRT1_2, 15);
    expect(d.z).toBeCloseTo(-Math.SQRT1_2, 15);
    const a = anglesToward(aimDirection(0.3, -0.2, d), { yaw: 0, pitch: 0 });
    expect(a.yaw).toBeCloseTo(0.3, 14);
    expect(a.pitch).toBeCloseTo(-0.2, 14);
  });

  it("runs with cm/360 and dpi only, each in its range", () => {
    const playerSettings = { cm360: 30, dpi: 800, hfovDeg: 103 };
    expect(runSettings(playerSettings)).toEqual({ cm360: 30, dpi: 800 });
    expect(() => runSettings({ cm360: 0.5, dpi: 800 })).toThrow("cm360 must be from 1 to 1000, not 0.5");
    expect(() => runSettings({ cm360: Number.NaN, dpi: 800 })).toThrow(RangeError);
    expect(() => runSettings({ cm360: 30, dpi: 800.5 })).toThrow("dpi must be a whole number from 50 to 64000, not 800.5");
    expect(() => runSettings({ cm360: 30, dpi: 70_000 })).toThrow(RangeError);
  });

  it("derives radians per count from cm/360 and dpi", () => {
    const s = { cm360: 30, dpi: 800 };
    expect(countsPer360(s)).toBeCloseTo(9448.818897637795, 9);
    expect(radiansPerCount(s) * countsPer360(s)).toBeCloseTo(2 * Math.PI, 12);
    const rpc = radiansPerCount(s);
    expect(maxPitchCounts(rpc) * rpc).toBeLessThanOrEqual(PITCH_LIMIT_RAD);
    expect((maxPitchCounts(rpc) + 1) * rpc).toBeGreaterThan(PITCH_LIMIT_RAD);
  });

  it("converts game sensitivities and FOV", () => {
    expect(cm360FromGame("source", 1, 800)).toBeCloseTo(51.954545, 5);
    expect(cm360FromGame("overwatch", 5, 800)).toBeCloseTo(34.636364, 5);
    expect(cm360FromGame("valorant", 0.3, 800)).toBeCloseTo(54.428571, 5);
    expect(verticalFovFromHorizontal(90, 16 / 9)).toBeCloseTo(58.7155, 3);
    expect(verticalFovFromHorizontal(90, 1)).toBeCloseTo(90, 10);
  });

  it("hit-tests rays against spheres, boundary included", () => {
    expect(raySphere(0, 0, -1, 0, 0, -10, 1)).toBe(10);
    expect(raySphere(0, 0, -1, 0.999, 0, -10, 1)).toBe(10);
    expect(raySphere(0, 0, -1, 1, 0, -10, 1)).toBe(10); // exactly tangent: hit
    expect(raySphere(0, 0, -1, 1.0000001, 0, -10, 1)).toBe(-1);
    expect(raySphere(0, 0, -1, 0, 0, 10, 1)).toBe(-1); // behind
  });
});

describe("spawns and motion", () => {
  it("places static spawns inside the spawn area at the scenario distance", () => {
    const sc = scenario("gridshot");
    const p = vec3();
    const a = { yaw: 0, pitch: 0 };
    for (let k = 0; k < 500; k++) {
      spawnPosition(sc, 99, k, p);
      expect(Math.hypot(p.x, p.y, p.z)).toBeCloseTo(sc.targets.distance, 10);
      anglesToward(p, a);
      expect(Math.abs(a.yaw)).toBeLessThanOrEqual(sc.spawn.halfWidthDeg * DEG + 1e-12);
      expect(Math.abs(a.pitch)).toBeLessThanOrEqual(sc.spawn.halfHeightDeg * DEG + 1e-12);
      // static: position does not depend on time
      const q = targetPosition(sc, 99, k, 1000, 5000, vec3());
      expect(q).toEqual(p);
    }
  });

  it("computes spawn k without the others (pure in seed, k)", () => {
    const sc = scenario("switch-track");
    const a = targetPosition(sc, 5, 42, 100, 900, vec3());
    for (let k = 0; k < 42; k++) targetPosition(sc, 5, k, 0, 10, vec3());
    expect(targetPosition(sc, 5, 42, 100, 900, vec3())).toEqual(a);
    expect(targetPosition(sc, 6, 42, 100, 900, vec3())).not.toEqual(a);
    expect(targetPosition(sc, 5, 43, 100, 900, vec3())).not.toEqual(a);
    // depends on time since spawn only
    expect(targetPosition(sc, 5, 42, 1100, 1900, vec3())).toEqual(a);
  });

  it("strafes within its amplitude at its speed", () => {
    const sc = scenario("strafe-shot");
    const m = sc.motion;
    if (m.type !== "strafe") throw new Error("expected strafe");
    const a = { yaw: 0, pitch: 0 };
    for (let k = 0; k < 8; k++) {
      const start = anglesToward(spawnPosition(sc, 3, k), { yaw: 0, pitch: 0 });
      let prevYaw = start.yaw;
      let maxOff = 0;
      for (let t = 2; t <= 5000; t += 2) {
        anglesToward(targetPosition(sc, 3, k, 0, t, vec3()), a);
        expect(Math.abs(a.yaw - prevYaw)).toBeLessThanOrEqual((2 * m.speedDegPerSec * DEG) / 1000 + 1e-9);
        expect(a.pitch).toBeCloseTo(start.pitch, 12);
        prevYaw = a.yaw;
        maxOff = Math.max(maxOff, Math.abs(a.yaw - start.yaw));
      }
      expect(maxOff).toBeLessThanOrEqual(2 * m.amplitudeDeg * DEG + 1e-9);
      expect(maxOff).toBeGreaterThan(0.1 * DEG);
    }
  });

  it("moves smoothly for smooth motion", () => {
    const sc = scenario("smooth-track");
    const p = vec3();
    const q = vec3();
    targetPosition(sc, 8, 0, 0, 0, p);
    let moved = 0;
    for (let t = 10; t <= 10000; t += 10) {
      targetPosition(sc, 8, 0, 0, t, q);
      const step = Math.hypot(q.x - p.x, q.y - p.y, q.z - p.z);
      expect(step).toBeLessThan(0.5); // no jumps (< ~1.4° per 10 ms)
      moved += step;
      p.x = q.x;
      p.y = q.y;
      p.z = q.z;
    }
    expect(moved).toBeGreaterThan(20);
  });
});

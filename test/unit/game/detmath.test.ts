import { describe, expect, it } from "vitest";
import { HALF_PI, PI, Rng, dcos, dsin } from "../../../game/core/index";

describe("dsin / dcos", () => {
  const rng = new Rng(12345, 0);
  const samples: number[] = [0, -0, 1e-9, -1e-9, 1e-300, 0.5, 1, 2, 3, PI, HALF_PI, -HALF_PI, 2 * PI, 100 * PI, 1e5];
  for (let i = 0; i < 20000; i++) samples.push(rng.range(-10, 10));
  for (let i = 0; i < 5000; i++) samples.push(rng.range(-1e5, 1e5));
  for (let k = -50; k <= 50; k++) samples.push(k * HALF_PI, k * HALF_PI + 1e-7, k * HALF_PI - 1e-7);

  it("matches Math.sin/Math.cos within 1e-15 absolute", () => {
    let worst = 0;
    for (const x of samples) {
      worst = Math.max(worst, Math.abs(dsin(x) - Math.sin(x)), Math.abs(dcos(x) - Math.cos(x)));
    }
    expect(worst).toBeLessThan(1e-15);
  });

  it("has relative error < 1e-12 away from zeros", () => {
    for (const x of samples) {
      const s = Math.sin(x);
      const c = Math.cos(x);
      if (Math.abs(s) > 1e-3) expect(Math.abs(dsin(x) - s) / Math.abs(s)).toBeLessThan(1e-12);
      if (Math.abs(c) > 1e-3) expect(Math.abs(dcos(x) - c) / Math.abs(c)).toBeLessThan(1e-12);
    }
  });

  it("is exact where it should be and odd/even", () => {
    expect(dsin(0)).toBe(0);
    expect(Object.is(dsin(-0), -0)).toBe(true);
    expect(dcos(0)).toBe(1);
    expect(dsin(1e-300)).toBe(1e-300);
    for (const x of samples.slice(0, 2000)) {
      expect(dsin(-x)).toBe(-dsin(x));
      expect(dcos(-x)).toBe(dcos(x));
    }
  });

  it("returns NaN for non-finite input", () => {
    expect(dsin(Infinity)).toBeNaN();
    expect(dcos(-Infinity)).toBeNaN();
    expect(dsin(NaN)).toBeNaN();
  });

  it("pins a few exact outputs (cross-engine regression)", () => {
    // Bit-exact values produced by this implementation; any engine must agree.
    expect([dsin(1), dcos(1), dsin(0.5), dcos(2.5), dsin(1234.5678)]).toEqual(PINNED);
  });
});

const PINNED = [0.8414709848078965, 0.5403023058681398, 0.479425538604203, -0.8011436155469337, 0.07803344920002027];

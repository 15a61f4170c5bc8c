import { describe, expect, it } from "vitest";
import { Rng, mix32, parseSeed, rngFor, seedToHex } from "../../../game/core/index";

/** Independent reference using BigInt arithmetic (no Math.imul, no int32 tricks). */
function referenceStream(seed: number, stream: number, count: number): number[] {
  const M = 0xffffffffn;
  const mul = (a: bigint, b: bigint) => (a * b) & M;
  const mix = (x: bigint) => {
    let z = x & M;
    z = mul(z ^ (z >> 16n), 0x21f0aaadn);
    z = mul(z ^ (z >> 15n), 0x735a2d97n);
    return (z ^ (z >> 15n)) & M;
  };
  let s = (BigInt(seed) ^ mix(BigInt(stream) ^ 0x85ebca6bn)) & M;
  const next = () => {
    s = (s + 0x9e3779b9n) & M;
    return mix(s);
  };
  let a = next();
  let b = next();
  let c = next();
  let d = 1n;
  const sfc = () => {
    const t = (a + b + d) & M;
    d = (d + 1n) & M;
    a = b ^ (b >> 9n);
    b = (c + (c << 3n)) & M;
    c = ((c << 21n) | (c >> 11n)) & M;
    c = (c + t) & M;
    return Number(t);
  };
  for (let i = 0; i < 12; i++) sfc();
  return Array.from({ length: count }, sfc);
}

describe("prng (sfc32 seeded by splitmix32)", () => {
  it("matches the pinned test vectors", () => {
    const r = rngFor(0, 0);
    expect(Array.from({ length: 5 }, () => r.nextU32())).toEqual([549699715, 2207070488, 170271803, 1447850712, 2405858907]);
    const r2 = rngFor(0xdeadbeef, 7);
    expect(Array.from({ length: 5 }, () => r2.nextU32())).toEqual([798013724, 1037726308, 2020385145, 1009826138, 930574554]);
    expect([mix32(0), mix32(1), mix32(0xffffffff)]).toEqual([0, 2261973619, 2578835075]);
  });

  it("agrees with an independent BigInt reference for many seeds and streams", () => {
    const seeds = [0, 1, 42, 0x7fffffff, 0x80000000, 0xffffffff, 0x12345678];
    for (const seed of seeds) {
      for (const stream of [0, 1, 2, 99, 100000]) {
        const r = rngFor(seed, stream);
        const got = Array.from({ length: 50 }, () => r.nextU32());
        expect(got).toEqual(referenceStream(seed, stream, 50));
      }
    }
  });

  it("derives distinct streams, and reseed() equals a fresh generator", () => {
    const firsts = new Set<number>();
    for (let k = 0; k < 1000; k++) firsts.add(rngFor(7, k).nextU32());
    expect(firsts.size).toBe(1000);
    const a = new Rng(5, 3);
    a.nextU32();
    a.reseed(9, 4);
    const b = rngFor(9, 4);
    for (let i = 0; i < 10; i++) expect(a.nextU32()).toBe(b.nextU32());
  });

  it("next() is in [0,1) and roughly uniform", () => {
    const r = rngFor(123, 0);
    const buckets = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100000; i++) {
      const x = r.next();
      if (!(x >= 0 && x < 1)) outside++;
      else buckets[Math.floor(x * 10)]!++;
    }
    expect(outside).toBe(0);
    for (const b of buckets) expect(Math.abs(b - 10000)).toBeLessThan(500);
    const r2 = rngFor(1, 1);
    for (let i = 0; i < 1000; i++) {
      const n = r2.int(6);
      expect(Number.isInteger(n) && n >= 0 && n < 6).toBe(true);
    }
  });

  it("parses seeds", () => {
    expect(parseSeed("deadBEEF")).toBe(0xdeadbeef);
    expect(parseSeed(17)).toBe(17);
    expect(seedToHex(0xbeef)).toBe("0000beef");
    expect(() => parseSeed("xyz")).toThrow(RangeError);
    expect(() => parseSeed(-1)).toThrow(RangeError);
    expect(() => parseSeed(2 ** 32)).toThrow(RangeError);
    expect(() => parseSeed(1.5)).toThrow(RangeError);
  });
});

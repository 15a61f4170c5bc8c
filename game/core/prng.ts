/**
 * Seeded PRNG: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator,
 * 32-bit variant), seeded through a splitmix32-style mixer. Only Math.imul,
 * integer bit operations and `>>> 0` are used, so every engine produces the
 * same sequence. The full specification is in docs/scoring.md.
 *
 * Streams: `rngFor(seed, stream)` gives an independent generator for each
 * (seed, stream) pair, so e.g. spawn k uses stream k and can be computed
 * without replaying the draws of spawns 0..k-1.
 */

/** 32-bit finaliser (the "lowbias32" constants of splitmix32). */
export function mix32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

const GOLDEN = 0x9e3779b9;
const STREAM_SALT = 0x85ebca6b;
const WARMUP_ROUNDS = 12;

export class Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(seed = 0, stream = 0) {
    this.reseed(seed, stream);
  }

  /** Re-initialises this generator in place (no allocation). */
  reseed(seed: number, stream = 0): this {
    // splitmix32: state starts at seed ^ mix32(stream ^ salt), each output is
    // mix32(state += golden).
    let s = ((seed >>> 0) ^ mix32((stream >>> 0) ^ STREAM_SALT)) >>> 0;
    s = (s + GOLDEN) >>> 0;
    this.a = mix32(s) | 0;
    s = (s + GOLDEN) >>> 0;
    this.b = mix32(s) | 0;
    s = (s + GOLDEN) >>> 0;
    this.c = mix32(s) | 0;
    this.d = 1;
    for (let i = 0; i < WARMUP_ROUNDS; i++) this.nextU32();
    return this;
  }

  /** Next unsigned 32-bit integer (sfc32). */
  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform double in [0, 1): nextU32() / 2^32 (exact). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform double in [lo, hi): lo + (hi - lo) * next(). */
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Uniform integer in [0, n) for 1 <= n <= 2^32: floor(next() * n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

/** A fresh generator for (seed, stream). */
export function rngFor(seed: number, stream = 0): Rng {
  return new Rng(seed, stream);
}

/** Accepts a uint32 number or an 8-hex-digit string; returns the uint32 seed. */
export function parseSeed(seed: number | string): number {
  if (typeof seed === "number") {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(`seed must be an integer in [0, 2^32): ${seed}`);
    }
    return seed;
  }
  if (!/^[0-9a-fA-F]{8}$/.test(seed)) {
    throw new RangeError(`seed string must be 8 hex digits: ${JSON.stringify(seed)}`);
  }
  return parseInt(seed, 16) >>> 0;
}

/** Formats a uint32 seed as 8 lowercase hex digits. */
export function seedToHex(seed: number): string {
  return (seed >>> 0).toString(16).padStart(8, "0");
}

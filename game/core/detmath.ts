/**
 * Deterministic math.
 *
 * ECMAScript only pins the results of a few Math functions; Math.sin/cos/atan2/
 * exp/pow (and, formally, even Math.sqrt) are "implementation-approximated" and
 * do differ between engines in the last bits. Everything that decides a score
 * (target motion, aim direction, hit tests) therefore uses only + - * / and
 * Math.floor/round/abs/min/max/trunc, which are exact or IEEE-754 correctly
 * rounded in every engine. The functions below are built from those alone.
 *
 * dsin/dcos: Cody–Waite range reduction by pi/2 with a three-part constant,
 * followed by the fdlibm minimax kernels on [-pi/4, pi/4]. Accuracy is about
 * 1 ulp for |x| < 2^19 * pi/2 (~8.2e5); beyond that results lose accuracy but
 * stay deterministic (the game never gets near that range).
 */

export const PI = 3.141592653589793;
export const TWO_PI = 6.283185307179586;
export const HALF_PI = 1.5707963267948966;
/** Degrees to radians factor: PI / 180, as a literal so it is identical everywhere. */
export const DEG = 0.017453292519943295;

// 2/pi, and pi/2 split into three parts (fdlibm pio2_1, pio2_2, pio2_3). The
// first two have at most 33 significant bits, so n * part is exact for |n| < 2^20.
const INV_PIO2 = 6.36619772367581382433e-1;
const PIO2_1 = 1.57079632673412561417e0;
const PIO2_2 = 6.07710050630396597660e-11;
const PIO2_3 = 2.02226624871116645580e-21;

// fdlibm __kernel_sin / __kernel_cos coefficients.
const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;
const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.08757232129817482790e-9;
const C6 = -1.13596475577881948265e-11;

/** sin(r) for |r| <= pi/4 (approximately). */
function kernelSin(r: number): number {
  const z = r * r;
  const p = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return r + r * z * (S1 + z * p);
}

/** cos(r) for |r| <= pi/4 (approximately). */
function kernelCos(r: number): number {
  const z = r * r;
  const p = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  const hz = 0.5 * z;
  const w = 1 - hz;
  // fdlibm's trick to keep the 1 - z/2 step accurate.
  return w + (1 - w - hz + z * p);
}

// Shared scratch for the reduction result. A typed array, not a `let`: a double written to a
// module-level variable is boxed (a heap allocation per call) once the module is bundled into a
// function scope; a Float64Array element holds the same IEEE double in place.
const red = new Float64Array(1);

/** Reduces x to r in about [-pi/4, pi/4]; returns the quadrant n mod 4, r in red[0]. */
function reduce(x: number): number {
  const n = Math.round(x * INV_PIO2);
  red[0] = x - n * PIO2_1 - n * PIO2_2 - n * PIO2_3;
  // n mod 4 in 0..3 (n is an integer-valued double, possibly negative)
  return n - Math.floor(n / 4) * 4;
}

/** Deterministic sine. NaN for non-finite input. */
export function dsin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 7.450580596923828e-9) return x; // sin(x) == x to within half an ulp
  const q = reduce(x);
  const r = red[0]!;
  switch (q) {
    case 0:
      return kernelSin(r);
    case 1:
      return kernelCos(r);
    case 2:
      return -kernelSin(r);
    default:
      return -kernelCos(r);
  }
}

/** Deterministic cosine. NaN for non-finite input. */
export function dcos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const q = reduce(x);
  const r = red[0]!;
  switch (q) {
    case 0:
      return kernelCos(r);
    case 1:
      return -kernelSin(r);
    case 2:
      return -kernelCos(r);
    default:
      return kernelSin(r);
  }
}

/** Clamp with plain comparisons (deterministic). */
export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

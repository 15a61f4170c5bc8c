/**
 * World and aim model.
 *
 * Player at the origin, looking down -Z at yaw = 0, pitch = 0; +X is right,
 * +Y is up. Yaw grows to the right, pitch grows upwards. Aim is integer mouse
 * counts times radiansPerCount; see docs/scoring.md.
 *
 * three.js: camera.rotation.order = "YXZ"; camera.rotation.y = -yaw;
 * camera.rotation.x = pitch reproduces aimDirection().
 */
import { DEG, TWO_PI, dcos, dsin } from "./detmath";
import { Rng } from "./prng";
import type { Scenario } from "./scenario";

export interface Vec3 {
  x: number;
  y: number;
  z: number;
}

export interface Aim {
  yaw: number;
  pitch: number;
}

export interface RunSettings {
  /** Centimetres of mouse travel for a full 360° turn, 1 to 1000. */
  cm360: number;
  /** Mouse resolution, counts per inch: a whole number from 50 to 64,000. */
  dpi: number;
}

/** The sensitivity a simulation runs with: cm360 and dpi only (callers may pass more), or a RangeError. */
export function runSettings({ cm360, dpi }: RunSettings): RunSettings {
  if (!(cm360 >= 1 && cm360 <= 1000)) throw new RangeError(`cm360 must be from 1 to 1000, not ${cm360}`);
  if (!(Number.isInteger(dpi) && dpi >= 50 && dpi <= 64_000)) throw new RangeError(`dpi must be a whole number from 50 to 64000, not ${dpi}`);
  return { cm360, dpi };
}

/**
 * Sensitivity a person can play with: from a very fast 3 cm per turn (3200 DPI at a high in-game
 * sensitivity) to 200 cm (two full sweeps of the largest mouse pads), on mouse sensors from 100 to
 * 50,000 counts per inch (the highest-resolution sensors sold reach 30,000–45,000). A ranked run's
 * environment (environment.ts) and the player's settings (lib/contracts/settings.ts) keep to it.
 */
export const SENSITIVITY_RANGE = {
  cm360: { min: 3, max: 200 },
  dpi: { min: 100, max: 50_000 },
} as const;

/** Pitch is clamped to ±89°. */
export const PITCH_LIMIT_RAD = 89 * DEG;
const TWO_PI_CM_PER_INCH = TWO_PI * 2.54;

export function vec3(x = 0, y = 0, z = 0): Vec3 {
  return { x, y, z };
}

/** countsPer360 = cm360 / 2.54 * dpi (informational). */
export function countsPer360(settings: RunSettings): number {
  return (settings.cm360 / 2.54) * settings.dpi;
}

/**
 * Radians per mouse count, decisive: (2π · 2.54) / (cm360 · dpi), evaluated
 * exactly in this order (two multiplications and one division, all IEEE).
 */
export function radiansPerCount(settings: RunSettings): number {
  return TWO_PI_CM_PER_INCH / (settings.cm360 * settings.dpi);
}

/** Largest |pitch counts| allowed by the ±89° clamp. */
export function maxPitchCounts(rpc: number): number {
  return Math.floor(PITCH_LIMIT_RAD / rpc);
}

/** Unit-length (to rounding) aim direction for yaw/pitch in radians. */
export function aimDirection(yaw: number, pitch: number, out: Vec3): Vec3 {
  const cp = dcos(pitch);
  out.x = dsin(yaw) * cp;
  out.y = dsin(pitch);
  out.z = -dcos(yaw) * cp;
  return out;
}

/** Point at `distance` along the direction (yaw, pitch). */
export function pointOnSphere(yaw: number, pitch: number, distance: number, out: Vec3): Vec3 {
  aimDirection(yaw, pitch, out);
  out.x *= distance;
  out.y *= distance;
  out.z *= distance;
  return out;
}

/**
 * Ray from the origin along d (unit) against a sphere (centre c, radius r).
 * Returns the ray parameter of the closest approach (>= 0) on a hit, -1 on a
 * miss. A ray exactly tangent to the sphere (distance² == r²) is a hit.
 */
export function raySphere(dx: number, dy: number, dz: number, cx: number, cy: number, cz: number, r: number): number {
  const t = dx * cx + dy * cy + dz * cz;
  if (t < 0) return -1; // behind the player
  const px = cx - t * dx;
  const py = cy - t * dy;
  const pz = cz - t * dz;
  return px * px + py * py + pz * pz <= r * r ? t : -1;
}

/**
 * NOT decisive (uses Math.atan2): the yaw/pitch that looks at `p`. For bots,
 * tests and UI only.
 */
export function anglesToward(p: Vec3, out: Aim): Aim {
  out.yaw = Math.atan2(p.x, -p.z);
  out.pitch = Math.atan2(p.y, Math.sqrt(p.x * p.x + p.z * p.z));
  return out;
}

/**
 * Degrees of yaw per mouse count at in-game sensitivity 1 (hip fire), per game; sources in
 * docs/client.md ("Sensitivity from other games"). Fortnite's is per percentage point of its
 * "Mouse Sensitivity X" (e.g. 6.5 for 6.5 %).
 */
export const GAME_YAW_DEG = {
  source: 0.022,
  cs2: 0.022,
  apex: 0.022,
  tf2: 0.022,
  titanfall2: 0.022,
  "quake-live": 0.022,
  overwatch: 0.0066,
  cod: 0.0066,
  destiny2: 0.0066,
  valorant: 0.07,
  fortnite: 0.005555,
} as const satisfies Record<string, number>;

export type GameSensitivityProfile = keyof typeof GAME_YAW_DEG;

/** NOT decisive: cm/360 for an in-game sensitivity: 360 / (sens · yaw) / dpi · 2.54. */
export function cm360FromGame(game: GameSensitivityProfile, sens: number, dpi: number): number {
  return (360 / (sens * GAME_YAW_DEG[game]) / dpi) * 2.54;
}

/** NOT decisive: vertical FOV (degrees, what three.js wants) from a horizontal FOV. */
export function verticalFovFromHorizontal(hfovDeg: number, aspect: number): number {
  const h = (hfovDeg * Math.PI) / 180;
  return (2 * Math.atan(Math.tan(h / 2) / aspect) * 180) / Math.PI;
}

// ---------------------------------------------------------------------------
// Spawns and motion

/** Maximum sines per axis for "smooth" motion (schema bound). */
export const MAX_SMOOTH_COMPONENTS = 6;

/**
 * Everything random about spawn k, drawn from rngFor(seed, k) in a fixed order
 * (docs/scoring.md, "Spawns"). Reusable: fill with computeSpawnParams().
 */
export class SpawnParams {
  /** Spawn point, radians. */
  yaw0 = 0;
  pitch0 = 0;
  /** Strafe: initial triangle position (bounce) or phase (sine). */
  phase = 0;
  /** Smooth: per-component frequency factors and phases. */
  readonly fy = new Float64Array(MAX_SMOOTH_COMPONENTS);
  readonly py = new Float64Array(MAX_SMOOTH_COMPONENTS);
  readonly fp = new Float64Array(MAX_SMOOTH_COMPONENTS);
  readonly pp = new Float64Array(MAX_SMOOTH_COMPONENTS);
}

const scratchRng = new Rng();

export function computeSpawnParams(scenario: Scenario, seed: number, k: number, out: SpawnParams): SpawnParams {
  const rng = scratchRng.reseed(seed, k);
  const sp = scenario.spawn;
  out.yaw0 = sp.centerYawDeg * DEG + (2 * rng.next() - 1) * (sp.halfWidthDeg * DEG);
  out.pitch0 = sp.centerPitchDeg * DEG + (2 * rng.next() - 1) * (sp.halfHeightDeg * DEG);
  out.phase = 0;
  const m = scenario.motion;
  if (m.type === "strafe") {
    const u = rng.next();
    out.phase = m.pattern === "bounce" ? u * 4 * (m.amplitudeDeg * DEG) : u * TWO_PI;
  } else if (m.type === "smooth") {
    for (let i = 0; i < m.components; i++) {
      out.fy[i] = 0.5 + rng.next();
      out.py[i] = rng.next() * TWO_PI;
      out.fp[i] = 0.5 + rng.next();
      out.pp[i] = rng.next() * TWO_PI;
    }
  }
  return out;
}

/** Position of a target with params p, tauMs after its spawn. */
export function positionFromParams(scenario: Scenario, p: SpawnParams, tauMs: number, out: Vec3): Vec3 {
  anglesFromParams(scenario, p, tauMs, scratchAngles);
  return pointOnSphere(scratchAngles.yaw, scratchAngles.pitch, scenario.targets.distance, out);
}

const scratchAngles: Aim = { yaw: 0, pitch: 0 };

/** Direction (yaw, pitch in radians) of a target with params p, tauMs after its spawn. */
export function anglesFromParams(scenario: Scenario, p: SpawnParams, tauMs: number, out: Aim): Aim {
  let yaw = p.yaw0;
  let pitch = p.pitch0;
  const m = scenario.motion;
  if (m.type === "strafe") {
    const a = m.amplitudeDeg * DEG;
    const v = (m.speedDegPerSec * DEG) / 1000; // rad per ms
    if (m.pattern === "bounce") {
      // Triangle wave of period 4a: -a -> +a -> -a at constant speed v.
      const period = 4 * a;
      let w = p.phase + v * tauMs;
      w = w - Math.floor(w / period) * period;
      yaw += w < 2 * a ? w - a : 3 * a - w;
    } else {
      yaw += a * dsin((v / a) * tauMs + p.phase);
    }
  } else if (m.type === "smooth") {
    const n = m.components;
    const ay = m.amplitudeYawDeg * DEG;
    const ap = m.amplitudePitchDeg * DEG;
    const w0 = (m.speedDegPerSec * DEG) / 1000 / ay; // base angular frequency, rad per ms
    const cy = ay / n;
    const cp = ap / n;
    for (let i = 0; i < n; i++) {
      yaw += cy * dsin(w0 * p.fy[i]! * tauMs + p.py[i]!);
      pitch += cp * dsin(w0 * p.fp[i]! * tauMs + p.pp[i]!);
    }
  }
  out.yaw = yaw;
  out.pitch = pitch;
  return out;
}

const scratchParams = new SpawnParams();

/**
 * Position at time tMs of the target from spawn index k that spawned at
 * spawnTimeMs (both relative to run start). Pure; does not allocate.
 */
export function targetPosition(
  scenario: Scenario,
  seed: number,
  k: number,
  spawnTimeMs: number,
  tMs: number,
  out: Vec3,
): Vec3 {
  computeSpawnParams(scenario, seed, k, scratchParams);
  return positionFromParams(scenario, scratchParams, tMs - spawnTimeMs, out);
}

/** Where spawn k appears (its position at the moment it spawns). */
export function spawnPosition(scenario: Scenario, seed: number, k: number, out: Vec3 = vec3()): Vec3 {
  return targetPosition(scenario, seed, k, 0, 0, out);
}

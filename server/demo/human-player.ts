/**
 * A simulated human player, for demo data, tests and the anti-cheat calibration
 * (`npm run anticheat:calibrate`): what a real run looks like to the server's checks. It plays any
 * scenario through the game core's Simulation, exactly as the browser would feed it, at three
 * skill levels. The model (docs/anti-cheat.md, "The honest player model"):
 *
 *  - it sees a frame a visual delay after it was shown, and the shown aim is the hand's aim one
 *    tier latency earlier;
 *  - a new target needs a reaction (ex-Gaussian); a target already on screen is chosen while the
 *    previous one is shot, after a short dwell;
 *  - a movement is a minimum-jerk submovement whose duration follows Fitts's law (Shannon form)
 *    with log-normal noise, landing short or long (amplitude gain) and off to the side; it is
 *    either clicked at its end without looking (a predictive click, which sometimes misses) or
 *    checked on screen and corrected by further submovements until the aim is seen on target;
 *  - moving targets and tracking: the hand's velocity follows the seen target's velocity plus a
 *    correction of the seen error, updated intermittently, with a partial prediction of the delay;
 *    large errors get a corrective submovement; velocity noise grows with speed;
 *  - the hand trembles a little, and a mouse at 1000 Hz reports it.
 */
import {
  isClickingKind,
  msToTicks,
  radiansPerCount,
  Simulation,
  TICKS_PER_MS,
  type Aim,
  type RunEnvironment,
  type RunResult,
  type RunSettings,
  type Rng,
  type Scenario,
  type Tier,
} from "../../game/core";
import { separation, targetAngle, TargetPaths } from "../runs/behaviour";

/** The sensitivity the simulated players use by default: 30 cm/360 at 800 DPI. */
export const DEMO_SETTINGS: RunSettings = { cm360: 30, dpi: 800 };

/** The environment a simulated player's client reports for a run on `tier`. */
export function demoEnvironment(tier: Tier, userAgent = "Flickboard simulated player", settings: RunSettings = DEMO_SETTINGS): RunEnvironment {
  return {
    tier: tier.name,
    fpsCap: tier.fpsCap,
    addedLatencyMs: tier.addedLatencyMs,
    refreshHz: 240,
    achievedFps: tier.fpsCap,
    belowTierCap: false,
    frameJsMs: { median: 0.2, p99: 0.6 },
    rawInput: true,
    spikesDropped: 0,
    cm360: settings.cm360,
    dpi: settings.dpi,
    hfovDeg: 103,
    devicePixelRatio: 1,
    userAgent,
  };
}

/** Presented-frame times (ms, quantised) at exactly the tier cap, from 1/cap to durationMs. */
export function frameSchedule(fps: number, durationMs: number): number[] {
  const out: number[] = [];
  for (let i = 1; ; i++) {
    const t = msToTicks((i * 1000) / fps) / TICKS_PER_MS;
    if (t > durationMs) break;
    out.push(t);
  }
  return out;
}

export type SkillLevel = "casual" | "regular" | "elite";
export const SKILL_LEVELS: readonly SkillLevel[] = ["casual", "regular", "elite"];

/** Ex-Gaussian: normal(mu, sigma) plus exponential(tau), ms. */
interface ExGaussian {
  mu: number;
  sigma: number;
  tau: number;
}

export interface HumanProfile {
  /** A frame is acted on this long after it was shown, ms. */
  visualDelayMs: number;
  /** Reaction to a target that just appeared. */
  reaction: ExGaussian;
  /** After a press, until the movement to a target already on screen starts. */
  dwell: ExGaussian;
  /** Submovement duration a + b·ID ms, with log-normal noise (sigma). */
  fitts: { a: number; b: number; noise: number };
  /** Amplitude gain of a submovement (mean, sd) and sideways error (sd, share of the distance). */
  gain: { mean: number; sd: number };
  sideways: number;
  /** Probability of pressing at the end of a submovement without waiting to see where it landed. */
  predictiveClick: number;
  /** Press when the seen error is below this share of the target radius. */
  clickTolerance: number;
  /** From deciding to press to the press, ms (uniform). */
  pressDelayMs: [number, number];
  /** Hand tremor, mm (sd). */
  tremorMm: number;
  /** Pursuit: loop gain per ms of total delay, share of the delay predicted, command update interval, velocity noise. */
  pursuit: { loopGain: number; prediction: number; updateMs: [number, number]; noise: number };
}

/**
 * The three levels. Reaction times follow published simple visual reaction times (mean ≈ 200–260
 * ms, trained players faster); movement times follow mouse pointing studies for the casual level
 * and are made faster for trained players; figures in docs/anti-cheat.md.
 */
export const HUMAN_PROFILES: Readonly<Record<SkillLevel, HumanProfile>> = {
  casual: {
    visualDelayMs: 130,
    reaction: { mu: 235, sigma: 30, tau: 60 },
    dwell: { mu: 120, sigma: 30, tau: 60 },
    fitts: { a: 110, b: 140, noise: 0.2 },
    gain: { mean: 0.93, sd: 0.07 },
    sideways: 0.06,
    predictiveClick: 0.25,
    clickTolerance: 0.9,
    pressDelayMs: [30, 80],
    tremorMm: 0.03,
    pursuit: { loopGain: 0.9, prediction: 0.85, updateMs: [90, 160], noise: 0.15 },
  },
  regular: {
    visualDelayMs: 110,
    reaction: { mu: 205, sigma: 25, tau: 45 },
    dwell: { mu: 70, sigma: 25, tau: 40 },
    fitts: { a: 80, b: 110, noise: 0.18 },
    gain: { mean: 0.95, sd: 0.06 },
    sideways: 0.04,
    predictiveClick: 0.4,
    clickTolerance: 0.95,
    pressDelayMs: [20, 50],
    tremorMm: 0.025,
    pursuit: { loopGain: 1.1, prediction: 0.9, updateMs: [70, 130], noise: 0.1 },
  },
  elite: {
    visualDelayMs: 95,
    reaction: { mu: 180, sigma: 20, tau: 30 },
    dwell: { mu: 35, sigma: 15, tau: 25 },
    fitts: { a: 55, b: 80, noise: 0.15 },
    gain: { mean: 0.97, sd: 0.05 },
    sideways: 0.03,
    predictiveClick: 0.6,
    clickTolerance: 0.9,
    pressDelayMs: [10, 35],
    tremorMm: 0.02,
    pursuit: { loopGain: 1.1, prediction: 0.88, updateMs: [50, 100], noise: 0.14 },
  },
};

function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

function exGaussian(rng: Rng, d: ExGaussian): number {
  return d.mu + d.sigma * normal(rng) - d.tau * Math.log(1 - rng.next());
}

const minimumJerk = (s: number) => s * s * s * (10 - 15 * s + 6 * s * s);

interface Submovement {
  t0: number;
  duration: number;
  /** What the movement does... */
  dYaw: number;
  dPitch: number;
  /** ...and what the player meant it to do (their internal model of it). */
  iYaw: number;
  iPitch: number;
}

/**
 * The hand: superposed minimum-jerk submovements, a pursuit velocity, tremor; sends integer counts.
 * It keeps two positions: the actual one, and the one the player believes (the efference copy:
 * the movements as intended, without their execution errors). A delayed frame is compared with
 * what the belief was when that frame's aim was produced, so the player corrects the errors they
 * see without correcting twice what they are already doing.
 */
class Hand {
  private baseYaw = 0;
  private basePitch = 0;
  private beliefBaseYaw = 0;
  private beliefBasePitch = 0;
  private readonly moves: Submovement[] = [];
  /** Pursuit velocity (rad/ms): actual, commanded, and the command as intended. */
  private vYaw = 0;
  private vPitch = 0;
  private cmdYaw = 0;
  private cmdPitch = 0;
  private beliefVYaw = 0;
  private beliefVPitch = 0;
  private beliefCmdYaw = 0;
  private beliefCmdPitch = 0;
  private tremorYaw = 0;
  private tremorPitch = 0;
  private sentX = 0;
  private sentY = 0;
  /** The believed position at every whole ms so far. */
  private readonly beliefYawAt: Float64Array;
  private readonly beliefPitchAt: Float64Array;
  beliefYaw = 0;
  beliefPitch = 0;

  constructor(
    private readonly rpc: number,
    private readonly tremorRad: number,
    private readonly rng: Rng,
    durationMs: number,
  ) {
    this.beliefYawAt = new Float64Array(durationMs + 2);
    this.beliefPitchAt = new Float64Array(durationMs + 2);
  }

  get moving(): boolean {
    return this.moves.length > 0;
  }

  /** Where the player believes the hand will be once its planned submovements end. */
  intended(out: Aim): Aim {
    out.yaw = this.beliefBaseYaw;
    out.pitch = this.beliefBasePitch;
    for (const m of this.moves) {
      out.yaw += m.iYaw;
      out.pitch += m.iPitch;
    }
    return out;
  }

  /** The believed position at time t (ms, at or before now). */
  beliefAt(t: number, out: Aim): Aim {
    const i = Math.max(0, Math.min(this.beliefYawAt.length - 1, Math.floor(t)));
    out.yaw = this.beliefYawAt[i]!;
    out.pitch = this.beliefPitchAt[i]!;
    return out;
  }

  move(t0: number, duration: number, iYaw: number, iPitch: number, dYaw: number, dPitch: number): void {
    this.moves.push({ t0, duration: Math.max(30, duration), dYaw, dPitch, iYaw, iPitch });
  }

  /** Sets the pursuit velocity: as intended, and as executed (with its noise). */
  pursue(vYaw: number, vPitch: number, actualYaw = vYaw, actualPitch = vPitch): void {
    this.beliefCmdYaw = vYaw;
    this.beliefCmdPitch = vPitch;
    this.cmdYaw = actualYaw;
    this.cmdPitch = actualPitch;
  }

  /** Advances to t (1 ms step) and sends the counts that bring the cursor where the hand is. */
  step(t: number, sim: Simulation): void {
    // The limb follows a new velocity command within ~40 ms.
    this.vYaw += (this.cmdYaw - this.vYaw) / 40;
    this.vPitch += (this.cmdPitch - this.vPitch) / 40;
    this.beliefVYaw += (this.beliefCmdYaw - this.beliefVYaw) / 40;
    this.beliefVPitch += (this.beliefCmdPitch - this.beliefVPitch) / 40;
    this.baseYaw += this.vYaw;
    this.basePitch += this.vPitch;
    this.beliefBaseYaw += this.beliefVYaw;
    this.beliefBasePitch += this.beliefVPitch;
    let yaw = this.baseYaw;
    let pitch = this.basePitch;
    let bYaw = this.beliefBaseYaw;
    let bPitch = this.beliefBasePitch;
    for (let i = this.moves.length - 1; i >= 0; i--) {
      const m = this.moves[i]!;
      const s = Math.min(1, (t - m.t0) / m.duration);
      if (s >= 1) {
        this.baseYaw += m.dYaw;
        this.basePitch += m.dPitch;
        this.beliefBaseYaw += m.iYaw;
        this.beliefBasePitch += m.iPitch;
        this.moves.splice(i, 1);
      }
      const k = s <= 0 ? 0 : minimumJerk(s);
      yaw += m.dYaw * k;
      pitch += m.dPitch * k;
      bYaw += m.iYaw * k;
      bPitch += m.iPitch * k;
    }
    this.beliefYaw = bYaw;
    this.beliefPitch = bPitch;
    if (t < this.beliefYawAt.length) {
      this.beliefYawAt[t] = bYaw;
      this.beliefPitchAt[t] = bPitch;
    }
    // Tremor: an Ornstein–Uhlenbeck wobble with a ~15 ms correlation time.
    const keep = 1 - 1 / 15;
    const kick = this.tremorRad * Math.sqrt(1 - keep * keep);
    this.tremorYaw = this.tremorYaw * keep + kick * normal(this.rng);
    this.tremorPitch = this.tremorPitch * keep + kick * normal(this.rng);
    const cx = Math.round((yaw + this.tremorYaw) / this.rpc);
    const cy = Math.round((pitch + this.tremorPitch) / this.rpc);
    if (cx !== this.sentX || cy !== this.sentY) sim.mouseMove(t, cx - this.sentX, -(cy - this.sentY));
    this.sentX = cx;
    this.sentY = cy;
  }
}

/** What the player has seen: every presented frame's time, shown aim and visible targets. */
class Eyes {
  readonly frameT: number[] = [];
  readonly aimYaw: number[] = [];
  readonly aimPitch: number[] = [];
  /** Visible targets of frame i: spawn indices visK[visFrom[i] .. visFrom[i + 1]). */
  private readonly visFrom: number[] = [0];
  private readonly visK: number[] = [];
  readonly firstShown = new Map<number, number>();
  readonly spawnedAt = new Map<number, number>();

  record(f: number, sim: Simulation): void {
    this.frameT.push(f);
    this.aimYaw.push(sim.aim.yaw);
    this.aimPitch.push(sim.aim.pitch);
    sim.forEachVisibleTarget((v) => {
      this.visK.push(v.spawnIndex);
      if (!this.firstShown.has(v.spawnIndex)) {
        this.firstShown.set(v.spawnIndex, f);
        this.spawnedAt.set(v.spawnIndex, v.spawnedAtMs);
      }
    });
    this.visFrom.push(this.visK.length);
  }

  /** Index of the last frame shown at or before t, -1 if none. */
  seen(t: number): number {
    let lo = 0;
    let hi = this.frameT.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.frameT[mid]! <= t) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }

  visible(i: number): number[] {
    return this.visK.slice(this.visFrom[i]!, this.visFrom[i + 1]!);
  }

  isVisible(i: number, k: number): boolean {
    for (let j = this.visFrom[i]!; j < this.visFrom[i + 1]!; j++) if (this.visK[j] === k) return true;
    return false;
  }
}

type Mode = "choose" | "wait" | "moving" | "confirm" | "pressing" | "track";

/**
 * Plays one run as a person of the given skill would (or with any profile: the calibration's
 * attacks use faster-than-human ones), through the Simulation as the browser feeds it.
 */
export function runHuman(
  sc: Scenario,
  seed: number,
  tier: Tier,
  rng: Rng,
  settings: RunSettings = DEMO_SETTINGS,
  skill: SkillLevel | HumanProfile = "regular",
): { sim: Simulation; result: RunResult } {
  const profile = typeof skill === "string" ? HUMAN_PROFILES[skill] : skill;
  const sim = new Simulation(sc, seed, tier, settings, { capacity: 1 << 16 });
  const frames = frameSchedule(tier.fpsCap, sc.durationMs);
  const rpc = radiansPerCount(settings);
  const radPerMm = (2 * Math.PI) / (settings.cm360 * 10);
  const hand = new Hand(rpc, profile.tremorMm * radPerMm, rng, sc.durationMs);
  const eyes = new Eyes();
  const paths = new TargetPaths(sc, seed, (k) => eyes.spawnedAt.get(k)!);
  const clicking = isClickingKind(sc.kind);
  const moving = sc.motion.type !== "none";
  const r = targetAngle(sc);
  const L = tier.addedLatencyMs;
  // Day-to-day form: everything a few per cent faster or slower.
  const form = Math.exp(0.06 * normal(rng));
  const vd = profile.visualDelayMs * form;
  // Pursuit gain: the correction of a seen error is spread over about the loop's delay.
  const gainK = profile.pursuit.loopGain / (vd + L + 100); // per ms

  const aim: Aim = { yaw: 0, pitch: 0 };
  const then: Aim = { yaw: 0, pitch: 0 };
  let mode: Mode = "choose";
  let goal = -1;
  let startAt = 0;
  let moveEnd = 0;
  let pressAt = -1;
  let releaseAt = -1;
  let nextUpdate = 0;
  let lastShot = -1;
  let lastPressAt = -Infinity;
  let f = 0;

  /** Seen position and velocity (rad/ms) of target k in frame i. */
  const seenTarget = (i: number, k: number) => {
    const ft = eyes.frameT[i]!;
    const now = paths.at(k, ft);
    const yaw = now.yaw;
    const pitch = now.pitch;
    if (!moving) return { yaw, pitch, vYaw: 0, vPitch: 0 };
    const from = Math.max(eyes.spawnedAt.get(k)!, ft - 40);
    const before = paths.at(k, from);
    const dt = ft - from;
    return { yaw, pitch, vYaw: dt > 0 ? (yaw - before.yaw) / dt : 0, vPitch: dt > 0 ? (pitch - before.pitch) / dt : 0 };
  };

  /**
   * The error the player acts on at t from frame i: where the target will be when an input given
   * now takes effect (the seen position moved on by the seen velocity, as far as they predict),
   * minus where the hand is now (the seen aim, plus what they believe the hand did since).
   */
  const seenError = (i: number, t: number, k: number) => {
    const ft = eyes.frameT[i]!;
    const seen = seenTarget(i, k);
    const ahead = (t - ft + L) * profile.pursuit.prediction;
    hand.beliefAt(ft - L, then);
    const handYaw = eyes.aimYaw[i]! + hand.beliefYaw - then.yaw;
    const handPitch = eyes.aimPitch[i]! + hand.beliefPitch - then.pitch;
    return { yaw: seen.yaw + seen.vYaw * ahead - handYaw, pitch: seen.pitch + seen.vPitch * ahead - handPitch, vYaw: seen.vYaw, vPitch: seen.vPitch };
  };

  /** A Fitts-timed submovement by (dYaw, dPitch) from where the hand is headed, with its execution errors. */
  const submove = (t: number, dYaw: number, dPitch: number): number => {
    const distance = Math.hypot(dYaw, dPitch);
    const id = Math.log2(distance / (2 * r) + 1);
    const duration = Math.max(30, (profile.fitts.a + profile.fitts.b * id) * Math.exp(profile.fitts.noise * normal(rng)) * form);
    const gain = profile.gain.mean + profile.gain.sd * normal(rng);
    const side = profile.sideways * normal(rng);
    hand.move(t, duration, dYaw, dPitch, dYaw * gain - dPitch * side, dPitch * gain + dYaw * side);
    return duration;
  };

  /** The nearest target seen in frame i (not the one just shot, until its fate can be seen). */
  const choose = (i: number, t: number): number => {
    hand.intended(aim);
    let best = -1;
    let bestD = Infinity;
    for (const k of eyes.visible(i)) {
      if (k === lastShot && eyes.frameT[i]! < lastPressAt + L + 20) continue;
      const p = paths.at(k, eyes.frameT[i]!);
      const d = separation(aim.yaw, aim.pitch, p.yaw, p.pitch) * (1 + 0.2 * rng.next());
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    if (best >= 0) {
      // A target that appeared since the last press needs a reaction; one already seen only a dwell.
      const shown = eyes.firstShown.get(best)!;
      startAt = shown >= lastPressAt - vd ? Math.max(t, shown + exGaussian(rng, profile.reaction) * form) : t + Math.max(0, exGaussian(rng, profile.dwell) * form);
    }
    return best;
  };

  const pressDelay = () => Math.floor(rng.range(...profile.pressDelayMs));

  if (sc.scoring.requireButtonHeld) sim.button(Math.floor(rng.range(50, 150)), 0, true);
  for (let t = 1; t <= sc.durationMs; t++) {
    while (f < frames.length && frames[f]! <= t) {
      sim.frame(frames[f]!);
      eyes.record(frames[f]!, sim);
      f++;
    }
    const i = eyes.seen(t - vd);
    if (i >= 0 && mode !== "choose" && mode !== "pressing" && !eyes.isVisible(i, goal)) {
      hand.pursue(0, 0);
      mode = "choose";
    }
    if (i < 0) {
      // nothing seen yet
    } else if (mode === "choose") {
      goal = choose(i, t);
      if (goal >= 0) mode = "wait";
    } else if (mode === "wait" && t >= startAt) {
      // The primary movement: to where the target will be when it ends (as far as predicted).
      const e = seenError(i, t, goal);
      const duration = submove(t, e.yaw, e.pitch);
      const ahead = duration * profile.pursuit.prediction;
      hand.move(t, duration, e.vYaw * ahead, e.vPitch * ahead, e.vYaw * ahead, e.vPitch * ahead);
      moveEnd = t + duration;
      mode = "moving";
    } else if (mode === "moving" && t >= moveEnd) {
      const e = seenError(i, t, goal);
      hand.pursue(e.vYaw, e.vPitch);
      if (!clicking || moving) {
        mode = "track";
        nextUpdate = t;
      } else if (rng.next() < profile.predictiveClick) {
        mode = "pressing";
        pressAt = t + pressDelay();
      } else mode = "confirm";
    } else if (mode === "confirm" && eyes.frameT[i]! - L >= moveEnd) {
      // The screen now shows where the movement landed: press if on target, else correct.
      const e = seenError(i, t, goal);
      if (Math.hypot(e.yaw, e.pitch) < profile.clickTolerance * r) {
        mode = "pressing";
        pressAt = t + pressDelay();
      } else {
        moveEnd = t + submove(t, e.yaw, e.pitch);
        mode = "moving";
      }
    } else if (mode === "track" && t >= nextUpdate) {
      nextUpdate = t + rng.range(...profile.pursuit.updateMs);
      const e = seenError(i, t, goal);
      const error = Math.hypot(e.yaw, e.pitch);
      if (clicking && error < profile.clickTolerance * r && !hand.moving) {
        // Clicking a moving target: press once the screen shows the aim on it.
        mode = "pressing";
        pressAt = t + pressDelay();
      } else {
        // A large error gets a corrective submovement; pursuit follows the seen velocity and
        // closes the rest of the error, with velocity noise growing with speed.
        if (!hand.moving && error > (clicking ? 1.5 : 2.5) * r) moveEnd = t + submove(t, e.yaw, e.pitch);
        const cYaw = e.vYaw + (hand.moving ? 0 : gainK * e.yaw);
        const cPitch = e.vPitch + (hand.moving ? 0 : gainK * e.pitch);
        const noise = profile.pursuit.noise;
        const speed = Math.hypot(cYaw, cPitch);
        hand.pursue(cYaw, cPitch, cYaw * (1 + noise * normal(rng)) + 0.3 * noise * speed * normal(rng), cPitch * (1 + noise * normal(rng)) + 0.3 * noise * speed * normal(rng));
      }
    }
    if (mode === "pressing" && t >= pressAt) {
      if (t + L < sc.durationMs) {
        if (releaseAt > t) sim.button(t, 0, false);
        sim.button(t, 0, true);
        releaseAt = t + Math.floor(rng.range(40, 90));
      }
      hand.pursue(0, 0);
      lastShot = goal;
      lastPressAt = t;
      mode = "choose";
    }
    if (t === releaseAt) sim.button(t, 0, false);
    hand.step(t, sim);
  }
  while (f < frames.length) sim.frame(frames[f++]!);
  return { sim, result: sim.finish() };
}

/** The name the demo seed and the tests use: a human-like run of any scenario. */
export const runHumanClicker = runHuman;

/**
 * The event-driven game simulation. The browser feeds it events as they happen
 * (mouseMove / button / frame); replay() feeds it a decoded log through the very
 * same methods. Rules (docs/scoring.md):
 *
 *  - every input recorded at t takes effect at t + L (L = tier.addedLatencyMs);
 *  - events are processed in the total order (effective time, type, sequence)
 *    with type order mouse < frame < button; targets spawned at time s are
 *    alive from s and first shown by the first frame at or after s;
 *  - a press is hit-tested with the aim at its effective time against the
 *    targets as shown by the last presented frame at or before that time;
 *  - tracking credit: at each frame, if the aim is on a target that was already
 *    shown in the previous frame, the interval since the previous frame (capped
 *    at 50 ms) counts as on-target time and as damage;
 *  - nothing takes effect after durationMs.
 *
 * Measures (RunResult, docs/scoring.md "Result"): a target is *engaged* when it is first shown and
 * again at every kill of another target (the player is free to go for it from then on). Its
 * reaction time is from its last engagement to the onset of the aim's movement toward it (the first
 * mouse movement that brings the aim REACTION_ONSET_DEG closer to it); its time to kill is from its
 * last engagement to its kill.
 *
 * All times are integer ticks of 1/16 ms internally.
 */
import { DEG, dcos, dsin } from "./detmath";
import { checkFrameCap, minFrameIntervalMs, type Tier } from "./tier";
import { LogRecorder, TICKS_PER_MS, type InputLog } from "./log";
import type { Scenario } from "./scenario";
import { isClickingKind } from "./scenario-kind";
import {
  SpawnParams,
  aimDirection,
  computeSpawnParams,
  maxPitchCounts,
  positionFromParams,
  radiansPerCount,
  raySphere,
  runSettings,
  vec3,
  type Aim,
  type RunSettings,
  type Vec3,
} from "./world";

/** Tracking credit per frame interval is capped at this many ms. */
export const MAX_CREDIT_INTERVAL_MS = 50;
const MAX_CREDIT_TICKS = MAX_CREDIT_INTERVAL_MS * TICKS_PER_MS;
/** How much closer to a target the aim must come for a movement to count as the reaction to it. */
export const REACTION_ONSET_DEG = 1;
const COS_ONSET = dcos(REACTION_ONSET_DEG * DEG);
const SIN_ONSET = dsin(REACTION_ONSET_DEG * DEG);
/** The button that shoots (clicking) / must be held (tracking with requireButtonHeld). */
export const PRIMARY_BUTTON = 0;

export interface ShotRecord {
  /** When the button went down (ms since run start, quantised). */
  pressedAt: number;
  /** pressedAt + tier.addedLatencyMs: when the press was evaluated. */
  effectiveAt: number;
  /** Time of the frame the press was tested against (last presented at or before effectiveAt); -1 if none. */
  frameAt: number;
  hit: boolean;
  /** Spawn index of the target hit, -1 on a miss. */
  targetIndex: number;
}

export interface TargetRecord {
  spawnIndex: number;
  spawnedAt: number;
  /** First presented frame showing the target. */
  firstShownAt: number | null;
  /** Clicking: effective time of the first hit. Tracking: first credited frame. */
  firstHitAt: number | null;
  killedAt: number | null;
}

export interface FrameStats {
  count: number;
  achievedFps: number;
  medianIntervalMs: number;
  p99IntervalMs: number;
  capViolations: number;
}

export interface RunResult {
  scenarioId: string;
  seed: number;
  tier: string;
  /** Final integer score. */
  score: number;
  hits: number;
  misses: number;
  /** Number of shots (primary-button presses evaluated; clicking kinds only). */
  shots: number;
  /** Clicking: hits / shots. Tracking: on-target time / sampled time. 0 when undefined. */
  accuracy: number;
  kills: number;
  /**
   * Per target, in order of first hit: from its last engagement (shown, or another target's kill)
   * to the onset of the aim's movement toward it (ms). Targets the aim was already within
   * REACTION_ONSET_DEG of, or hit with no such movement, have none.
   */
  reactionTimesMs: number[];
  /** Per killed target: killedAt - its last engagement (ms); in Gridshot, the time between kills. */
  timeToKillMs: number[];
  timeOnTargetMs: number;
  /** Tracking: sum of credited frame intervals (with the button held if required). */
  sampledTimeMs: number;
  durationMs: number;
  frames: FrameStats;
  shotRecords: ShotRecord[];
  targets: TargetRecord[];
  /** Inputs whose timestamps had to be raised (late arrival, live only); always 0 when replaying a decoded log. */
  adjustedEvents: number;
}

/** What the renderer needs about one target; objects are reused. */
export interface TargetView {
  /** Shown in the last presented frame. */
  visible: boolean;
  spawnIndex: number;
  /** Spawn time, ms (with spawnIndex, enough to call targetPosition()). */
  spawnedAtMs: number;
  /** Position at the last presented frame. */
  position: Vec3;
  radius: number;
  /** Remaining health in [0, 1]. */
  health: number;
}

class Slot {
  active = false;
  spawnIndex = -1;
  spawnTicks = 0;
  shownTicks = -1;
  hitsLeft = 0;
  hpTicks = 0;
  credited = false;
  /** Last engagement (ticks), and the onset of the aim's movement toward the target since (-1: none yet). */
  engagedTicks = -1;
  onsetTicks = -1;
  /** The aim-to-target cosine that marks the onset (Infinity: no onset can be measured). */
  onsetCos = Infinity;
  readonly params = new SpawnParams();
  readonly view: TargetView;
  record: TargetRecord | null = null;
  constructor(radius: number) {
    this.view = { visible: false, spawnIndex: -1, spawnedAtMs: 0, position: vec3(), radius, health: 1 };
  }
}

/** FIFO of (time, a, b) int triples in growable typed arrays. */
class EventQueue {
  t: Int32Array = new Int32Array(256);
  a: Int32Array = new Int32Array(256);
  b: Int32Array = new Int32Array(256);
  head = 0;
  tail = 0;
  get size(): number {
    return this.tail - this.head;
  }
  push(t: number, a: number, b: number): void {
    if (this.tail === this.t.length) {
      if (this.head > 0) {
        this.t.copyWithin(0, this.head, this.tail);
        this.a.copyWithin(0, this.head, this.tail);
        this.b.copyWithin(0, this.head, this.tail);
        this.tail -= this.head;
        this.head = 0;
      }
      if (this.tail === this.t.length) {
        const grow = (x: Int32Array): Int32Array => {
          const n = new Int32Array(x.length * 2);
          n.set(x);
          return n;
        };
        this.t = grow(this.t);
        this.a = grow(this.a);
        this.b = grow(this.b);
      }
    }
    this.t[this.tail] = t;
    this.a[this.tail] = a;
    this.b[this.tail] = b;
    this.tail++;
  }
  shift(): void {
    this.head++;
    if (this.head === this.tail) this.head = this.tail = 0;
  }
}

export interface SimulationOptions {
  /** Initial recorder capacity (mouse events); grows as needed. */
  capacity?: number;
  /** Called as each shot is evaluated, with the aim it was tested at (the object is reused). */
  onShot?: (shot: ShotRecord, aim: Readonly<Aim>) => void;
}

export class Simulation {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly tier: Tier;
  readonly settings: RunSettings;
  /** Every accepted input, exactly as the simulation consumed it. */
  readonly recorder: LogRecorder;
  /** Current (delayed) aim, radians; the object is reused. */
  readonly aim: Aim = { yaw: 0, pitch: 0 };
  /** One view per target slot; see forEachVisibleTarget(). */
  readonly targets: readonly TargetView[];

  hits = 0;
  misses = 0;
  shots = 0;
  kills = 0;

  private readonly clicking: boolean;
  private readonly latencyTicks: number;
  private readonly durationTicks: number;
  private readonly respawnTicks: number;
  private readonly radius: number;
  private readonly rpc: number;
  private readonly maxPitch: number;
  private readonly minFrameInterval: number;
  private readonly slots: Slot[];
  private readonly mouseQ = new EventQueue();
  private readonly buttonQ = new EventQueue();
  private readonly held = new Uint8Array(32);
  private readonly dir: Vec3 = vec3();
  private dirDirty = true;
  private yawCounts = 0;
  private pitchCounts = 0;
  private nextSpawn = 0;
  private lastFrame = -1;
  private onTargetTicks = 0;
  private sampledTicks = 0;
  /** Slots engaged whose onset is still to come (skips the onset test when there are none). */
  private awaitingOnset = 0;
  private readonly reactionTimes: number[] = [];
  private readonly timeToKill: number[] = [];
  private readonly shotRecords: ShotRecord[] = [];
  private readonly targetRecords: TargetRecord[] = [];
  private result: RunResult | null = null;
  private readonly onShot: SimulationOptions["onShot"];

  constructor(scenario: Scenario, seed: number, tier: Tier, settings: RunSettings, options: SimulationOptions = {}) {
    this.scenario = scenario;
    this.seed = seed >>> 0;
    this.tier = tier;
    this.settings = runSettings(settings);
    this.clicking = isClickingKind(scenario.kind);
    this.latencyTicks = tier.addedLatencyMs * TICKS_PER_MS;
    if (!Number.isInteger(this.latencyTicks) || this.latencyTicks < 0) {
      throw new RangeError(`tier latency must be a non-negative multiple of 1/${TICKS_PER_MS} ms`);
    }
    this.durationTicks = scenario.durationMs * TICKS_PER_MS;
    this.respawnTicks = scenario.spawn.respawnDelayMs * TICKS_PER_MS;
    this.radius = scenario.targets.radius;
    this.rpc = radiansPerCount(this.settings);
    this.maxPitch = maxPitchCounts(this.rpc);
    this.minFrameInterval = minFrameIntervalMs(tier);
    this.recorder = new LogRecorder(options.capacity ?? 4096);
    this.onShot = options.onShot;
    this.recorder.maxTicks = this.durationTicks;
    this.slots = [];
    for (let i = 0; i < scenario.targets.count; i++) {
      const slot = new Slot(this.radius);
      this.slots.push(slot);
      this.assignSpawn(slot, 0);
    }
    this.targets = this.slots.map((s) => s.view);
  }

  // -------------------------------------------------------------------------
  // Inputs (times in ms since run start; quantised to 1/16 ms by the recorder)

  /** Pointer-lock movement; fractional deltas are carried over to later events. */
  mouseMove(tMs: number, dx: number, dy: number): void {
    if (this.result || !this.recorder.mouseMove(tMs, dx, dy)) return;
    const r = this.recorder;
    this.mouseQ.push(r.lastTicks + this.latencyTicks, r.lastDx, r.lastDy);
  }

  /** Button transition (DOM MouseEvent.button id). */
  button(tMs: number, id: number, down: boolean): void {
    if (this.result || !this.recorder.button(tMs, id, down)) return;
    this.buttonQ.push(this.recorder.lastTicks + this.latencyTicks, id, down ? 1 : 0);
  }

  /** A frame is being presented at tMs: advances the simulation to tMs. */
  frame(tMs: number): void {
    if (this.result || !this.recorder.frame(tMs)) return;
    const f = this.recorder.lastTicks;
    this.processInputs(f, false);
    this.processFrame(f);
    // Later-arriving inputs must not take effect at or before this frame
    // (mouse) or before it (button): raise their timestamps if they would.
    this.recorder.mouseFloorTicks = f - this.latencyTicks + 1;
    this.recorder.buttonFloorTicks = f - this.latencyTicks;
  }

  /** Whether presenting a frame at tMs respects the tier's frame cap. */
  canPresent(tMs: number): boolean {
    const ticks = Math.round(tMs * TICKS_PER_MS);
    if (ticks > this.durationTicks) return false;
    if (this.lastFrame < 0) return true;
    return (ticks - this.lastFrame) / TICKS_PER_MS >= this.minFrameInterval;
  }

  /** True once tMs is past the end of the run (or finish() was called). */
  isOver(tMs: number): boolean {
    return this.result !== null || Math.round(tMs * TICKS_PER_MS) > this.durationTicks;
  }

  /** Ends the run: applies the inputs that take effect by durationMs and returns the result. */
  finish(): RunResult {
    if (this.result) return this.result;
    this.processInputs(this.durationTicks, true);
    this.result = this.buildResult();
    return this.result;
  }

  // -------------------------------------------------------------------------
  // Read-outs for the client

  /** Calls cb for each target shown in the last presented frame (positions as of that frame). */
  forEachVisibleTarget(cb: (target: TargetView) => void): void {
    for (let i = 0; i < this.slots.length; i++) {
      const v = this.slots[i]!.view;
      if (v.visible) cb(v);
    }
  }

  get score(): number {
    return this.computeScore();
  }

  get accuracy(): number {
    if (this.clicking) return this.shots > 0 ? this.hits / this.shots : 0;
    return this.sampledTicks > 0 ? this.onTargetTicks / this.sampledTicks : 0;
  }

  get timeOnTargetMs(): number {
    return this.onTargetTicks / TICKS_PER_MS;
  }

  /** Time of the last presented frame, ms (0 before the first). */
  get elapsedMs(): number {
    return this.lastFrame < 0 ? 0 : this.lastFrame / TICKS_PER_MS;
  }

  /** The accepted inputs as an InputLog (copy). */
  log(): InputLog {
    return this.recorder.toLog();
  }

  // -------------------------------------------------------------------------
  // Internals

  /**
   * Applies queued inputs in (effective time, mouse-before-button) order:
   * mouse moves effective <= limit, and buttons effective < limit, or <= limit
   * when buttonsAtLimit (frames sit between mouse and button at equal times).
   */
  private processInputs(limit: number, buttonsAtLimit: boolean): void {
    const mq = this.mouseQ;
    const bq = this.buttonQ;
    for (;;) {
      const mt = mq.size > 0 ? mq.t[mq.head]! : Infinity;
      const bt = bq.size > 0 ? bq.t[bq.head]! : Infinity;
      if (mt <= bt) {
        if (mt > limit) return;
        this.applyMouse(mt, mq.a[mq.head]!, mq.b[mq.head]!);
        mq.shift();
      } else {
        if (bt > limit || (bt === limit && !buttonsAtLimit)) return;
        this.applyButton(bt, bq.a[bq.head]!, bq.b[bq.head]! === 1);
        bq.shift();
      }
    }
  }

  private applyMouse(te: number, dx: number, dy: number): void {
    this.yawCounts += dx;
    // DOM movementY is positive downwards; pitch is positive upwards.
    let p = this.pitchCounts - dy;
    if (p > this.maxPitch) p = this.maxPitch;
    else if (p < -this.maxPitch) p = -this.maxPitch;
    this.pitchCounts = p;
    this.aim.yaw = this.yawCounts * this.rpc;
    this.aim.pitch = this.pitchCounts * this.rpc;
    this.dirDirty = true;
    if (this.awaitingOnset > 0) this.detectOnsets(te);
  }

  /** Cosine of the angle between the aim and a target's centre (as of the last frame). */
  private aimCosine(slot: Slot): number {
    const d = this.direction();
    const p = slot.view.position;
    const c = (d.x * p.x + d.y * p.y + d.z * p.z) / Math.sqrt(p.x * p.x + p.y * p.y + p.z * p.z);
    return c > 1 ? 1 : c < -1 ? -1 : c;
  }

  /** The target is engaged at te: its reaction and time to kill count from here. */
  private engage(slot: Slot, te: number): void {
    if (slot.onsetTicks < 0 && slot.onsetCos !== Infinity) this.awaitingOnset--;
    slot.engagedTicks = te;
    slot.onsetTicks = -1;
    const c0 = this.aimCosine(slot);
    // The onset is when the angle has shrunk by REACTION_ONSET_DEG: cos(a0 - onset), from c0 exactly.
    slot.onsetCos = c0 >= COS_ONSET ? Infinity : c0 * COS_ONSET + Math.sqrt(1 - c0 * c0) * SIN_ONSET;
    if (slot.onsetCos !== Infinity) this.awaitingOnset++;
  }

  private detectOnsets(te: number): void {
    for (let i = 0; i < this.slots.length; i++) {
      const s = this.slots[i]!;
      if (!s.active || s.onsetTicks >= 0 || s.onsetCos === Infinity) continue;
      if (this.aimCosine(s) >= s.onsetCos) {
        s.onsetTicks = te;
        this.awaitingOnset--;
      }
    }
  }

  private applyButton(te: number, id: number, down: boolean): void {
    if (!down) {
      this.held[id] = 0;
      return;
    }
    if (this.held[id] === 1) return; // already down
    this.held[id] = 1;
    if (this.clicking && id === PRIMARY_BUTTON) this.shoot(te);
  }

  private direction(): Vec3 {
    if (this.dirDirty) {
      aimDirection(this.aim.yaw, this.aim.pitch, this.dir);
      this.dirDirty = false;
    }
    return this.dir;
  }

  /**
   * Nearest target along the aim among slots shown at or before `shownBy`
   * (positions as of the last processed frame). Ties: lower spawn index.
   */
  private pick(shownBy: number): Slot | null {
    const d = this.direction();
    let best: Slot | null = null;
    let bestT = Infinity;
    for (let i = 0; i < this.slots.length; i++) {
      const s = this.slots[i]!;
      if (!s.active || s.shownTicks < 0 || s.shownTicks > shownBy) continue;
      const p = s.view.position;
      const t = raySphere(d.x, d.y, d.z, p.x, p.y, p.z, this.radius);
      if (t < 0) continue;
      if (t < bestT || (t === bestT && best !== null && s.spawnIndex < best.spawnIndex)) {
        best = s;
        bestT = t;
      }
    }
    return best;
  }

  private shoot(te: number): void {
    this.shots++;
    const frameAt = this.lastFrame;
    const target = frameAt >= 0 ? this.pick(frameAt) : null;
    const shot: ShotRecord = {
      pressedAt: (te - this.latencyTicks) / TICKS_PER_MS,
      effectiveAt: te / TICKS_PER_MS,
      frameAt: frameAt >= 0 ? frameAt / TICKS_PER_MS : -1,
      hit: target !== null,
      targetIndex: target ? target.spawnIndex : -1,
    };
    this.shotRecords.push(shot);
    this.onShot?.(shot, this.aim);
    if (!target) {
      this.misses++;
      return;
    }
    this.hits++;
    this.firstHit(target, te);
    const h = this.scenario.targets.health;
    if (h.type === "hits") {
      target.hitsLeft--;
      target.view.health = target.hitsLeft / h.hits;
      if (target.hitsLeft <= 0) this.kill(target, te);
    }
  }

  private firstHit(slot: Slot, t: number): void {
    if (slot.credited) return;
    slot.credited = true;
    slot.record!.firstHitAt = t / TICKS_PER_MS;
    if (slot.onsetTicks >= 0) this.reactionTimes.push((slot.onsetTicks - slot.engagedTicks) / TICKS_PER_MS);
  }

  private kill(slot: Slot, t: number): void {
    this.kills++;
    slot.record!.killedAt = t / TICKS_PER_MS;
    this.timeToKill.push((t - slot.engagedTicks) / TICKS_PER_MS);
    this.assignSpawn(slot, t + this.respawnTicks);
    // Every target on screen is the player's to go for now.
    for (let i = 0; i < this.slots.length; i++) {
      const other = this.slots[i]!;
      if (other !== slot && other.active && other.shownTicks >= 0) this.engage(other, t);
    }
  }

  /** Puts the next spawn index into `slot`, alive from `at` (nothing if after the end). */
  private assignSpawn(slot: Slot, at: number): void {
    slot.view.visible = false;
    if (slot.onsetTicks < 0 && slot.onsetCos !== Infinity) this.awaitingOnset--;
    slot.onsetCos = Infinity;
    slot.onsetTicks = -1;
    if (at > this.durationTicks) {
      slot.active = false;
      slot.record = null;
      return;
    }
    const k = this.nextSpawn++;
    slot.active = true;
    slot.spawnIndex = k;
    slot.spawnTicks = at;
    slot.shownTicks = -1;
    slot.credited = false;
    const h = this.scenario.targets.health;
    slot.hitsLeft = h.type === "hits" ? h.hits : 0;
    slot.hpTicks = h.type === "time" ? h.ms * TICKS_PER_MS : 0;
    computeSpawnParams(this.scenario, this.seed, k, slot.params);
    slot.view.spawnIndex = k;
    slot.view.spawnedAtMs = at / TICKS_PER_MS;
    slot.view.health = 1;
    slot.record = { spawnIndex: k, spawnedAt: at / TICKS_PER_MS, firstShownAt: null, firstHitAt: null, killedAt: null };
    this.targetRecords.push(slot.record);
  }

  private processFrame(f: number): void {
    const prev = this.lastFrame;
    // 1. What this frame shows: every alive target at its position at f.
    for (let i = 0; i < this.slots.length; i++) {
      const s = this.slots[i]!;
      if (!s.active || s.spawnTicks > f) continue;
      positionFromParams(this.scenario, s.params, (f - s.spawnTicks) / TICKS_PER_MS, s.view.position);
      if (s.shownTicks < 0) {
        s.shownTicks = f;
        s.record!.firstShownAt = f / TICKS_PER_MS;
        this.engage(s, f);
      }
      s.view.visible = true;
    }
    this.lastFrame = f;

    // 2. Tracking credit for the interval (prev, f], capped.
    if (!this.clicking && prev >= 0) {
      const interval = Math.min(f - prev, MAX_CREDIT_TICKS);
      if (interval > 0 && (!this.scenario.scoring.requireButtonHeld || this.held[PRIMARY_BUTTON] === 1)) {
        this.sampledTicks += interval;
        const target = this.pick(prev); // must already have been shown in the previous frame
        if (target) {
          this.onTargetTicks += interval;
          this.firstHit(target, f);
          const h = this.scenario.targets.health;
          if (h.type === "time") {
            target.hpTicks -= interval;
            target.view.health = Math.max(0, target.hpTicks) / (h.ms * TICKS_PER_MS);
            if (target.hpTicks <= 0) this.kill(target, f);
          }
        }
      }
    }
  }

  private computeScore(): number {
    const sc = this.scenario.scoring;
    // Exact integer/dyadic arithmetic, then a single rounding.
    const raw =
      this.hits * sc.pointsPerHit +
      this.kills * sc.pointsPerKill +
      this.misses * sc.pointsPerMiss +
      (this.onTargetTicks * sc.pointsPerSecondOnTarget) / (1000 * TICKS_PER_MS);
    let mult = 1;
    const acc = this.accuracy;
    for (let i = 0; i < sc.accuracyExponent; i++) mult *= acc;
    return Math.round(Math.max(0, raw) * mult);
  }

  private buildResult(): RunResult {
    const log = this.recorder.toLog();
    const fc = checkFrameCap(log.frames.t, this.tier);
    return {
      scenarioId: this.scenario.id,
      seed: this.seed,
      tier: this.tier.name,
      score: this.computeScore(),
      hits: this.hits,
      misses: this.misses,
      shots: this.shots,
      accuracy: this.accuracy,
      kills: this.kills,
      reactionTimesMs: this.reactionTimes.slice(),
      timeToKillMs: this.timeToKill.slice(),
      timeOnTargetMs: this.onTargetTicks / TICKS_PER_MS,
      sampledTimeMs: this.sampledTicks / TICKS_PER_MS,
      durationMs: this.scenario.durationMs,
      frames: {
        count: log.frames.t.length,
        achievedFps: fc.achievedFps,
        medianIntervalMs: fc.medianIntervalMs,
        p99IntervalMs: fc.p99IntervalMs,
        capViolations: fc.violations,
      },
      shotRecords: this.shotRecords.map((s) => ({ ...s })),
      targets: this.targetRecords.map((t) => ({ ...t })),
      adjustedEvents: this.recorder.adjusted,
    };
  }
}

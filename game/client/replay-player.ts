/**
 * The replay viewer's clock and state, without the DOM: plays a stored input log through the game
 * core's Simulation so that at replay time t the simulation shows what the player saw at t (the
 * last frame the run presented at or before t, so the tier's frame pacing is kept), with play,
 * pause, seek and speed.
 *
 * Loading replays the whole log once: that gives `replay()`'s result (the server's) and, per
 * presented frame, the aim shown, plus every shot's aim point, for the aim map and the shot
 * markers. Seeking forwards feeds more of the log; seeking backwards re-simulates from the start
 * (a 60 s run takes a few ms, see docs/bench.md). Playing allocates nothing beyond what the core's
 * Simulation allocates live (a record per shot and per spawn).
 */
import { LogFeeder, Simulation, type InputLog, type RunResult, type RunSettings, type Scenario, type Tier } from "../core";

/** Everything a replay needs: what the server stored with the run. */
export interface ReplayInput {
  scenario: Scenario;
  seed: number;
  tier: Tier;
  settings: RunSettings;
  log: InputLog;
}

export const REPLAY_SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

/** The run frame by frame and shot by shot, computed once at load. */
export interface ReplayTimeline {
  /** Presented frames: time (ms) and the aim each showed (radians). */
  frameAt: Float64Array;
  yaw: Float64Array;
  pitch: Float64Array;
  /** 1 where the frame credited on-target time (tracking). */
  onTarget: Uint8Array;
  /** Shots in the order they were evaluated: effective time (ms), aim (radians), 1 on a hit. */
  shotAt: Float64Array;
  shotYaw: Float64Array;
  shotPitch: Float64Array;
  shotHit: Uint8Array;
}

/** What the UI shows; the player reports it whenever a shown value changes. */
export interface ReplayStatus {
  /** Replay time, ms since the run's start. */
  readonly time: number;
  readonly durationMs: number;
  readonly score: number;
  readonly hits: number;
  readonly misses: number;
  readonly timeOnTargetMs: number;
  readonly playing: boolean;
  readonly speed: number;
  /** The replay reached the run's end: score, hits and misses are final. */
  readonly ended: boolean;
}

function buildTimeline(input: ReplayInput): { timeline: ReplayTimeline; result: RunResult } {
  const { scenario, seed, tier, settings, log } = input;
  const frameAt = log.frames.t;
  const n = frameAt.length;
  const yaw = new Float64Array(n);
  const pitch = new Float64Array(n);
  const onTarget = new Uint8Array(n);
  const shots: number[] = [];
  const sim = new Simulation(scenario, seed, tier, settings, {
    capacity: log.mouse.t.length + 16,
    onShot: (shot, aim) => shots.push(shot.effectiveAt, aim.yaw, aim.pitch, shot.hit ? 1 : 0),
  });
  const feeder = new LogFeeder(sim, log);
  let credited = 0;
  for (let k = 0; k < n; k++) {
    feeder.feedUntil(frameAt[k]!);
    yaw[k] = sim.aim.yaw;
    pitch[k] = sim.aim.pitch;
    onTarget[k] = sim.timeOnTargetMs > credited ? 1 : 0;
    credited = sim.timeOnTargetMs;
  }
  feeder.feedUntil(Infinity);
  const result = sim.finish();
  const count = shots.length / 4;
  const column = (offset: number) => Float64Array.from({ length: count }, (_, i) => shots[i * 4 + offset]!);
  const timeline: ReplayTimeline = {
    frameAt,
    yaw,
    pitch,
    onTarget,
    shotAt: column(0),
    shotYaw: column(1),
    shotPitch: column(2),
    shotHit: Uint8Array.from(column(3)),
  };
  return { timeline, result };
}

export class ReplayPlayer implements ReplayStatus {
  readonly input: ReplayInput;
  readonly timeline: ReplayTimeline;
  /** The whole log's result: exactly `replay()`'s, i.e. what the server computed. */
  readonly result: RunResult;
  readonly durationMs: number;
  /** Called when a shown value changes: tenths of a second, score, hits, misses, play state, speed. */
  onUpdate: ((status: ReplayStatus) => void) | null = null;

  private sim!: Simulation;
  private feeder!: LogFeeder;
  private t = 0;
  private finished = false;
  private isPlaying = false;
  private rate = 1;
  private anchorWall = 0;
  private anchorTime = 0;
  private readonly shown = { tenths: -1, score: -1, hits: -1, misses: -1, onTarget: -1, playing: false, speed: 0, ended: false };

  constructor(
    input: ReplayInput,
    /** The wall clock, ms (injectable for tests). */
    private readonly now: () => number = () => performance.now(),
  ) {
    this.input = input;
    this.durationMs = input.scenario.durationMs;
    ({ timeline: this.timeline, result: this.result } = buildTimeline(input));
    this.restart();
  }

  /** The simulation as of the replay time: what the player's screen showed then. */
  get simulation(): Simulation {
    return this.sim;
  }
  get time(): number {
    return this.t;
  }
  get score(): number {
    return this.sim.score;
  }
  get hits(): number {
    return this.sim.hits;
  }
  get misses(): number {
    return this.sim.misses;
  }
  get timeOnTargetMs(): number {
    return this.sim.timeOnTargetMs;
  }
  get playing(): boolean {
    return this.isPlaying;
  }
  get speed(): number {
    return this.rate;
  }
  get ended(): boolean {
    return this.finished;
  }
  /** Frames presented so far: the timeline's frames [0, framesShown) are on screen or past. */
  get framesShown(): number {
    return this.feeder.framesFed;
  }
  /** Shots evaluated so far: the timeline's shots [0, shotsFired). */
  get shotsFired(): number {
    return this.sim.shots;
  }
  /** Time of the frame on screen, ms (0 before the first). */
  get frameTime(): number {
    return this.sim.elapsedMs;
  }

  /** Plays from the current time (from the start again once ended). */
  play(): void {
    if (this.isPlaying) return;
    if (this.finished) this.seek(0);
    this.isPlaying = true;
    this.anchor();
    this.report();
  }

  pause(): void {
    if (!this.isPlaying) return;
    this.tick();
    this.isPlaying = false;
    this.report();
  }

  setSpeed(speed: number): void {
    if (!(speed >= REPLAY_SPEEDS[0] && speed <= REPLAY_SPEEDS[REPLAY_SPEEDS.length - 1]!)) {
      throw new RangeError(`replay speed must be between ${REPLAY_SPEEDS[0]} and ${REPLAY_SPEEDS[REPLAY_SPEEDS.length - 1]}`);
    }
    this.tick();
    this.rate = speed;
    this.anchor();
    this.report();
  }

  /** Moves to replay time tMs (clamped to the run); keeps playing if it was. */
  seek(tMs: number): void {
    const t = Math.min(Math.max(tMs, 0), this.durationMs);
    if (t < this.t || (this.finished && t < this.durationMs)) this.restart();
    this.advanceTo(t);
    this.anchor();
    this.report();
  }

  /**
   * Advances a playing replay to the wall clock's now. Returns true when the screen changed (another
   * frame presented, or the end reached), i.e. when it needs drawing.
   */
  tick(): boolean {
    if (!this.isPlaying) return false;
    const frames = this.feeder.framesFed;
    this.advanceTo(this.anchorTime + (this.now() - this.anchorWall) * this.rate);
    this.report();
    return this.finished || this.feeder.framesFed !== frames;
  }

  private restart(): void {
    const { scenario, seed, tier, settings, log } = this.input;
    this.sim = new Simulation(scenario, seed, tier, settings, { capacity: log.mouse.t.length + 16 });
    this.feeder = new LogFeeder(this.sim, log);
    this.t = 0;
    this.finished = false;
  }

  private advanceTo(t: number): void {
    if (this.finished) return;
    if (t < this.durationMs) {
      this.t = t;
      this.feeder.feedUntil(t);
      return;
    }
    // The end: the inputs that take effect by durationMs are applied, as replay() does.
    this.t = this.durationMs;
    this.feeder.feedUntil(Infinity);
    this.sim.finish();
    this.finished = true;
    this.isPlaying = false;
  }

  private anchor(): void {
    this.anchorWall = this.now();
    this.anchorTime = this.t;
  }

  private report(): void {
    const s = this.shown;
    const tenths = Math.floor(this.t / 100);
    const score = this.sim.score;
    const onTarget = Math.floor(this.sim.timeOnTargetMs / 100);
    if (
      tenths === s.tenths &&
      score === s.score &&
      this.sim.hits === s.hits &&
      this.sim.misses === s.misses &&
      onTarget === s.onTarget &&
      this.isPlaying === s.playing &&
      this.rate === s.speed &&
      this.finished === s.ended
    ) {
      return;
    }
    s.tenths = tenths;
    s.score = score;
    s.hits = this.sim.hits;
    s.misses = this.sim.misses;
    s.onTarget = onTarget;
    s.playing = this.isPlaying;
    s.speed = this.rate;
    s.ended = this.finished;
    this.onUpdate?.(this);
  }
}

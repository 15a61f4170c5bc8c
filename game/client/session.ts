/**
 * One run in the browser: pointer lock, a countdown (or none, on a quick retry), the frame loop
 * (tier frame cap applied by time through the core's Simulation), the HUD with its hit and miss
 * feedback, and at the end the result of the core's replay of the recorded input log, which is
 * exactly what the server recomputes.
 *
 * Losing pointer lock (Esc) ends the run, unless the caller takes it over with `onLockLost`: the
 * clock keeps running while the caller asks the player, who then `resume()`s or `abandon()`s.
 *
 * The frame loop allocates nothing in steady state: the simulation, the renderer and the frame-time
 * buffer are reused, and the HUD text is rewritten only when a displayed value changes.
 */
import type { RunEnvironment, RunResult, Scenario, ShotRecord, Tier } from "../core";
import { decodeLog } from "../core/log";
import { replay } from "../core/replay";
import { isClickingKind } from "../core/scenario-kind";
import { Simulation } from "../core/simulation";
import { checkFrameCap } from "../core/tier";
import { accuracyText, clockText, percentOf, tenthsLeft } from "./hud";
import { PointerLockInput } from "./input";
import { SceneRenderer } from "./renderer";
import type { ShotSounds } from "./sounds";
import type { Settings } from "../../lib/contracts/settings";

export interface HudElements {
  time: HTMLElement;
  score: HTMLElement;
  accuracy: HTMLElement;
  countdown: HTMLElement;
  /** The hit marker at the crosshair: `data-shot` is "hit" or "miss" for a moment after a shot, `data-on-target` is set while tracking lands. */
  marker?: HTMLElement | null;
}

/** How long the hit or miss marker shows after a shot. */
export const SHOT_MARKER_MS = 250;

export type SessionOutcome =
  | { kind: "finished"; result: RunResult; log: Uint8Array; environment: RunEnvironment }
  | { kind: "abandoned"; reason: string };

export interface SessionOptions {
  canvas: HTMLCanvasElement;
  scenario: Scenario;
  tier: Tier;
  seed: number;
  settings: Settings;
  refreshHz: number;
  hud: HudElements;
  /** Before the run starts (default 3000; 0 starts at once). */
  countdownMs?: number;
  sounds?: ShotSounds | null;
  onEnd(outcome: SessionOutcome): void;
  /** Given: losing pointer lock does not end the run; the caller decides (resume() or abandon()). */
  onLockLost?(): void;
}

const FRAME_SAMPLES = 1 << 15;

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

export class PlaySession {
  private readonly sim: Simulation;
  private readonly renderer: SceneRenderer;
  private readonly input: PointerLockInput;
  private state: "idle" | "countdown" | "running" | "over" = "idle";
  private origin = 0;
  private raf = 0;
  private countdownTimer: ReturnType<typeof setInterval> | undefined;
  private readonly frameJs = new Float64Array(FRAME_SAMPLES);
  private frameJsCount = 0;
  private shownTenths = -1;
  private shownScore = -1;
  private shownAccuracy: number | null = -1;
  private readonly clicking: boolean;
  private shots = 0;
  private hits = 0;
  private onTarget = false;
  private lastOnTargetMs = 0;
  /** When the shot marker goes (performance.now() time; 0: none showing). */
  private markerUntil = 0;
  private readonly resizeObserver: ResizeObserver;
  private disposed = false;

  constructor(private readonly options: SessionOptions) {
    const { canvas, scenario, tier, seed, settings } = options;
    this.clicking = isClickingKind(scenario.kind);
    this.sim = new Simulation(scenario, seed, tier, settings, { capacity: 1 << 16, onShot: this.onShot });
    this.renderer = new SceneRenderer(canvas, scenario, settings);
    this.input = new PointerLockInput(canvas, this.sim, { dpi: settings.dpi, keyboardFire: settings.keyboardFire });
    this.resetHud();
    this.resize();
    // The canvas changes size with the window and when the arena goes full screen or fills the window.
    this.resizeObserver = new ResizeObserver(this.resize);
    this.resizeObserver.observe(canvas);
    document.addEventListener("pointerlockchange", this.onLockChange);
    this.renderer.render(this.sim);
  }

  /** The HUD as a run starts: never the previous run's numbers. */
  private resetHud() {
    const { hud, scenario } = this.options;
    this.shownTenths = tenthsLeft(scenario.durationMs, 0);
    this.shownScore = 0;
    this.shownAccuracy = null;
    hud.time.textContent = clockText(this.shownTenths);
    hud.score.textContent = String(this.shownScore);
    hud.accuracy.textContent = accuracyText(this.shownAccuracy);
    hud.countdown.textContent = "";
    hud.marker?.removeAttribute("data-shot");
    hud.marker?.removeAttribute("data-on-target");
  }

  /** Locks the pointer (call from a click or key press), counts down, then runs. */
  async begin(): Promise<void> {
    if (this.state !== "idle") return;
    await this.input.lock();
    if (this.state !== "idle") return; // disposed while the browser granted the lock
    this.state = "countdown";
    let left = Math.ceil((this.options.countdownMs ?? 3000) / 1000);
    if (left <= 0) {
      this.raf = requestAnimationFrame(this.startRun);
      return;
    }
    const { countdown } = this.options.hud;
    countdown.textContent = String(left);
    this.countdownTimer = setInterval(() => {
      left -= 1;
      countdown.textContent = left > 0 ? String(left) : "";
      if (left <= 0) {
        clearInterval(this.countdownTimer);
        this.raf = requestAnimationFrame(this.startRun);
      }
    }, 1000);
  }

  /** The run clock starts at the first frame's timestamp. */
  private readonly startRun = (now: number) => {
    if (this.state !== "countdown") return;
    this.state = "running";
    this.origin = now;
    this.input.attach(now);
    this.tick(now);
  };

  private readonly tick = (now: number) => {
    if (this.state !== "running") return;
    const started = performance.now();
    const t = now - this.origin;
    if (this.sim.isOver(t)) {
      this.finish();
      return;
    }
    this.raf = requestAnimationFrame(this.tick);
    if (!this.sim.canPresent(t)) return;
    this.sim.frame(t);
    this.renderer.render(this.sim);
    this.updateHud(t);
    this.updateMarker(now);
    this.frameJs[this.frameJsCount++ & (FRAME_SAMPLES - 1)] = performance.now() - started;
  };

  private updateHud(t: number) {
    const { hud, scenario } = this.options;
    const tenths = tenthsLeft(scenario.durationMs, t);
    if (tenths !== this.shownTenths) {
      this.shownTenths = tenths;
      hud.time.textContent = clockText(tenths);
    }
    const score = this.sim.score;
    if (score !== this.shownScore) {
      this.shownScore = score;
      hud.score.textContent = String(score);
    }
    // Clicking: hits per shot. Tracking: time on target per time played (whether or not a button is held).
    const onTargetMs = this.sim.timeOnTargetMs;
    const accuracy = this.clicking ? percentOf(this.hits, this.shots) : percentOf(onTargetMs, this.sim.elapsedMs);
    if (accuracy !== this.shownAccuracy) {
      this.shownAccuracy = accuracy;
      hud.accuracy.textContent = accuracyText(accuracy);
    }
    if (!this.clicking) {
      const onTarget = onTargetMs > this.lastOnTargetMs;
      this.lastOnTargetMs = onTargetMs;
      if (onTarget !== this.onTarget) {
        this.onTarget = onTarget;
        hud.marker?.toggleAttribute("data-on-target", onTarget);
      }
    }
  }

  /** Each evaluated shot (during frames): the sound and the marker. */
  private readonly onShot = (shot: ShotRecord) => {
    if (this.state !== "running") return;
    this.shots++;
    if (shot.hit) this.hits++;
    const { sounds, hud } = this.options;
    if (shot.hit) sounds?.hit();
    else sounds?.miss();
    if (hud.marker) {
      hud.marker.setAttribute("data-shot", shot.hit ? "hit" : "miss");
      this.markerUntil = performance.now() + SHOT_MARKER_MS;
    }
  };

  private updateMarker(now: number) {
    if (this.markerUntil !== 0 && now >= this.markerUntil) {
      this.markerUntil = 0;
      this.options.hud.marker?.removeAttribute("data-shot");
    }
  }

  private finish() {
    this.stop();
    this.options.hud.time.textContent = clockText(0);
    const { scenario, seed, tier, settings, refreshHz } = this.options;
    this.sim.finish();
    const log = this.sim.recorder.encode();
    // What the player sees is the replay of the recorded log: the server's computation.
    const result = replay(scenario, seed, tier, decodeLog(log), settings);
    const frames = checkFrameCap(this.sim.recorder.toLog().frames.t, tier);
    const samples = this.frameJs.slice(0, Math.min(this.frameJsCount, FRAME_SAMPLES)).sort();
    const environment: RunEnvironment = {
      tier: tier.name,
      fpsCap: tier.fpsCap,
      addedLatencyMs: tier.addedLatencyMs,
      refreshHz,
      achievedFps: frames.achievedFps,
      belowTierCap: frames.achievedFps < tier.fpsCap * 0.95,
      frameJsMs: { median: percentile(samples, 0.5), p99: percentile(samples, 0.99) },
      rawInput: this.input.rawInput,
      spikesDropped: this.input.spikesDropped,
      cm360: settings.cm360,
      dpi: settings.dpi,
      hfovDeg: settings.hfovDeg,
      devicePixelRatio: window.devicePixelRatio,
      userAgent: navigator.userAgent,
    };
    this.options.onEnd({ kind: "finished", result, log, environment });
  }

  private readonly onLockChange = () => {
    if ((this.state === "running" || this.state === "countdown") && !this.input.locked) {
      if (this.options.onLockLost) this.options.onLockLost();
      else this.abandon("Pointer lock was released (Esc): the run was stopped.");
    }
  };

  /** Takes pointer lock again after onLockLost (call from a click); the run went on meanwhile. */
  async resume(): Promise<void> {
    if (this.state === "running" || this.state === "countdown") await this.input.lock();
  }

  /** Ends the run unfinished (the player chose to, or lost pointer lock). */
  abandon(reason: string): void {
    if (this.state === "over") return;
    this.stop();
    this.options.onEnd({ kind: "abandoned", reason });
  }

  /** Whether the run (or its countdown) is under way. */
  get active(): boolean {
    return this.state === "running" || this.state === "countdown";
  }

  private readonly resize = () => {
    const canvas = this.options.canvas;
    this.renderer.resize(canvas.clientWidth || 1, canvas.clientHeight || 1);
    if (this.state !== "running") this.renderer.render(this.sim);
  };

  private stop() {
    this.state = "over";
    clearInterval(this.countdownTimer);
    cancelAnimationFrame(this.raf);
    this.input.detach();
    this.input.unlock();
    this.options.hud.countdown.textContent = "";
    this.options.hud.marker?.removeAttribute("data-shot");
    this.options.hud.marker?.removeAttribute("data-on-target");
  }

  /** Stops the session for good (a second call does nothing). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.state !== "over") this.stop();
    this.resizeObserver.disconnect();
    document.removeEventListener("pointerlockchange", this.onLockChange);
    this.renderer.dispose();
  }
}

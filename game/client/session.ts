/**
 * One run in the browser: pointer lock, a countdown, the frame loop (tier frame cap applied by
 * time through the core's Simulation), the HUD, and at the end the result of the core's replay of
 * the recorded input log, which is exactly what the server recomputes.
 *
 * The frame loop allocates nothing in steady state: the simulation, the renderer and the frame-time
 * buffer are reused, and the HUD text is rewritten only when a displayed value changes.
 */
import {
  checkFrameCap,
  decodeLog,
  replay,
  Simulation,
  type RunEnvironment,
  type RunResult,
  type Scenario,
  type Tier,
} from "../core";
import { PointerLockInput } from "./input";
import { SceneRenderer } from "./renderer";
import type { Settings } from "../../lib/contracts/settings";

export interface HudElements {
  time: HTMLElement;
  score: HTMLElement;
  accuracy: HTMLElement;
  countdown: HTMLElement;
}

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
  countdownMs?: number;
  onEnd(outcome: SessionOutcome): void;
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
  private shownAccuracy = -1;

  constructor(private readonly options: SessionOptions) {
    const { canvas, scenario, tier, seed, settings } = options;
    this.sim = new Simulation(scenario, seed, tier, settings, { capacity: 1 << 16 });
    this.renderer = new SceneRenderer(canvas, scenario, settings);
    this.input = new PointerLockInput(canvas, this.sim, { dpi: settings.dpi, keyboardFire: settings.keyboardFire });
    this.resize();
    window.addEventListener("resize", this.resize);
    document.addEventListener("pointerlockchange", this.onLockChange);
    this.renderer.render(this.sim);
  }

  /** Locks the pointer (call from a click), counts down, then runs. */
  async begin(): Promise<void> {
    if (this.state !== "idle") return;
    await this.input.lock();
    this.state = "countdown";
    let left = Math.ceil((this.options.countdownMs ?? 3000) / 1000);
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
    this.frameJs[this.frameJsCount++ & (FRAME_SAMPLES - 1)] = performance.now() - started;
  };

  private updateHud(t: number) {
    const { hud, scenario } = this.options;
    const tenths = Math.max(0, Math.ceil((scenario.durationMs - t) / 100));
    if (tenths !== this.shownTenths) {
      this.shownTenths = tenths;
      hud.time.textContent = (tenths / 10).toFixed(1);
    }
    const score = this.sim.score;
    if (score !== this.shownScore) {
      this.shownScore = score;
      hud.score.textContent = String(score);
    }
    const accuracy = Math.round(this.sim.accuracy * 100);
    if (accuracy !== this.shownAccuracy) {
      this.shownAccuracy = accuracy;
      hud.accuracy.textContent = `${accuracy}%`;
    }
  }

  private finish() {
    this.stop();
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
      this.stop();
      this.options.onEnd({ kind: "abandoned", reason: "Pointer lock was released (Esc): the run was stopped." });
    }
  };

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
  }

  dispose(): void {
    if (this.state !== "over") this.stop();
    window.removeEventListener("resize", this.resize);
    document.removeEventListener("pointerlockchange", this.onLockChange);
    this.renderer.dispose();
  }
}

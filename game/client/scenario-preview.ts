/**
 * The scenario editor's live preview: the real game core runs the draft (a Simulation on the
 * Ultimate tier's clock) and the trainer's own three.js renderer draws it, with no input from the
 * viewer. A demo player aims as a steady hand would (a fraction of the way to its target each
 * frame), shoots clicking targets once on them and holds the button while tracking, so kills,
 * respawns and the spawn area show as they will in a run. At the end of the run's duration it
 * starts over on the next seed.
 *
 * For tests and tools the canvas says what it shows: `data-preview-frame` counts presented frames,
 * `data-preview-targets` lists the visible targets' positions ("x,y,z;..." to 0.01).
 */
import { anglesToward, PRIMARY_BUTTON, radiansPerCount, Simulation, TIERS, isClickingKind, type Aim, type Scenario } from "../core";
import { SceneRenderer } from "./renderer";
import type { Settings } from "../../lib/contracts/settings";

/** The share of the remaining angle the demo aim covers per frame. */
const AIM_GAIN = 0.2;
/** The demo player's least time between two shots, ms. */
const SHOT_INTERVAL_MS = 250;

export class ScenarioPreview {
  private readonly renderer: SceneRenderer;
  private readonly rpc: number;
  private readonly clicking: boolean;
  private sim!: Simulation;
  private seed = 1;
  private startedAt = 0;
  private lastShotAt = -Infinity;
  private frames = 0;
  private raf = 0;
  private readonly wanted: Aim = { yaw: 0, pitch: 0 };

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly scenario: Scenario,
    private readonly settings: Settings,
  ) {
    this.renderer = new SceneRenderer(canvas, scenario, settings);
    this.rpc = radiansPerCount(settings);
    this.clicking = isClickingKind(scenario.kind);
    this.restart();
    this.resize();
    window.addEventListener("resize", this.resize);
    this.raf = requestAnimationFrame(this.frame);
  }

  /** A new run of the draft on the next seed, from now. */
  private restart(): void {
    this.sim = new Simulation(this.scenario, this.seed++, TIERS.ultimate, this.settings);
    this.startedAt = performance.now();
    this.lastShotAt = -Infinity;
    if (!this.clicking && this.scenario.scoring.requireButtonHeld) this.sim.button(0, PRIMARY_BUTTON, true);
  }

  private readonly frame = (now: number) => {
    this.raf = requestAnimationFrame(this.frame);
    let t = now - this.startedAt;
    if (this.sim.isOver(t)) {
      this.restart();
      t = 0;
    }
    if (!this.sim.canPresent(t)) return;
    this.sim.frame(t);
    this.aim(t);
    this.renderer.render(this.sim);
    this.frames++;
    this.canvas.dataset.previewFrame = String(this.frames);
    this.canvas.dataset.previewTargets = this.sim.targets
      .filter((v) => v.visible)
      .map((v) => `${v.position.x.toFixed(2)},${v.position.y.toFixed(2)},${v.position.z.toFixed(2)}`)
      .join(";");
  };

  /** The demo player: turns toward the first visible target, and shoots it once the aim is on it. */
  private aim(t: number): void {
    const target = this.sim.targets.find((v) => v.visible);
    if (!target) return;
    anglesToward(target.position, this.wanted);
    let dYaw = this.wanted.yaw - this.sim.aim.yaw;
    dYaw -= 2 * Math.PI * Math.round(dYaw / (2 * Math.PI));
    const dPitch = this.wanted.pitch - this.sim.aim.pitch;
    // DOM movementY is positive downwards.
    this.sim.mouseMove(t, (AIM_GAIN * dYaw) / this.rpc, (-AIM_GAIN * dPitch) / this.rpc);
    const onTarget = Math.hypot(dYaw, dPitch) < (0.7 * target.radius) / this.scenario.targets.distance;
    if (this.clicking && onTarget && t - this.lastShotAt >= SHOT_INTERVAL_MS) {
      this.sim.button(t, PRIMARY_BUTTON, true);
      this.sim.button(t, PRIMARY_BUTTON, false);
      this.lastShotAt = t;
    }
  }

  private readonly resize = () => {
    this.renderer.resize(this.canvas.clientWidth || 1, this.canvas.clientHeight || 1);
  };

  dispose(): void {
    cancelAnimationFrame(this.raf);
    window.removeEventListener("resize", this.resize);
    this.renderer.dispose();
  }
}

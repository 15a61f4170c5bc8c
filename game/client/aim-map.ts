/**
 * The replay viewer's aim map: the run seen from above in aim space (yaw across, pitch up) on a 2D
 * canvas. It shows the aim path of the last two seconds (segments that earned tracking credit
 * highlighted), the targets on screen, the shots of the same window (a ring on a hit, a cross on a
 * miss: shape as well as colour) and the current aim. The view spans the scenario's spawn area and
 * everywhere the run's aim went, at one scale on both axes. Drawing allocates nothing.
 */
import { anglesToward, type Aim } from "../core";
import type { ReplayPlayer } from "./replay-player";

/** How much of the past the map shows, ms of replay time. */
export const AIM_MAP_WINDOW_MS = 2000;
/** Margin around the spawn area and the aim's extent, degrees. */
const MARGIN_DEG = 5;
const RAD_TO_DEG = 180 / Math.PI;

export const AIM_MAP_COLOURS = {
  background: "rgba(14, 17, 22, 0.82)",
  grid: "#2b3340",
  spawnArea: "#3b4657",
  target: "rgba(230, 159, 0, 0.55)",
  path: "#9aa4b2",
  pathOnTarget: "#56b4e9",
  hit: "#56b4e9",
  miss: "#f0e442",
  aim: "#00e5ff",
} as const;

/** Aim path points closer than this to the previous one drawn are skipped, CSS pixels. */
const MIN_STEP_PX = 2;
const DASH = [4, 4];
const SOLID: number[] = [];

export class AimMap {
  private readonly ctx: CanvasRenderingContext2D;
  /** Visible area, degrees. */
  private readonly yawMin: number;
  private readonly yawMax: number;
  private readonly pitchMin: number;
  private readonly pitchMax: number;
  private readonly targetRadiusDeg: number;
  private scale = 1;
  private originX = 0;
  private originY = 0;
  private width = 1;
  private height = 1;
  private readonly aim: Aim = { yaw: 0, pitch: 0 };

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly player: ReplayPlayer,
  ) {
    this.ctx = canvas.getContext("2d")!;
    const { scenario } = player.input;
    const { spawn, motion, targets } = scenario;
    const yawReach = spawn.halfWidthDeg + (motion.type === "strafe" ? motion.amplitudeDeg : motion.type === "smooth" ? motion.amplitudeYawDeg : 0);
    const pitchReach = spawn.halfHeightDeg + (motion.type === "smooth" ? motion.amplitudePitchDeg : 0);
    let yawMin = spawn.centerYawDeg - yawReach;
    let yawMax = spawn.centerYawDeg + yawReach;
    let pitchMin = spawn.centerPitchDeg - pitchReach;
    let pitchMax = spawn.centerPitchDeg + pitchReach;
    const { yaw, pitch } = player.timeline;
    for (let k = 0; k < yaw.length; k++) {
      yawMin = Math.min(yawMin, yaw[k]! * RAD_TO_DEG);
      yawMax = Math.max(yawMax, yaw[k]! * RAD_TO_DEG);
      pitchMin = Math.min(pitchMin, pitch[k]! * RAD_TO_DEG);
      pitchMax = Math.max(pitchMax, pitch[k]! * RAD_TO_DEG);
    }
    this.yawMin = yawMin - MARGIN_DEG;
    this.yawMax = yawMax + MARGIN_DEG;
    this.pitchMin = pitchMin - MARGIN_DEG;
    this.pitchMax = pitchMax + MARGIN_DEG;
    this.targetRadiusDeg = Math.asin(targets.radius / targets.distance) * RAD_TO_DEG;
    this.resize();
  }

  /** Matches the canvas's pixels to its CSS size and fits the view into it. */
  resize(): void {
    const dpr = Math.min(window.devicePixelRatio || 1, 2);
    this.width = Math.max(1, Math.round(this.canvas.clientWidth * dpr));
    this.height = Math.max(1, Math.round(this.canvas.clientHeight * dpr));
    this.canvas.width = this.width;
    this.canvas.height = this.height;
    const spanYaw = this.yawMax - this.yawMin;
    const spanPitch = this.pitchMax - this.pitchMin;
    this.scale = Math.min(this.width / spanYaw, this.height / spanPitch);
    this.originX = (this.width - spanYaw * this.scale) / 2;
    this.originY = (this.height - spanPitch * this.scale) / 2;
  }

  // Whole device pixels: small integers reach the canvas unboxed (a fractional double passed to a
  // canvas method is a heap allocation in V8).
  private x(yawRad: number): number {
    return Math.round(this.originX + (yawRad * RAD_TO_DEG - this.yawMin) * this.scale);
  }

  private y(pitchRad: number): number {
    return Math.round(this.originY + (this.pitchMax - pitchRad * RAD_TO_DEG) * this.scale);
  }

  draw(): void {
    const { ctx, player, scale } = this;
    const { scenario } = player.input;
    const tl = player.timeline;
    const now = player.frameTime;
    const since = now - AIM_MAP_WINDOW_MS;
    const dpr = Math.min(window.devicePixelRatio || 1, 2);

    ctx.clearRect(0, 0, this.width, this.height);
    ctx.fillStyle = AIM_MAP_COLOURS.background;
    ctx.fillRect(0, 0, this.width, this.height);

    // The straight-ahead axes, and the area targets spawn in.
    ctx.lineWidth = dpr;
    ctx.strokeStyle = AIM_MAP_COLOURS.grid;
    ctx.beginPath();
    ctx.moveTo(this.x(0), 0);
    ctx.lineTo(this.x(0), this.height);
    ctx.moveTo(0, this.y(0));
    ctx.lineTo(this.width, this.y(0));
    ctx.stroke();
    const { spawn } = scenario;
    ctx.strokeStyle = AIM_MAP_COLOURS.spawnArea;
    ctx.setLineDash(DASH);
    ctx.strokeRect(
      this.originX + (spawn.centerYawDeg - spawn.halfWidthDeg - this.yawMin) * scale,
      this.originY + (this.pitchMax - spawn.centerPitchDeg - spawn.halfHeightDeg) * scale,
      2 * spawn.halfWidthDeg * scale,
      2 * spawn.halfHeightDeg * scale,
    );
    ctx.setLineDash(SOLID);

    // Targets on screen.
    ctx.fillStyle = AIM_MAP_COLOURS.target;
    const targets = player.simulation.targets;
    for (let i = 0; i < targets.length; i++) {
      const view = targets[i]!;
      if (!view.visible) continue;
      anglesToward(view.position, this.aim);
      ctx.beginPath();
      ctx.arc(this.x(this.aim.yaw), this.y(this.aim.pitch), Math.max(2, Math.round(this.targetRadiusDeg * scale)), 0, 2 * Math.PI);
      ctx.fill();
    }

    // The aim path: frames in the window, one polyline per colour. A point less than MIN_STEP_PX
    // from the last one drawn is skipped (unless it ends a stretch): at rest or on a slow track
    // most are, which keeps the canvas calls (and V8's boxing of their arguments) few.
    const last = player.framesShown - 1;
    let first = last;
    while (first > 0 && tl.frameAt[first - 1]! >= since) first--;
    const minStep = MIN_STEP_PX * dpr;
    ctx.lineWidth = 1.5 * dpr;
    for (let pass = 0; pass < 2; pass++) {
      ctx.strokeStyle = pass === 0 ? AIM_MAP_COLOURS.path : AIM_MAP_COLOURS.pathOnTarget;
      ctx.beginPath();
      let open = false;
      let lastX = 0;
      let lastY = 0;
      for (let k = first + 1; k <= last; k++) {
        if (tl.onTarget[k] !== pass) {
          open = false;
          continue;
        }
        const x = this.x(tl.yaw[k]!);
        const y = this.y(tl.pitch[k]!);
        if (!open) {
          ctx.moveTo(this.x(tl.yaw[k - 1]!), this.y(tl.pitch[k - 1]!));
          open = true;
        } else if (k < last && tl.onTarget[k + 1] === pass && Math.abs(x - lastX) + Math.abs(y - lastY) < minStep) {
          continue;
        }
        ctx.lineTo(x, y);
        lastX = x;
        lastY = y;
      }
      ctx.stroke();
    }

    // Shots in the window.
    const mark = Math.round(4 * dpr);
    for (let s = player.shotsFired - 1; s >= 0 && tl.shotAt[s]! >= since; s--) {
      const x = this.x(tl.shotYaw[s]!);
      const y = this.y(tl.shotPitch[s]!);
      ctx.beginPath();
      if (tl.shotHit[s] === 1) {
        ctx.strokeStyle = AIM_MAP_COLOURS.hit;
        ctx.arc(x, y, mark, 0, 2 * Math.PI);
      } else {
        ctx.strokeStyle = AIM_MAP_COLOURS.miss;
        ctx.moveTo(x - mark, y - mark);
        ctx.lineTo(x + mark, y + mark);
        ctx.moveTo(x + mark, y - mark);
        ctx.lineTo(x - mark, y + mark);
      }
      ctx.stroke();
    }

    // The aim on screen now.
    if (last >= 0) {
      const x = this.x(tl.yaw[last]!);
      const y = this.y(tl.pitch[last]!);
      ctx.strokeStyle = AIM_MAP_COLOURS.aim;
      ctx.beginPath();
      ctx.moveTo(x - 2 * mark, y);
      ctx.lineTo(x + 2 * mark, y);
      ctx.moveTo(x, y - 2 * mark);
      ctx.lineTo(x, y + 2 * mark);
      ctx.stroke();
    }
  }
}

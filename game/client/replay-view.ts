/**
 * The replay viewer on screen: the live game's three.js renderer draws the replayed simulation
 * (camera on the player's aim, targets where they were), shot markers show each shot at its aim
 * point for a moment (a ring on a hit, a cross on a miss), and the aim map draws the aim path from
 * above. An animation-frame loop drives the ReplayPlayer's clock while playing and draws only when
 * another recorded frame is due, so a Free run replays at its 60 fps whatever the display.
 *
 * Like the live game's loop, this one allocates nothing of its own per frame.
 */
import * as THREE from "three";
import { mergeGeometries } from "three/examples/jsm/utils/BufferGeometryUtils.js";
import { aimDirection, vec3, type Scenario } from "../core";
import { AimMap } from "./aim-map";
import { SceneRenderer } from "./renderer";
import type { ReplayPlayer } from "./replay-player";
import type { Settings } from "../../lib/contracts/settings";

/** How long a shot marker stays on screen, ms of replay time. */
export const SHOT_MARKER_MS = 400;
/** Markers of each kind on screen at once (the most recent shots win). */
const MARKERS = 8;
const HIT_COLOUR = "#56b4e9";
const MISS_COLOUR = "#f0e442";

/**
 * Where shots landed in the 3D view: placed at the shot's aim, just in front of the targets, and
 * shrinking as they age. One mesh and one material per marker kind, so no shader is compiled while
 * playing; markers' matrices are updated only when placed, so hidden ones cost nothing per frame.
 */
class ShotMarkers {
  private readonly hits: THREE.Mesh[] = [];
  private readonly misses: THREE.Mesh[] = [];
  private readonly distance: number;
  private readonly dir = vec3();

  constructor(renderer: SceneRenderer, scenario: Scenario) {
    const r = scenario.targets.radius;
    this.distance = scenario.targets.distance - 1.5 * r;
    const ring = new THREE.RingGeometry(0.45 * r, 0.7 * r, 32);
    const cross = mergeGeometries([
      new THREE.PlaneGeometry(1.3 * r, 0.22 * r).rotateZ(Math.PI / 4),
      new THREE.PlaneGeometry(1.3 * r, 0.22 * r).rotateZ(-Math.PI / 4),
    ]);
    const material = (colour: string) => new THREE.MeshBasicMaterial({ color: colour, depthTest: false, side: THREE.DoubleSide });
    const hitMaterial = material(HIT_COLOUR);
    const missMaterial = material(MISS_COLOUR);
    for (let i = 0; i < MARKERS; i++) {
      const hit = new THREE.Mesh(ring, hitMaterial);
      const miss = new THREE.Mesh(cross, missMaterial);
      for (const marker of [hit, miss]) {
        marker.visible = false;
        marker.renderOrder = 10;
        marker.matrixAutoUpdate = false;
        marker.rotation.order = "YXZ";
        renderer.add(marker);
      }
      this.hits.push(hit);
      this.misses.push(miss);
    }
  }

  /** Shows the shots of the last SHOT_MARKER_MS before the frame on screen. */
  update(player: ReplayPlayer): void {
    for (let i = 0; i < MARKERS; i++) this.hits[i]!.visible = this.misses[i]!.visible = false;
    const tl = player.timeline;
    const now = player.frameTime;
    let h = 0;
    let m = 0;
    for (let s = player.shotsFired - 1; s >= 0; s--) {
      const age = Math.max(0, now - tl.shotAt[s]!);
      if (age > SHOT_MARKER_MS) break;
      const hit = tl.shotHit[s] === 1;
      if (hit ? h === MARKERS : m === MARKERS) continue;
      const marker = hit ? this.hits[h++]! : this.misses[m++]!;
      const yaw = tl.shotYaw[s]!;
      const pitch = tl.shotPitch[s]!;
      aimDirection(yaw, pitch, this.dir);
      marker.position.set(this.dir.x * this.distance, this.dir.y * this.distance, this.dir.z * this.distance);
      // Turned as the camera is when it looks that way, so it faces the player.
      marker.rotation.set(pitch, -yaw, 0);
      marker.scale.setScalar(1 - 0.5 * (age / SHOT_MARKER_MS));
      marker.updateMatrix();
      marker.visible = true;
    }
  }
}

export interface ReplayViewOptions {
  /** The 3D view. */
  canvas: HTMLCanvasElement;
  /** The aim map's canvas. */
  map: HTMLCanvasElement;
  player: ReplayPlayer;
  /** The viewer's own colours; the FOV is the run's. */
  settings: Settings;
}

export class ReplayView {
  readonly player: ReplayPlayer;
  private readonly renderer: SceneRenderer;
  private readonly markers: ShotMarkers;
  private readonly map: AimMap;
  private raf = 0;
  private mapShown = true;

  constructor(private readonly options: ReplayViewOptions) {
    const { canvas, map, player, settings } = options;
    this.player = player;
    this.renderer = new SceneRenderer(canvas, player.input.scenario, settings);
    this.markers = new ShotMarkers(this.renderer, player.input.scenario);
    this.map = new AimMap(map, player);
    this.resize();
    window.addEventListener("resize", this.resize);
  }

  play(): void {
    this.player.play();
    cancelAnimationFrame(this.raf);
    this.raf = requestAnimationFrame(this.replayFrame);
    this.draw();
  }

  pause(): void {
    this.player.pause();
    cancelAnimationFrame(this.raf);
    this.draw();
  }

  toggle(): void {
    if (this.player.playing) this.pause();
    else this.play();
  }

  seek(tMs: number): void {
    this.player.seek(tMs);
    this.draw();
  }

  setSpeed(speed: number): void {
    this.player.setSpeed(speed);
  }

  /** Shows or hides the aim map (hidden, it is not drawn). */
  showMap(shown: boolean): void {
    this.mapShown = shown;
    if (shown) {
      this.map.resize();
      this.map.draw();
    }
  }

  private readonly replayFrame = () => {
    if (this.player.tick()) this.draw();
    if (this.player.playing) this.raf = requestAnimationFrame(this.replayFrame);
  };

  private draw(): void {
    this.markers.update(this.player);
    this.renderer.render(this.player.simulation);
    if (this.mapShown) this.map.draw();
  }

  private readonly resize = () => {
    const { canvas } = this.options;
    this.renderer.resize(canvas.clientWidth || 1, canvas.clientHeight || 1);
    this.map.resize();
    this.draw();
  };

  dispose(): void {
    cancelAnimationFrame(this.raf);
    window.removeEventListener("resize", this.resize);
    this.renderer.dispose();
  }
}

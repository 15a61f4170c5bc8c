/**
 * Draws what the game core says: the camera follows the simulation's (delayed) aim, and one mesh
 * per target slot sits where the core placed it in the last presented frame. Nothing is allocated
 * per frame: meshes, materials and vectors are made once.
 */
import * as THREE from "three";
import type { Scenario, Simulation } from "../core";
import { verticalFovFromHorizontal } from "../core/world";
import { TARGET_COLOURS, type Settings } from "../../lib/contracts/settings";

export class SceneRenderer {
  private readonly renderer: THREE.WebGLRenderer;
  private readonly scene = new THREE.Scene();
  private readonly camera: THREE.PerspectiveCamera;
  private readonly targets: THREE.Group[] = [];
  private readonly materials: THREE.MeshMatcapMaterial[] = [];
  private readonly baseColour: THREE.Color;
  private readonly white = new THREE.Color("#ffffff");
  private readonly hfovDeg: number;

  constructor(canvas: HTMLCanvasElement, scenario: Scenario, settings: Settings) {
    this.hfovDeg = settings.hfovDeg;
    this.renderer = new THREE.WebGLRenderer({ canvas, antialias: true, powerPreference: "high-performance" });
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio, 2));
    this.camera = new THREE.PerspectiveCamera(70, 16 / 9, 0.1, 5000);
    // aimDirection(yaw, pitch) of the core, in three.js terms (see game/core/world.ts).
    this.camera.rotation.order = "YXZ";
    this.scene.background = new THREE.Color("#1b2029");
    this.buildRoom(scenario);
    this.baseColour = new THREE.Color(TARGET_COLOURS[settings.targetColour]);
    // Shading comes from a matcap, not from lights: a lit look with no per-frame light setup.
    const matcap = litSphereTexture();

    const radius = scenario.targets.radius;
    const geometry = new THREE.SphereGeometry(radius, 32, 20);
    const outline = new THREE.SphereGeometry(radius * 1.12, 32, 20);
    const outlineMaterial = new THREE.MeshBasicMaterial({ color: "#101010", side: THREE.BackSide });
    for (let i = 0; i < scenario.targets.count; i++) {
      const material = new THREE.MeshMatcapMaterial({ color: this.baseColour, matcap });
      const group = new THREE.Group();
      const body = new THREE.Mesh(geometry, material);
      group.add(body);
      // The dark rim is a shape cue that does not rely on colour vision.
      if (settings.targetOutline) group.add(new THREE.Mesh(outline, outlineMaterial));
      group.visible = false;
      this.scene.add(group);
      this.targets.push(group);
      this.materials.push(material);
    }
  }

  /** A floor grid and a back wall give the eye a horizon and a sense of motion when turning. */
  private buildRoom(scenario: Scenario) {
    const d = scenario.targets.distance;
    const floor = new THREE.GridHelper(d * 6, 60, "#3b4657", "#2b3340");
    floor.position.y = -d * 0.35;
    this.scene.add(floor);
    const wall = new THREE.Mesh(new THREE.PlaneGeometry(d * 6, d * 2), new THREE.MeshBasicMaterial({ color: "#262d38" }));
    wall.position.set(0, 0, -d * 1.6);
    this.scene.add(wall);
  }

  /** Adds something of the caller's to the scene (the replay viewer's shot markers). */
  add(object: THREE.Object3D): void {
    this.scene.add(object);
  }

  resize(width: number, height: number): void {
    this.renderer.setSize(width, height, false);
    this.camera.aspect = width / height;
    this.camera.fov = verticalFovFromHorizontal(this.hfovDeg, this.camera.aspect);
    this.camera.updateProjectionMatrix();
  }

  /** Draws the state of the last presented frame. */
  render(sim: Simulation): void {
    this.camera.rotation.y = -sim.aim.yaw;
    this.camera.rotation.x = sim.aim.pitch;
    const views = sim.targets;
    for (let i = 0; i < views.length; i++) {
      const view = views[i]!;
      const group = this.targets[i]!;
      group.visible = view.visible;
      if (!view.visible) continue;
      group.position.set(view.position.x, view.position.y, view.position.z);
      // Damage lights the target up: feedback that it is landing, without changing its size.
      this.materials[i]!.color.copy(this.baseColour).lerp(this.white, 0.6 * (1 - view.health));
    }
    this.renderer.render(this.scene, this.camera);
  }

  dispose(): void {
    this.renderer.dispose();
  }
}

/** A small lit-sphere image (diffuse + a highlight, light from the upper left) for matcap shading. */
function litSphereTexture(size = 64): THREE.DataTexture {
  const data = new Uint8Array(size * size * 4);
  const [lx, ly, lz] = [-0.4, 0.55, 0.73];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const nx = (x + 0.5) / size * 2 - 1;
      const ny = (y + 0.5) / size * 2 - 1;
      const nz = Math.sqrt(Math.max(0, 1 - nx * nx - ny * ny));
      const diffuse = Math.max(0, nx * lx + ny * ly + nz * lz);
      const highlight = Math.pow(Math.max(0, nz * 0.8 + diffuse * 0.6 - 0.55), 3) * 3;
      const v = Math.min(255, Math.round(255 * (0.28 + 0.72 * diffuse + highlight)));
      data.set([v, v, v, 255], (y * size + x) * 4);
    }
  }
  const texture = new THREE.DataTexture(data, size, size);
  texture.colorSpace = THREE.SRGBColorSpace;
  texture.needsUpdate = true;
  return texture;
}

/**
 * Draws what the game core says: the camera follows the simulation's (delayed) aim, and one mesh
 * per target slot sits where the core placed it in the last presented frame. Nothing is allocated
 * per frame: meshes, materials and vectors are made once.
 */
import * as THREE from "three";
import { verticalFovFromHorizontal, type Scenario, type Simulation } from "../core";
import { TARGET_COLOURS, type Settings } from "./settings";

export class SceneRenderer {
  private readonly renderer: THREE.WebGLRenderer;
  private readonly scene = new THREE.Scene();
  private readonly camera: THREE.PerspectiveCamera;
  private readonly targets: THREE.Group[] = [];
  private readonly materials: THREE.MeshStandardMaterial[] = [];
  private readonly hfovDeg: number;

  constructor(canvas: HTMLCanvasElement, scenario: Scenario, settings: Settings) {
    this.hfovDeg = settings.hfovDeg;
    this.renderer = new THREE.WebGLRenderer({ canvas, antialias: true, powerPreference: "high-performance" });
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio, 2));
    this.camera = new THREE.PerspectiveCamera(70, 16 / 9, 0.1, 5000);
    // aimDirection(yaw, pitch) of the core, in three.js terms (see game/core/world.ts).
    this.camera.rotation.order = "YXZ";
    this.scene.background = new THREE.Color("#1b2029");
    this.scene.add(new THREE.HemisphereLight("#dfe8ff", "#2a2f38", 1.6));
    const sun = new THREE.DirectionalLight("#ffffff", 1.4);
    sun.position.set(3, 8, 4);
    this.scene.add(sun);
    this.buildRoom(scenario);

    const radius = scenario.targets.radius;
    const geometry = new THREE.SphereGeometry(radius, 32, 20);
    const outline = new THREE.SphereGeometry(radius * 1.12, 32, 20);
    const outlineMaterial = new THREE.MeshBasicMaterial({ color: "#101010", side: THREE.BackSide });
    for (let i = 0; i < scenario.targets.count; i++) {
      const material = new THREE.MeshStandardMaterial({
        color: TARGET_COLOURS[settings.targetColour],
        emissive: "#ffffff",
        emissiveIntensity: 0,
        roughness: 0.45,
      });
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
    const wall = new THREE.Mesh(
      new THREE.PlaneGeometry(d * 6, d * 2),
      new THREE.MeshStandardMaterial({ color: "#262d38", roughness: 1 }),
    );
    wall.position.set(0, 0, -d * 1.6);
    this.scene.add(wall);
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
      this.materials[i]!.emissiveIntensity = 0.6 * (1 - view.health);
    }
    this.renderer.render(this.scene, this.camera);
  }

  dispose(): void {
    this.renderer.dispose();
  }
}

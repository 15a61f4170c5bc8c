import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DataTexture, PCFShadowMap } from "three";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const { stubRendererParts, stubCoreParts, STUBS, XR_API } = require("../../../bundler/three-renderer-stubs.cjs") as {
  stubRendererParts(code: string): string;
  stubCoreParts(code: string): string;
  STUBS: { start: string; stub: string }[];
  XR_API: string[];
};

// The file "three" resolves to in the browser bundle (package.json exports "." import).
const BUILD_DIR = new URL("../../../node_modules/three/build/", import.meta.url);
const THREE_BUILD = fs.readFileSync(new URL("three.module.js", BUILD_DIR), "utf8");
const THREE_CORE = fs.readFileSync(new URL("three.core.js", BUILD_DIR), "utf8");
const STUBBED_NAMES = ["WebXRManager", "WebGLShadowMap", "WebGLEnvironments", "WebGLOutput"];
const LEFT_OUT = /left out of this bundle \(bundler\/three-renderer-stubs\.cjs\)/;

/** The two stubbed modules as the bundle has them, loaded in Node, with the stubs exported for the test. */
async function stubbedModule() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "three-stubs-"));
  fs.writeFileSync(path.join(dir, "three.core.mjs"), stubCoreParts(THREE_CORE));
  const code = stubRendererParts(THREE_BUILD).replaceAll("from './three.core.js'", "from './three.core.mjs'");
  fs.writeFileSync(path.join(dir, "three.module.mjs"), `${code}\nexport { ${STUBBED_NAMES.join(", ")} };\n`);
  return import(/* @vite-ignore */ pathToFileURL(path.join(dir, "three.module.mjs")).href);
}

describe("three.js's parts the game does not use", () => {
  it("do what the real parts do for the game: no XR, no shadows, no environment map", async () => {
    const three = await stubbedModule();
    const xr = new three.WebXRManager();
    expect([xr.enabled, xr.isPresenting, xr.cameraAutoUpdate, xr.getEnvironmentBlendMode()]).toEqual([false, false, true, undefined]);
    xr.enabled = false;
    xr.setAnimationLoop(() => undefined);
    xr.addEventListener("sessionstart", () => undefined);
    xr.dispose();
    const shadows = new three.WebGLShadowMap();
    shadows.enabled = false;
    expect([shadows.enabled, shadows.autoUpdate, shadows.needsUpdate, shadows.type]).toEqual([false, true, false, PCFShadowMap]);
    shadows.render([], null, null);
    const environments = three.WebGLEnvironments();
    expect([environments.get(null), environments.get(undefined)]).toEqual([null, null]);
    environments.dispose();
    expect(typeof three.WebGLRenderer).toBe("function");
    // What the game builds its scene from still works.
    const material = new three.MeshMatcapMaterial({ color: "#e69f00" }).clone();
    expect(material.color.getHexString()).toBe("e69f00");
    const group = new three.Group().add(new three.Mesh(new three.SphereGeometry(1, 8, 6), material));
    group.position.set(1, 2, 3);
    expect(group.clone().children).toHaveLength(1);
  });

  it("throw, naming the loader, the moment a page asks for more", async () => {
    const three = await stubbedModule();
    const xr = new three.WebXRManager();
    expect(() => (xr.enabled = true)).toThrow(LEFT_OUT);
    for (const name of XR_API) expect(() => xr[name](), name).toThrow(new RegExp(`WebXRManager.${name} .*left out`));
    expect(() => (new three.WebGLShadowMap().enabled = true)).toThrow(LEFT_OUT);
    expect(() => three.WebGLEnvironments().get(new DataTexture())).toThrow(LEFT_OUT);
    expect(() => new three.WebGLOutput()).toThrow(LEFT_OUT);
    expect(() => new three.Mesh().raycast(new three.Raycaster(), [])).toThrow(LEFT_OUT);
    expect(() => new three.Scene().toJSON()).toThrow(LEFT_OUT);
    expect(() => new three.MeshBasicMaterial().toJSON()).toThrow(LEFT_OUT);
    expect(() => new three.NumberKeyframeTrack("x", [0], [1])).toThrow(LEFT_OUT);
    expect(() => new three.PropertyBinding(new three.Object3D(), "position")).toThrow(LEFT_OUT);
    expect(() => new three.LinearInterpolant([0], [1], 1)).toThrow(LEFT_OUT);
  });

  it("take the real parts' code out of the module", () => {
    const stubbed = stubRendererParts(THREE_BUILD);
    // Words of WebXRManager, WebGLEnvironments, WebGLShadowMap, WebGLOutput, WebGLTextures' render
    // targets, WebGLMaterials' physical uniforms and WebGLRenderer's texture copies.
    for (const gone of ["XRWebGLBinding", "pmremGenerator", "_shadowMapSize", "_hasRenderPass", "__webglDepthbuffer", "uniforms.sheenColor", "copyTexSubImage3D"]) {
      expect(THREE_BUILD).toContain(gone);
      expect(stubbed).not.toContain(gone);
    }
    expect(STUBS.slice(0, 4).map((s) => s.start.match(/(?:class|function) (\w+)/)![1])).toEqual(STUBBED_NAMES);
    const core = stubCoreParts(THREE_CORE);
    // Words of toJSON, raycast and KeyframeTrack.
    for (const gone of ["toJSON( meta )", "data.metadata", "InterpolantFactoryMethodSmooth( result"]) {
      expect(THREE_CORE, gone).toContain(gone);
      expect(core, gone).not.toContain(gone);
    }
    // Every method the real WebXRManager has is in the stub: kept (a no-op) or throwing.
    const realXr = THREE_BUILD.slice(THREE_BUILD.indexOf("\nclass WebXRManager "), THREE_BUILD.indexOf("\n}\n", THREE_BUILD.indexOf("\nclass WebXRManager ")));
    const methods = [...realXr.matchAll(/^\t\tthis\.(\w+) = (?:async )?function/gm)].map((m) => m[1]);
    expect(methods.sort()).toEqual([...XR_API, "getEnvironmentBlendMode", "setAnimationLoop", "dispose"].sort());
  });

  it("refuses a three.js build it does not recognise instead of passing it through", () => {
    expect(() => stubRendererParts("export const x = 1;")).toThrow(/no single `class WebXRManager extends EventDispatcher \{`.*has three.js's build changed/);
    expect(() => stubCoreParts("export const x = 1;")).toThrow(/no method toJSON .*has three.js's build changed/);
  });
});

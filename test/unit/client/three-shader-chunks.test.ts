import fs from "node:fs";
import { createRequire } from "node:module";
import { ShaderChunk, ShaderLib } from "three";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const { keepShaderChunks, chunkTable, ROOT_CHUNKS } = require("../../../bundler/three-shader-chunks.cjs") as {
  keepShaderChunks(code: string): string;
  chunkTable(code: string): Map<string, { expression: string; glsl: string }>;
  ROOT_CHUNKS: string[];
};

// The file "three" resolves to in the browser bundle (package.json exports "." import).
const THREE_BUILD = fs.readFileSync(new URL("../../../node_modules/three/build/three.module.js", import.meta.url), "utf8");
const kept = chunkTable(keepShaderChunks(THREE_BUILD));

/** A shader with its #include lines expanded, as three's WebGLProgram does. */
function resolve(glsl: string, chunk: (name: string) => string | undefined): string {
  return glsl.replace(/^[ \t]*#include +<([\w\d./]+)>/gm, (_, name: string) => resolve(chunk(name) ?? `<missing ${name}>`, chunk));
}
const original = (name: string) => (ShaderChunk as Record<string, string>)[name];
const bundled = (name: string) => kept.get(name)?.glsl;

describe("three.js's shader chunks in the game's bundle", () => {
  it("keeps the GLSL of the materials the game draws with exactly as three.js writes it", () => {
    // MeshBasicMaterial and LineBasicMaterial draw with ShaderLib.basic, MeshMatcapMaterial with ShaderLib.matcap.
    for (const shader of [ShaderLib.basic, ShaderLib.matcap]) {
      for (const glsl of [shader.vertexShader, shader.fragmentShader]) {
        const name = ROOT_CHUNKS.find((n) => original(n) === glsl);
        expect(name).toBeDefined();
        const expanded = resolve(bundled(name!)!, bundled);
        expect(expanded).toBe(resolve(glsl, original));
        expect(expanded).not.toMatch(/#error|<missing/);
      }
    }
    // WebGLProgram puts these two in front of every fragment shader.
    for (const name of ["tonemapping_pars_fragment", "colorspace_pars_fragment"]) expect(bundled(name)).toBe(original(name));
  });

  it("leaves out the other materials' shaders, each replaced by an #error that names the loader", () => {
    expect(kept.size).toBe(Object.keys(ShaderChunk).length);
    const phong = resolve(bundled("meshphong_frag")!, bundled);
    expect(phong).toBe("#error three.js chunk meshphong_frag is left out of this bundle (bundler/three-shader-chunks.cjs)");
    const leftOut = [...kept].filter(([, c]) => c.glsl.startsWith("#error")).map(([name]) => name);
    expect(leftOut).toEqual(expect.arrayContaining(["meshphysical_frag", "lights_fragment_begin", "shadowmap_pars_fragment"]));
    // Their GLSL is gone from the module, so the minifier has nothing left to keep.
    expect(keepShaderChunks(THREE_BUILD).length).toBeLessThan(THREE_BUILD.length + 20_000);
  });

  it("refuses a three.js build it does not recognise instead of passing it through", () => {
    expect(() => keepShaderChunks("export const x = 1;")).toThrow(/no `const ShaderChunk = \{\.\.\.\}` table/);
  });
});

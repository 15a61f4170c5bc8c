/**
 * A Turbopack loader for three.js's WebGL build (three/build/three.module.js): it keeps only the
 * GLSL chunks of the materials the game draws with, instead of every material's shaders.
 *
 * WebGLRenderer imports ShaderChunk and ShaderLib statically, so every material's GLSL (about a
 * third of three.js's bytes) ships whatever the page draws. The game draws with MeshBasicMaterial
 * and LineBasicMaterial (ShaderLib.basic) and MeshMatcapMaterial (ShaderLib.matcap); the loader
 * keeps their shaders, every chunk they `#include` (transitively), and the two chunks WebGLProgram
 * prepends to every fragment shader. Those shaders compile to exactly the GLSL they did before.
 * Every other chunk becomes a one-line `#error`, so a material outside this list fails to compile
 * with a message naming this file instead of drawing wrongly.
 */
"use strict";

/** ShaderChunk entries the game's materials start from (see game/client/renderer.ts). */
const ROOT_CHUNKS = [
  "meshbasic_vert",
  "meshbasic_frag",
  "meshmatcap_vert",
  "meshmatcap_frag",
  // WebGLProgram prepends these to every fragment shader.
  "tonemapping_pars_fragment",
  "colorspace_pars_fragment",
];

const CHUNK_TABLE = /\nconst ShaderChunk = \{\n([\s\S]*?)\n\};\n/;
const ENTRY = /^\t([A-Za-z0-9_]+): ([A-Za-z0-9_$]+|".*"),?$/;
const INCLUDE = /^[ \t]*#include +<([\w\d./]+)>/gm;

function fail(message) {
  throw new Error(`bundler/three-shader-chunks.cjs: ${message} (has three.js's build changed?)`);
}

/**
 * The ShaderChunk table of three.module.js's code: each chunk's name, the expression the table
 * gives it (a variable, or a string literal) and the GLSL it stands for.
 */
function chunkTable(code) {
  const table = CHUNK_TABLE.exec(code);
  if (!table) fail("no `const ShaderChunk = {...}` table");
  const chunks = new Map();
  for (const line of table[1].split("\n")) {
    if (line.trim() === "") continue;
    const entry = ENTRY.exec(line);
    if (!entry) fail(`unexpected ShaderChunk line ${JSON.stringify(line)}`);
    const [, name, expression] = entry;
    let literal = expression;
    if (!expression.startsWith('"')) {
      const definition = new RegExp(`^(?:var|const) ${expression.replace(/\$/g, "\\$")} = (".*");$`, "m").exec(code);
      if (!definition) fail(`no single-line string for chunk ${name}`);
      literal = definition[1];
    }
    chunks.set(name, { expression, glsl: JSON.parse(literal) });
  }
  return chunks;
}

/** The chunks `roots` need: themselves and every chunk they include, transitively. */
function neededChunks(glslOf, roots) {
  const needed = new Set();
  const visit = (name) => {
    if (needed.has(name)) return;
    const glsl = glslOf(name);
    if (glsl === undefined) fail(`chunk ${name} is not in ShaderChunk`);
    needed.add(name);
    for (const match of glsl.matchAll(INCLUDE)) visit(match[1]);
  };
  roots.forEach(visit);
  return needed;
}

/** three.module.js with the chunks outside `roots`' closure replaced by an #error line. */
function keepShaderChunks(code, roots = ROOT_CHUNKS) {
  const chunks = chunkTable(code);
  const needed = neededChunks((name) => chunks.get(name)?.glsl, roots);
  const entries = [...chunks].map(([name, { expression }]) =>
    needed.has(name)
      ? `\t${name}: ${expression},`
      : `\t${name}: ${JSON.stringify(`#error three.js chunk ${name} is left out of this bundle (bundler/three-shader-chunks.cjs)`)},`,
  );
  // The left-out chunks' strings are no longer referenced; the minifier drops them.
  return code.replace(CHUNK_TABLE, () => `\nconst ShaderChunk = {\n${entries.join("\n")}\n};\n`);
}

module.exports = function threeShaderChunksLoader(code) {
  return keepShaderChunks(code);
};
module.exports.keepShaderChunks = keepShaderChunks;
module.exports.chunkTable = chunkTable;
module.exports.ROOT_CHUNKS = ROOT_CHUNKS;

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * A loader of bundler/, with its source's hash as an option: Turbopack's cache keeps a loader's
 * output across builds, and would keep it after the loader changed unless its options change too.
 */
function bundlerLoader(file) {
  const loader = fileURLToPath(new URL(`./bundler/${file}`, import.meta.url));
  return { loader, options: { sourceHash: createHash("sha256").update(readFileSync(loader)).digest("hex") } };
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native drivers load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "nodemailer", "@simplewebauthn/server"],
  // Types are checked by `npm test` (tsc --noEmit), once for the whole tree, not again in every build.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  turbopack: {
    rules: {
      // three.js's WebGL build ships every material's shaders and every renderer feature; the
      // game's bundle keeps only the GLSL of the materials it draws with
      // (bundler/three-shader-chunks.cjs) and stubs the parts it never uses: WebXR, shadows,
      // environment maps, HDR output, render targets, toJSON, raycasting, animation
      // (bundler/three-renderer-stubs.cjs).
      "three.module.js": {
        condition: { path: /(^|\/)node_modules\/three\/build\/three\.module\.js$/ },
        loaders: [bundlerLoader("three-shader-chunks.cjs"), bundlerLoader("three-renderer-stubs.cjs")],
      },
      "three.core.js": {
        condition: { path: /(^|\/)node_modules\/three\/build\/three\.core\.js$/ },
        loaders: [bundlerLoader("three-renderer-stubs.cjs")],
      },
    },
  },
  // forbidden() from next/navigation: an /admin page answers 403 to a role that may not open it.
  experimental: { authInterrupts: true },
  // Cross-origin isolation on the game pages gives performance.now() microsecond resolution, so
  // frame timings (recorded with each run) are not rounded to 100 µs.
  async headers() {
    return [
      {
        source: "/play/:path*",
        headers: [
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "Cross-Origin-Embedder-Policy", value: "require-corp" },
        ],
      },
    ];
  },
};

export default nextConfig;

import { fileURLToPath } from "node:url";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native drivers load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "nodemailer", "@simplewebauthn/server"],
  // Types are checked by `npm test` (tsc --noEmit), once for the whole tree, not again in every build.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  turbopack: {
    rules: {
      // three.js's WebGL build ships every material's shaders; the game's bundle keeps only the
      // GLSL of the materials it draws with (bundler/three-shader-chunks.cjs).
      "three.module.js": {
        condition: { path: /(^|\/)node_modules\/three\/build\/three\.module\.js$/ },
        loaders: [fileURLToPath(new URL("./bundler/three-shader-chunks.cjs", import.meta.url))],
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

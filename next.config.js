/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native drivers load from node_modules at run time instead of being bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  // Types are checked by `npm test` (tsc --noEmit), once for the whole tree, not again in every build.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
};

export default nextConfig;

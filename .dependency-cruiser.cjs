/**
 * The code's boundaries, checked by `npm test` (npm run lint:deps):
 * - the browser's code (game/client, lib/, and app/ outside route handlers and server-rendered
 *   pages) never imports server/: what both sides need lives in lib/contracts;
 * - game/core is pure: it imports only itself, the built-in scenarios (JSON) and zod (no DOM, no
 *   three.js, no Node, no server);
 * - lib/contracts imports only zod and the pure core;
 * - server/ never imports the browser's code (app/, game/client).
 */
/** app/ files that run only on the server: route handlers and server-rendered page shells. */
const APP_SERVER_FILES = ["^app/api/", "/(route|page|layout|not-found|opengraph-image|twitter-image)[.]tsx?$"];

module.exports = {
  forbidden: [
    {
      name: "browser-code-imports-server",
      comment: "Browser code must not import server/; share types and schemas through lib/contracts.",
      severity: "error",
      from: { path: "^(app|game/client|lib)/", pathNot: APP_SERVER_FILES },
      to: { path: "^server/" },
    },
    {
      name: "game-core-is-pure",
      comment: "game/core runs in the browser and on the server: only itself, its scenario data and zod.",
      severity: "error",
      from: { path: "^game/core/" },
      to: { pathNot: ["^game/core/", "^game/scenarios/[^/]+[.]json$", "^node_modules/zod/"] },
    },
    {
      name: "contracts-are-pure",
      comment: "lib/contracts holds data shapes both sides import: only zod and the pure core.",
      severity: "error",
      from: { path: "^lib/contracts/" },
      to: { pathNot: ["^lib/contracts/", "^game/core/", "^node_modules/zod/"] },
    },
    {
      name: "server-imports-browser-code",
      comment: "server/ must not depend on app/ or game/client.",
      severity: "error",
      from: { path: "^server/" },
      to: { path: "^(app|game/client)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^server/db/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] },
  },
};

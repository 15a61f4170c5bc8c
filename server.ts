/**
 * Flickboard's one process: Next.js + socket.io on one port.
 *
 *   npm start      build if the sources changed, migrate, seed, serve (production), with
 *                  MALLOC_ARENA_MAX=2 in the environment (docs/deploy.md)
 *   npm run dev    migrate, seed, serve with hot reload
 */
import fs from "node:fs";
import { loadConfig, ConfigError } from "./server/config";
import { ensureBuild } from "./server/build";
import { createDb } from "./server/db/client";
import { migrate } from "./server/db/migrate";
import { providerOf } from "./server/db/provider";
import { startHttpServer } from "./server/http";
import { startCloseScheduler } from "./server/closes/scheduler";
import { seedBaseData, seedDemo } from "./prisma/seed";

const dev = process.argv.includes("--dev");
// Next.js reads NODE_ENV to pick its mode; set it before anything loads React.
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
const dir = import.meta.dirname;

async function main() {
  const started = performance.now();
  // The log goes to stdout and stderr. When whoever reads them is gone (a closed pipe), a write fails
  // with EPIPE; unhandled, that error is logged, which writes again: a loop that holds a core for
  // ever. The server goes on serving without its log instead.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code !== "EPIPE") throw err;
    });
  }
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  const config = loadConfig();
  if (!dev) ensureBuild(dir);

  const applied = await migrate(config.DATABASE_URL);
  const provider = providerOf(config.DATABASE_URL);
  console.log(applied.length ? `${provider}: applied ${applied.join(", ")}` : `${provider}: schema up to date`);

  const db = createDb(config.DATABASE_URL);
  await seedBaseData(db);
  if (config.SEED_DEMO) {
    const created = await seedDemo(db);
    if (created) console.log(`seeded ${created} demo players`);
  }

  // tsx turns Node's source maps on; with them Node keeps every loaded module's map and source (Next's
  // server chunks included, some loaded many times): ~130 MiB of a production server's ~530 MiB at
  // start. Production stack traces then point into the transpiled code; `npm run dev` keeps them.
  if (!dev) process.setSourceMapsEnabled(false);
  const server = await startHttpServer({ config, db, dev, dir });
  console.log(`Flickboard ready on ${server.url} (${dev ? "dev" : "production"}, ${Math.round(performance.now() - started)} ms)`);

  // Scheduled closes: catches up on periods that ended while down, then runs on the challenge's schedules.
  const closes = startCloseScheduler({ db, provider, io: () => server.runtime.io, onClosed: (board) => server.runtime.ranks.evict(board) });
  server.runtime.closes = closes;

  const shutdown = () => {
    closes
      .stop()
      .then(() => server.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});

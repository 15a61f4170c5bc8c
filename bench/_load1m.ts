/**
 * A profiling aid for the first read of a big board (not a part of `npm run bench`; bench:api times
 * it through the server): writes N board entries (N=1000000 by default) into a SQLite file in
 * /tmp/flickboard-load (REUSE=1 keeps the last one), then loads that board as the rank store does
 * (board-store.ts's keyset pages into a BoardRankIndex) and prints the time each page took, the
 * total, and the heap and RSS the index holds. Run it with
 * `N=1000000 node --expose-gc --import tsx bench/_load1m.ts`.
 */
import fs from "node:fs";
import { boardPages } from "../server/boards/board-store";
import { buildIndex } from "../server/boards/rank-index";
import { createDb } from "../server/db/client";
import { migrate } from "../server/db/migrate";
import { seedBaseData } from "../prisma/seed";
import { writeBoard } from "./api";
import { dur, gc, generateEntries, mb, prng } from "./support";

const N = Number(process.env.N ?? 1_000_000);
const dir = "/tmp/flickboard-load";
const file = `${dir}/board-${N}.sqlite`;
const url = `file:${file}`;

if (!process.env.REUSE || !fs.existsSync(file)) {
  fs.mkdirSync(dir, { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
  await migrate(url);
  const setup = createDb(url);
  await seedBaseData(setup);
  const version = (await setup.scenario.findUniqueOrThrow({ where: { id: "gridshot-sprint" } })).currentVersion;
  await setup.$disconnect();
  writeBoard(file, version, generateEntries(N, prng(N)));
}

const db = createDb(url);
gc();
const heap0 = process.memoryUsage();
const t = performance.now();
const cpu0 = process.cpuUsage();
let count = 0;
const pages = await boardPages(db, { scenarioId: "gridshot-sprint", periodKind: "all", periodKey: "all", tier: "all" });
async function* logged() {
  for await (const page of pages) {
    if (++count % 20 === 0) console.log(`page ${count} at ${dur(performance.now() - t)}`);
    yield page;
  }
}
const index = await buildIndex(Object.assign(logged(), { size: pages.size, handles: pages.handles }));
const took = performance.now() - t;
const cpu = process.cpuUsage(cpu0);
gc();
const heap1 = process.memoryUsage();
console.log(
  `loaded ${index.size} entries in ${dur(took)} (CPU ${dur((cpu.user + cpu.system) / 1000)}); heap used +${mb(heap1.heapUsed - heap0.heapUsed)}, ` +
    `heap total ${mb(heap0.heapTotal)} -> ${mb(heap1.heapTotal)}, external +${mb(heap1.external - heap0.external)}, RSS ${mb(heap0.rss)} -> ${mb(heap1.rss)}`,
);
await db.$disconnect();

import Database from "better-sqlite3";
import { createDb } from "../server/db/client";
import { migrate } from "../server/db/migrate";
import { sqliteFile } from "../server/db/provider";
import { seedBaseData } from "../prisma/seed";
import { boardEntries } from "../server/boards/board-store";
import { generateEntries, prng } from "./support";
const N = Number(process.env.N ?? 300000);
const url = "file:/tmp/prof2/big.sqlite";
const fresh = !process.env.REUSE;
if (fresh) {
  for (const f of ["", "-wal", "-shm", "-journal"]) try { (await import("node:fs")).rmSync(`/tmp/prof2/big.sqlite${f}`); } catch {}
  await migrate(url);
  const s = createDb(url); await seedBaseData(s);
  const version = (await s.scenario.findUniqueOrThrow({ where: { id: "gridshot-sprint" } })).currentVersion; await s.$disconnect();
  const entries = generateEntries(N, prng(N));
  const db = new Database("/tmp/prof2/big.sqlite");
  const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  const player = db.prepare(`INSERT INTO "Player" (id, handle, handleKey, createdAt) VALUES (?, ?, ?, ?)`);
  const run = db.prepare(`INSERT INTO "Run" (id, playerId, scenarioId, scenarioVersion, tier, seed, startedAt, expiresAt, finishedAt, verdict, score, fps) VALUES (?, ?, ?, ?, 'free', '00000001', ?, ?, ?, 'verified', ?, 60)`);
  const entry = db.prepare(`INSERT INTO "BoardEntry" (id, scenarioId, periodKind, periodKey, tier, playerId, score, achievedAt, runId, runTier, fps, updatedAt) VALUES (?, 'gridshot-sprint', 'all', 'all', 'all', ?, ?, ?, ?, 'free', 60, ?)`);
  const write = db.transaction((batch: typeof entries) => { for (const e of batch) { const at = iso(e.achievedAt); const h = `p${e.playerId.slice(1, 16)}`; player.run(e.playerId, h, h, at); run.run(e.runId, e.playerId, "gridshot-sprint", version, at, at, at, e.score); entry.run(`e${e.runId.slice(1)}`, e.playerId, e.score, at, e.runId, at); } });
  for (let i = 0; i < entries.length; i += 50000) write(entries.slice(i, i + 50000));
  db.close();
}
const db = createDb(url);
const t = performance.now(); let n = 0; let pages = 0;
for await (const page of boardEntries(db, { scenarioId: "gridshot-sprint", periodKind: "all", periodKey: "all", tier: "all" })) { n += page.length; pages++; console.log(pages, Math.round(performance.now() - t)); }
console.log("loaded", n, "in", Math.round(performance.now() - t), "ms");
await db.$disconnect();

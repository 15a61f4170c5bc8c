/**
 * bench:api — the app over HTTP as players use it, against the real server (server.ts, production
 * build, SQLite) in a process of its own, measured from this process:
 *
 * - reads on a board of 1 M entries (Gridshot Sprint, all time, all tiers): the first read (what a
 *   client waits for: answered from the database while it starts the board's load into the rank
 *   store), the time until that load is done (the first answer with an ETag), then the top page (25 rows) and a player's standing (±5)
 *   at concurrency 32, beside the same reads done as raw Redis commands (the rank store's sorted set,
 *   loaded with the same entries) through the same load loop;
 * - finishes: human-like Gridshot Sprint runs (15 s, 1000 Hz mouse) finished at concurrency 1, 8 and
 *   32, beside verifying the same logs in this process (decode + replay + checks, one thread). A 503
 *   (the server full, nothing stored) is counted and sent again after its Retry-After, as a client
 *   does: each phase reports the rate and latency end to end (retries included), the latency of the
 *   accepted requests alone, the share of 503s, and the server's CPU time per finish;
 * - the server's memory (RSS) after the 1 M board is loaded and after the finishes; then, to tell what of
 *   the last figure was live, the V8 heap and RSS after a full GC forced through the inspector (opened
 *   only then, with SIGUSR1): the old generation's garbage stays until the next major GC, so the RSS
 *   after the finishes depends on when the last one ran.
 *
 * The board and the runs are written straight into the database (a run's 15 s need not be waited out:
 * each is stored as started 15 s ago); the server starts with limits raised so the bench measures the
 * finish path, not the rate limiter.
 *
 * BENCH_BOARD_SIZE shrinks the board; BENCH_API_PARTS=finish runs only the finishes (no read loads,
 * no Redis), BENCH_API_PARTS=reads only the reads; BENCH_PROFILE_DIR=<dir> has the server write CPU profiles (--cpu-prof) there.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { encodeLog, getScenario, Rng, TIERS, toBase64 } from "../game/core";
import { connectRedis, RedisBoardRank } from "../server/boards/redis-rank";
import { createDb } from "../server/db/client";
import { migrate } from "../server/db/migrate";
import { sqliteFile } from "../server/db/provider";
import { hashToken } from "../server/players/session";
import { verifyRun } from "../server/runs/verify";
import { seedBaseData } from "../prisma/seed";
import { environmentFor } from "../test/support/api";
import { runHumanClicker } from "../test/support/bots";
import { REDIS_SERVER, startRedis } from "../test/support/redis";
import { processCpuMs, startAppServer, tempSqliteUrl, type AppServer } from "../test/support/server";
import { dur, generateEntries, load, mb, percentiles, prng, rate, ratio, type LoadResult } from "./support";

const BOARD_SIZE = Number(process.env.BENCH_BOARD_SIZE ?? 1_000_000);
/** Which parts run: `reads,finish` (both, the default); `BENCH_API_PARTS=finish` skips the read loads and Redis. */
const PARTS = new Set((process.env.BENCH_API_PARTS ?? "reads,finish").split(","));
/** BENCH_PROFILE_DIR: the server runs with `--cpu-prof` and writes its CPU profiles there when it stops. */
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
const READS = 20_000;
const READ_CONCURRENCY = 32;
/** The finish phases; none with `BENCH_API_PARTS=reads` (the reads alone, for an A/B of them). */
const FINISH_PHASES = PARTS.has("finish")
  ? [
      { concurrency: 1, runs: 100 },
      { concurrency: 8, runs: 400 },
      { concurrency: 32, runs: 600 },
    ]
  : [];
const sprint = getScenario("gridshot-sprint")!;
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

/** A keep-alive HTTP client with at most `sockets` connections; answers status and body text. */
function client(base: string, sockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  return {
    request(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
      return new Promise<{ status: number; body: string; retryAfter: string | undefined; etag: string | undefined }>((resolve, reject) => {
        const req = http.request(`${base}${path}`, { method, agent, headers }, (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (d) => (text += d));
          res.on("end", () => resolve({ status: res.statusCode!, body: text, retryAfter: res.headers["retry-after"], etag: res.headers.etag }));
        });
        req.on("error", reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}

/** The server process's resident memory. */
function rss(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) * 1024;
}

/** The few members of ws's WebSocket used here (Next ships ws compiled, without types). */
interface InspectorSocket {
  on(event: "message", listener: (data: Buffer) => void): void;
  once(event: "open" | "error", listener: (err?: Error) => void): void;
  send(text: string): void;
  close(): void;
}
const WebSocket = createRequire(import.meta.url)("next/dist/compiled/ws") as new (url: string) => InspectorSocket;

/**
 * The server's V8 heap in use and its RSS after a full GC, forced through the inspector: SIGUSR1 opens
 * it (on the port given by --inspect-port), and the DevTools protocol asks for the GC.
 */
async function afterFullGc(server: AppServer): Promise<{ heapUsed: number; rss: number }> {
  process.kill(server.pid, "SIGUSR1");
  let url: string | undefined;
  for (let waited = 0; !(url = /Debugger listening on (ws:\/\/\S+)/.exec(server.output())?.[1]); waited += 50) {
    if (waited > 10_000) throw new Error("the server's inspector did not open");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  const pending = new Map<number, (result: unknown) => void>();
  socket.on("message", (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  let lastId = 0;
  const call = <T>(method: string) =>
    new Promise<T>((resolve) => {
      pending.set(++lastId, resolve as (result: unknown) => void);
      socket.send(JSON.stringify({ id: lastId, method }));
    });
  try {
    await call("HeapProfiler.collectGarbage");
    const { usedSize } = await call<{ usedSize: number }>("Runtime.getHeapUsage");
    return { heapUsed: usedSize, rss: rss(server.pid) };
  } finally {
    socket.close();
  }
}

/** Players, runs and board entries on Gridshot Sprint's all-time board, written with one prepared statement each. */
export function writeBoard(file: string, version: string, entries: ReturnType<typeof generateEntries>) {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  const player = db.prepare(`INSERT INTO "Player" (id, handle, handleKey, createdAt) VALUES (?, ?, ?, ?)`);
  const run = db.prepare(
    `INSERT INTO "Run" (id, playerId, scenarioId, scenarioVersion, tier, seed, startedAt, expiresAt, finishedAt, verdict, score, fps)
     VALUES (?, ?, ?, ?, 'free', '00000001', ?, ?, ?, 'verified', ?, 60)`,
  );
  const entry = db.prepare(
    `INSERT INTO "BoardEntry" (id, scenarioId, periodKind, periodKey, tier, playerId, score, achievedAt, runId, runTier, fps, updatedAt)
     VALUES (?, ?, 'all', 'all', 'all', ?, ?, ?, ?, 'free', 60, ?)`,
  );
  const write = db.transaction((batch: typeof entries) => {
    for (const e of batch) {
      const at = iso(e.achievedAt);
      const handle = `p${e.playerId.slice(1, 16)}`;
      player.run(e.playerId, handle, handle, at);
      run.run(e.runId, e.playerId, sprint.id, version, at, at, at, e.score);
      entry.run(`e${e.runId.slice(1)}`, sprint.id, e.playerId, e.score, at, e.runId, at);
    }
  });
  for (let i = 0; i < entries.length; i += 50_000) write(entries.slice(i, i + 50_000));
  db.close();
}

interface PreparedRun {
  runId: string;
  token: string;
  body: string;
  seed: number;
  log: Uint8Array;
}

/** Players with sessions and human-like logs for `count` runs (seeds chosen here). */
function prepareRuns(count: number, offset: number): PreparedRun[] {
  const out: PreparedRun[] = [];
  for (let i = 0; i < count; i++) {
    const n = offset + i;
    const seed = (0x9e3779b1 * (n + 1)) >>> 0;
    const log = encodeLog(runHumanClicker(sprint, seed, TIERS.free, new Rng(n)).sim.log());
    const body = JSON.stringify({ log: toBase64(log), environment: environmentFor(TIERS.free) });
    out.push({ runId: `cbenchrun${String(n).padStart(8, "0")}`, token: `fb_bench_${n}_${crypto.randomBytes(8).toString("hex")}`, body, seed, log });
  }
  return out;
}

/** Stores the prepared runs as started 15.5 s ago (their players, sessions and runs). */
async function startRuns(databaseUrl: string, runs: PreparedRun[], version: string) {
  const db = createDb(databaseUrl);
  const now = Date.now();
  const startedAt = new Date(now - sprint.durationMs - 500);
  await db.player.createMany({ data: runs.map((r) => ({ id: `p${r.runId}`, handle: r.runId.slice(-14), handleKey: r.runId.slice(-14) })) });
  await db.playerSession.createMany({
    data: runs.map((r) => ({ playerId: `p${r.runId}`, tokenHash: hashToken(r.token), expiresAt: new Date(now + 86_400_000) })),
  });
  await db.run.createMany({
    data: runs.map((r) => ({
      id: r.runId,
      playerId: `p${r.runId}`,
      scenarioId: sprint.id,
      scenarioVersion: version,
      tier: "free",
      seed: r.seed.toString(16).padStart(8, "0"),
      startedAt,
      expiresAt: new Date(now + 3_600_000),
    })),
  });
  await db.$disconnect();
}

function line(label: string, r: LoadResult, extra = ""): string {
  return `${label}: ${rate(r.perSecond)}, p50 ${dur(r.p50)}, p99 ${dur(r.p99)}${r.failures ? `, ${r.failures} failed` : ""}${extra}`;
}

export async function benchApi(): Promise<string[]> {
  const lines: string[] = [];
  const databaseUrl = tempSqliteUrl();
  await migrate(databaseUrl);
  const setup = createDb(databaseUrl);
  await seedBaseData(setup);
  const version = (await setup.scenario.findUniqueOrThrow({ where: { id: sprint.id } })).currentVersion;
  await setup.$disconnect();

  let t = performance.now();
  const entries = generateEntries(BOARD_SIZE, prng(BOARD_SIZE));
  writeBoard(sqliteFile(databaseUrl), version, entries);
  lines.push(`board: ${BOARD_SIZE.toLocaleString("en-US")} entries written in ${dur(performance.now() - t)} (players, runs, entries)`);

  const totalRuns = FINISH_PHASES.reduce((n, p) => n + p.runs, 0);
  t = performance.now();
  const runs = prepareRuns(totalRuns, 0);
  lines.push(`finish logs: ${totalRuns} human-like 15 s runs generated in ${dur(performance.now() - t)}, ${Math.round(runs.reduce((n, r) => n + r.body.length, 0) / totalRuns / 1024)} KB per request`);

  // In-process verification of the same logs: the ceiling a finish could reach with no HTTP and no database.
  t = performance.now();
  let verifiedHere = 0;
  const started = new Date(0);
  for (const r of runs) {
    const v = verifyRun({
      scenario: sprint,
      seed: r.seed,
      tier: TIERS.free,
      logBytes: r.log,
      environment: environmentFor(TIERS.free),
      startedAt: started,
      finishedAt: new Date(sprint.durationMs + 1000),
      expiresAt: new Date(sprint.durationMs + 10_000),
    });
    if (v.verdict === "verified") verifiedHere++;
  }
  const verifyRate = totalRuns / ((performance.now() - t) / 1000);
  lines.push(`verify in process (one thread, same logs): ${rate(verifyRate)} (${verifiedHere}/${totalRuns} verified)`);

  let server: AppServer | undefined;
  const redis = PARTS.has("reads") && fs.existsSync(REDIS_SERVER) ? await startRedis() : null;
  const redisClient = redis ? await connectRedis(redis.url) : null;
  try {
    server = await startAppServer({
      DATABASE_URL: databaseUrl,
      RUN_RATE_PER_PLAYER: "1000000",
      RUN_RATE_PER_IP: "1000000",
      MAX_OPEN_RUNS: "1000000",
      RUN_FINISH_ALLOWANCE_SEC: "3600",
    }, undefined, ["--inspect-port=127.0.0.1:0", ...(PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : [])]);
    const rssStart = rss(server.pid);
    const http32 = client(server.url, READ_CONCURRENCY);
    const board = `/api/leaderboards/${sprint.id}?period=all&tier=all&limit=25`;

    t = performance.now();
    const cpuBefore = processCpuMs(server.pid);
    const first = await http32.request("GET", board);
    const firstReadMs = performance.now() - t;
    const firstReadCpu = processCpuMs(server.pid) - cpuBefore;
    if (first.status !== 200) throw new Error(`first read: ${first.status} ${first.body.slice(0, 200)}`);
    lines.push(
      `first read of the ${BOARD_SIZE.toLocaleString("en-US")}-entry board: ${dur(firstReadMs)} (${dur(firstReadCpu)} of the server's CPU, load average ${os.loadavg()[0]!.toFixed(1)})`,
    );
    // The board's index is loaded once its reads carry an ETag (until then they come from the database).
    for (let read = first; !read.etag; read = await http32.request("GET", board)) {
      if (read.status !== 200) throw new Error(`read while loading: ${read.status} ${read.body.slice(0, 200)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const rssLoaded = rss(server.pid);
    lines.push(
      `board index loaded ${dur(performance.now() - t)} after the first read was sent (${dur(processCpuMs(server.pid) - cpuBefore)} of the server's CPU); ` +
        `server RSS ${mb(rssStart)} before, ${mb(rssLoaded)} after`,
    );

    if (PARTS.has("reads")) {
      const pick = prng(7);
      const players = Array.from({ length: READS }, () => entries[Math.floor(pick() * entries.length)]!.playerId);
      const expectOk = (res: { status: number; body: string }) => {
        if (res.status !== 200) throw new Error(`${res.status} ${res.body.slice(0, 200)}`);
      };
      // The server's CPU per read, apart from the time it waited for a core on a shared machine.
      const perRead = (cpuFrom: number) => `; server CPU ${((processCpuMs(server!.pid) - cpuFrom) * 1000 / READS).toFixed(0)} µs per read (load average ${os.loadavg()[0]!.toFixed(1)})`;
      let cpuFrom = processCpuMs(server.pid);
      const top = await load(READ_CONCURRENCY, READS, async () => expectOk(await http32.request("GET", board)));
      lines.push(line(`top page (25 rows) over HTTP, concurrency ${READ_CONCURRENCY}`, top, perRead(cpuFrom)));
      cpuFrom = processCpuMs(server.pid);
      const around = await load(READ_CONCURRENCY, READS, async (i) =>
        expectOk(await http32.request("GET", `/api/leaderboards/${sprint.id}/players/${players[i]}?period=all&tier=all`)),
      );
      lines.push(line(`player standing (±5) over HTTP, concurrency ${READ_CONCURRENCY}`, around, perRead(cpuFrom)));

      if (redisClient) {
        const zset = new RedisBoardRank(redisClient, "bench|api");
        await zset.load(entries, { batchSize: 1000, inFlight: 16 });
        const rTop = await load(READ_CONCURRENCY, READS, async () => void (await zset.top(25)));
        const rAround = await load(READ_CONCURRENCY, READS, async (i) => void (await zset.around(players[i]!, 5)));
        await redisClient.sendCommand(["FLUSHALL"]);
        lines.push(line(`raw Redis top 25 (ZRANGE), same load loop`, rTop, ` → HTTP/Redis ${ratio(top.perSecond, rTop.perSecond)}`));
        lines.push(line(`raw Redis around ±5 (one script), same load loop`, rAround, ` → HTTP/Redis ${ratio(around.perSecond, rAround.perSecond)}`));
      }
    }
    http32.close();

    let offset = 0;
    for (const phase of FINISH_PHASES) {
      const batch = runs.slice(offset, offset + phase.runs);
      offset += phase.runs;
      await startRuns(databaseUrl, batch, version);
      const c = client(server.url, phase.concurrency);
      let verified = 0;
      let refused = 0;
      const accepted: number[] = [];
      const cpuBefore = processCpuMs(server.pid);
      // A finish as a client sends it: a 503 (the verifier queue is full, nothing was stored) is
      // counted and sent again after its Retry-After. The load loop's latency is end to end, retries included.
      const result = await load(phase.concurrency, batch.length, async (i) => {
        const r = batch[i]!;
        for (;;) {
          const sent = performance.now();
          const res = await c.request("POST", `/api/runs/${r.runId}/finish`, { authorization: `Bearer ${r.token}`, "content-type": "application/json" }, r.body);
          if (res.status === 503 && res.retryAfter) {
            refused++;
            await new Promise((resolve) => setTimeout(resolve, Number(res.retryAfter) * 1000));
            continue;
          }
          if (res.status !== 200) throw new Error(`${res.status} ${res.body.slice(0, 300)}`);
          accepted.push(performance.now() - sent);
          if ((JSON.parse(res.body) as { run: { verdict: string } }).run.verdict === "verified") verified++;
          return;
        }
      });
      const cpuPerFinish = (processCpuMs(server.pid) - cpuBefore) / batch.length;
      c.close();
      if (result.firstError) lines.push(`  first failure: ${String(result.firstError).slice(0, 300)}`);
      const answered = percentiles(accepted);
      lines.push(
        line(`finish, concurrency ${phase.concurrency} (${batch.length} runs, ${verified} verified), end to end`, result, ` → ${ratio(result.perSecond, verifyRate)} of the in-process verify rate`) +
          `; accepted requests p50 ${dur(answered.p50)}, p99 ${dur(answered.p99)}; 503s ${refused} of ${refused + accepted.length} requests (${((100 * refused) / (refused + accepted.length)).toFixed(1)} %)` +
          `; server CPU ${dur(cpuPerFinish)} per finish (load average ${os.loadavg()[0]!.toFixed(1)})`,
      );
    }
    lines.push(`server RSS after the 1 M board and ${totalRuns} finishes: ${mb(rss(server.pid))}`);
    // An aid to read the figure above: its failure is reported, not the bench's.
    const gcTimeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no answer in 60 s")), 60_000).unref());
    const collected = await Promise.race([afterFullGc(server), gcTimeout]).catch((err: unknown) => String(err));
    lines.push(
      typeof collected === "string"
        ? `  after a full GC: not measured (${collected})`
        : `  after a full GC forced then (what of it was live): V8 heap used ${mb(collected.heapUsed)}, RSS ${mb(collected.rss)}`,
    );
  } finally {
    await server?.stop();
    await redisClient?.close();
    await redis?.stop();
    // The 1 M board's database is ~1.4 GB.
    fs.rmSync(path.dirname(sqliteFile(databaseUrl)), { recursive: true, force: true });
  }
  return lines;
}

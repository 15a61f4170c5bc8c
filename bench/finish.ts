/**
 * bench:finish — the whole verified-run path on SQLite: decode + replay + checks + the verdict's
 * transaction with every board update, for human-like Gridshot Sprint runs (15 s, 1000 Hz mouse).
 */
import { getScenario, parseSeed, Rng, TIERS } from "../game/core";
import { MemoryRankStore } from "../server/boards/ranks";
import { createDb } from "../server/db/client";
import { migrate } from "../server/db/migrate";
import { finishRun } from "../server/runs/finish";
import { startRun, type StartPolicy } from "../server/runs/start";
import { verifyRun } from "../server/runs/verify";
import { seedBaseData } from "../prisma/seed";
import { finishBody } from "../test/support/api";
import { runHumanClicker } from "../test/support/bots";
import { tempSqliteUrl } from "../test/support/server";

/** Runs are started up front and finished later: the bench measures throughput, not the finish deadline. */
const BENCH_START_POLICY: StartPolicy = { finishAllowanceMs: 3_600_000, maxOpenRuns: 1_000 };

export async function benchFinish(): Promise<string[]> {
  const url = tempSqliteUrl();
  await migrate(url);
  const db = createDb(url);
  await seedBaseData(db);
  const ranks = new MemoryRankStore(db);
  const sprint = getScenario("gridshot-sprint")!;
  const count = 200;
  const players = await Promise.all(
    Array.from({ length: 50 }, (_, i) => db.player.create({ data: { handle: `bench${i}`, handleKey: `bench${i}` } })),
  );
  const started = new Date(Date.now() - 60_000);
  // Every finish arrives 2 s after its run's end on the server's clock (the upload allowance is 10 s).
  const finishedAt = new Date(started.getTime() + sprint.durationMs + 2000);
  const prepared = [];
  for (let i = 0; i < count; i++) {
    const player = players[i % players.length]!;
    const run = await startRun(db, BENCH_START_POLICY, { playerId: player.id, scenarioId: sprint.id, tier: "free", clientIp: "bench", now: started });
    const log = runHumanClicker(sprint, parseSeed(run.seed), TIERS.free, new Rng(i)).sim.log();
    prepared.push({ run, player, body: finishBody(log) });
  }

  // Verification alone (no database), then the full path.
  const verifyTimes: number[] = [];
  for (const { run, body } of prepared.slice(0, 50)) {
    const t0 = performance.now();
    verifyRun({
      scenario: sprint,
      seed: parseSeed(run.seed),
      tier: TIERS.free,
      logBase64: body.log,
      environment: body.environment,
      startedAt: started,
      finishedAt,
      expiresAt: new Date(run.expiresAt),
    });
    verifyTimes.push(performance.now() - t0);
  }
  const t0 = performance.now();
  let verified = 0;
  for (const { run, player, body } of prepared) {
    const outcome = await finishRun(db, { ranks }, { runId: run.runId, playerId: player.id, body, now: finishedAt });
    if (outcome.run.verdict === "verified") verified++;
  }
  const seconds = (performance.now() - t0) / 1000;
  await db.$disconnect();
  verifyTimes.sort((a, b) => a - b);
  const bytes = Math.round(prepared.reduce((n, p) => n + p.body.log.length * 0.75, 0) / count);
  return [
    `verification of a 15 s run (${bytes} B log): p50 ${verifyTimes[25]!.toFixed(1)} ms, p99 ${verifyTimes[49]!.toFixed(1)} ms`,
    `finish end to end on SQLite (verify + verdict + 8 board upserts + ranks): ${(count / seconds).toFixed(0)} runs/s sequential, ${verified}/${count} verified`,
  ];
}

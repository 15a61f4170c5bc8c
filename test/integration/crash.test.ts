/**
 * kill -9 in the middle of a storm of finishes, on SQLite and (when available) PostgreSQL. Each round,
 * fresh players (every other one an Ultimate member) play real runs of a 3-second scenario, one
 * open run each; all their finishes are sent at once, before the runs' deadline, and the
 * server process is killed with SIGKILL after some answers came back and before all did. After a
 * restart on the same database: every acknowledged finish is stored whole (its verdict, the answer
 * it got, its board entries), nothing is stored twice or half, and the unacknowledged finishes, sent
 * again with their idempotency keys, each end with exactly one verdict.
 */
import { afterAll, describe, expect, it } from "vitest";
import { parseSeed, Rng, TIERS, type Scenario, type TierName } from "../../game/core";
import { boardKey, type BoardId } from "../../server/boards/board";
import { boardsFor } from "../../server/boards/record";
import { currentChallenge } from "../../server/challenge/challenge";
import type { Db } from "../../server/db/client";
import { apiClient, finishBody, type ApiResponse } from "../support/api";
import { runHumanClicker } from "../support/bots";
import { challengeDb, DAY } from "../support/closes";
import { postgresAvailable, postgresDatabases, sqliteDatabases, type DatabaseFactory } from "../support/databases";
import { createTestCode, redeemCode } from "../support/memberships";
import { storeShortScenario } from "../support/scenarios";
import { type AppServer, startAppServer } from "../support/server";

const ROUNDS = 3;
/** Concurrent finishes per round, each of a fresh player's run. */
const FINISHES = 40;
/** Time a storm's finishes may take to reach the server, which must be before the first run's deadline. */
const STORM_MS = 4000;

const factories: DatabaseFactory[] = [sqliteDatabases(), ...(postgresAvailable ? [postgresDatabases()] : [])];
if (!postgresAvailable) console.warn("PostgreSQL not installed and PG_URL not set: the PostgreSQL crash test is skipped");
afterAll(() => factories.forEach((f) => f.close()));

interface PlayedRun {
  runId: string;
  token: string;
  /** The player's own client address, as the proxy in front of the server reports it. */
  headers: Record<string, string>;
  startedAt: number;
  /** The run's finish deadline on the server's clock: its duration plus RUN_FINISH_ALLOWANCE_SEC. */
  expiresAt: number;
  finish: ReturnType<typeof finishBody>;
}

/** A board's key from a stored entry or an answer's rank line. */
const keyOf = (b: { scenarioId: string; periodKind: string; periodKey: string; tier: string }) => boardKey(b as BoardId);

/** A verdict-bearing answer to a finish: 200 (verified or flagged), or 410/422 (rejected). */
const verdictOf = (res: ApiResponse | null): string | undefined => res?.body?.run?.verdict;

/**
 * Fresh players (each with its own address, so per-address limits stay out of the way) each play
 * one run: every other one on the ultimate tier, for which it redeems a membership code first. One
 * open run per player.
 */
async function playRuns(api: ReturnType<typeof apiClient>, code: string, scenario: Scenario, round: number): Promise<PlayedRun[]> {
  const tierOf = (i: number): TierName => (i % 2 ? "ultimate" : "free");
  return Promise.all(
    Array.from({ length: FINISHES }, async (_, i) => {
      const headers = { "x-forwarded-for": `198.18.${round}.${i + 1}` };
      const player = await api.player(`crash${round}_`, headers);
      if (tierOf(i) === "ultimate") await redeemCode(api, player.token, code, headers);
      const start = await api.call("POST", "/api/runs", { body: { scenario: scenario.id, tier: tierOf(i) }, token: player.token, headers });
      expect(start.status, JSON.stringify(start.body)).toBe(201);
      const tier = TIERS[tierOf(i)];
      const log = runHumanClicker(scenario, parseSeed(start.body.seed), tier, new Rng(round * 1000 + i)).sim.log();
      const runId: string = start.body.runId;
      return {
        runId,
        token: player.token,
        headers,
        startedAt: Date.parse(start.body.startedAt),
        expiresAt: Date.parse(start.body.expiresAt),
        finish: finishBody(log, tier, { idempotencyKey: `crash-${runId}` }),
      };
    }),
  );
}

const sendFinish = (api: ReturnType<typeof apiClient>, run: PlayedRun) =>
  api.call("POST", `/api/runs/${run.runId}/finish`, { body: run.finish, token: run.token, headers: run.headers });

/** A finish sent as a client should: again after Retry-After while the server answers 503 (its verifier queue is full). */
async function sendFinishUntilAnswered(api: ReturnType<typeof apiClient>, run: PlayedRun) {
  for (;;) {
    const answer = await sendFinish(api, run);
    if (answer.status !== 503) return answer;
    await new Promise((r) => setTimeout(r, Number(answer.headers.get("retry-after") ?? 1) * 1000));
  }
}

/**
 * Sends every finish at once and kills the server when the `killAfter`-th verdict is in (a full
 * server's 503s come back first and acknowledge nothing); null: no answer.
 */
async function storm(server: AppServer, api: ReturnType<typeof apiClient>, runs: PlayedRun[], killAfter: number) {
  let answered = 0;
  let killed: Promise<void> | undefined;
  const answers = await Promise.all(
    runs.map((run) =>
      sendFinish(api, run).then(
        (res) => {
          if (verdictOf(res) && ++answered === killAfter) {
            killed = server.kill();
            killed.catch(() => undefined); // awaited below, once every request has settled
          }
          return res;
        },
        () => null,
      ),
    ),
  );
  await (killed ?? server.kill()); // fewer answers than that came back: the round still ends in a kill
  return answers;
}

/**
 * The runs as stored: every answer in `answered` (run id -> a verdict-bearing answer) agrees with
 * its run; a finished run has its verdict, stored answer, its board entries (one per board it counts
 * for: its player is fresh) or its one audit row; an unfinished one has none of these.
 */
async function expectWholeAndOnce(db: Db, runs: PlayedRun[], answered: Map<string, ApiResponse>, exactAnswers: boolean) {
  const ids = runs.map((r) => r.runId);
  const [stored, entries, audits, challenge] = await Promise.all([
    db.run.findMany({ where: { id: { in: ids } } }),
    db.boardEntry.findMany({ where: { runId: { in: ids } } }),
    db.auditLog.findMany({ where: { targetType: "run", targetId: { in: ids } } }),
    currentChallenge(db),
  ]);
  expect(stored.length).toBe(runs.length);
  const expectedBoards = (run: (typeof stored)[number]) =>
    run.verdict === "verified" && run.finishedAt ? boardsFor({ scenarioId: run.scenarioId, tier: run.tier as TierName, finishedAt: run.finishedAt }, challenge) : [];
  for (const run of stored) {
    const where = `run ${run.id}`;
    const boards = entries.filter((e) => e.runId === run.id);
    const actions = audits.filter((a) => a.targetId === run.id).map((a) => a.action);
    const answer = answered.get(run.id);
    if (!run.finishedAt) {
      expect(answer, where).toBeUndefined();
      expect([run.verdict, run.finishResponse, boards.length, actions], where).toEqual([null, null, 0, []]);
      continue;
    }
    expect(run.verdict, where).not.toBeNull();
    expect(run.finishResponse, where).not.toBeNull();
    if (answer) {
      expect(run.verdict, where).toBe(verdictOf(answer));
      // The stored outcome is the answer's body (a rejection's answer adds its error; a verified
      // one its ranks, read from the rank store when answered).
      const { error: _, ranks, ...outcome } = answer.body;
      if (exactAnswers) expect(run.finishResponse, where).toEqual(outcome);
      if (ranks) {
        const listed = (ranks as { scenario: string; period: string; key: string; tier: string }[]).map((r) =>
          keyOf({ scenarioId: r.scenario, periodKind: r.period, periodKey: r.key, tier: r.tier }),
        );
        expect(listed.sort(), where).toEqual(expectedBoards(run).map(boardKey).sort());
      }
    }
    const expected = expectedBoards(run);
    expect(boards.map(keyOf).sort(), where).toEqual(expected.map(boardKey).sort());
    expect(boards.every((e) => e.score === run.score && e.achievedAt.getTime() === run.finishedAt!.getTime()), where).toBe(true);
    expect(actions, where).toEqual(run.verdict === "verified" ? [] : [`run.${run.verdict}`]);
  }
}

// The providers' tests run side by side: most of each is waiting on its own server (runs, restarts).
describe.concurrent.each(factories)("kill -9 during concurrent finishes on $provider", (databases) => {
  it(`loses no acknowledged finish and writes none twice or half (${ROUNDS} rounds of ${FINISHES})`, async () => {
    const url = await databases.fresh();
    // A challenge in progress, so each verified run counts on day, week, challenge and all-time boards.
    const db = await challengeDb(url, { startsAt: new Date(Date.now() - DAY), endsAt: new Date(Date.now() + 30 * DAY), eventDays: [] });
    const scenario = await storeShortScenario(db);
    const code = await createTestCode(db, "crash");
    // Behind one proxy hop: each player's X-Forwarded-For is its client address. The finish deadline
    // (duration + RUN_FINISH_ALLOWANCE_SEC) leaves room for 40 verifications, a kill and a restart on
    // a busy machine: with the default 10 s, finishes queued in the storm and most retries after the
    // restart came in late and were rejected, and this test is about what a crash loses, not the deadline.
    let server = await startAppServer({ DATABASE_URL: url, TRUST_PROXY: "1", RUN_FINISH_ALLOWANCE_SEC: "60" });
    const rng = new Rng(databases.provider === "sqlite" ? 1 : 2); // where each round's kill falls
    // A kill that lands after every answer came back tests nothing: such a round is played again.
    let midStorm = 0;
    try {
      for (let round = 1; midStorm < ROUNDS; round++) {
        expect(round, `only ${midStorm} of ${round - 1} kills landed before every answer was in`).toBeLessThanOrEqual(ROUNDS + 3);
        const runs = await playRuns(apiClient(server.url), code, scenario, round);
        // A run cannot be finished before it has lasted its duration on the server's clock, nor after its deadline.
        const lastStart = Math.max(...runs.map((r) => r.startedAt));
        await new Promise((r) => setTimeout(r, Math.max(0, lastStart + scenario.durationMs + 250 - Date.now())));
        const firstDeadline = Math.min(...runs.map((r) => r.expiresAt));
        expect(firstDeadline - Date.now(), "ms left before the first run's finish deadline").toBeGreaterThan(STORM_MS);

        const killAfter = 1 + rng.int(4);
        const answers = await storm(server, apiClient(server.url), runs, killAfter);
        // An answer is a verdict, or a 503 that asks to try again; the others died with the process.
        const unexpected = answers.filter((a) => a && !verdictOf(a) && a.status !== 503);
        expect(unexpected, `answers that are neither a verdict nor a 503; the server said:\n${server.output().slice(-6000)}`).toEqual([]);
        const acked = new Map(runs.flatMap((run, i) => (verdictOf(answers[i]!) ? [[run.runId, answers[i]!] as const] : [])));
        if (acked.size < FINISHES) midStorm++;
        console.log(`crash ${databases.provider} round ${round}: killed at verdict ${killAfter}; ${acked.size} of ${FINISHES} finishes acknowledged`);

        // Every acknowledged finish came in time: none was refused for its deadline.
        expect([...acked.values()].filter((a) => a.body.run.reasonCode === "run_expired"), "finishes past their deadline").toEqual([]);

        server = await server.restart();
        await expectWholeAndOnce(db, runs, acked, true);

        // The unacknowledged finishes again, each twice at once, with the same idempotency key.
        const unacked = runs.filter((r) => !acked.has(r.runId));
        const retry = apiClient(server.url);
        const again = await Promise.all(unacked.map((run) => Promise.all([sendFinishUntilAnswered(retry, run), sendFinishUntilAnswered(retry, run)])));
        unacked.forEach((run, i) => {
          const [a, b] = again[i]!;
          expect([verdictOf(a), a.body.run?.id], JSON.stringify(a.body)).toEqual([expect.any(String), run.runId]);
          expect([b.status, verdictOf(b), b.body.run?.score], run.runId).toEqual([a.status, verdictOf(a), a.body.run.score]);
          acked.set(run.runId, a);
        });
        const retried = new Map<string, number>();
        for (const [a] of again) retried.set(`${verdictOf(a)} ${a.body.run.reasonCode ?? ""}`.trim(), (retried.get(`${verdictOf(a)} ${a.body.run.reasonCode ?? ""}`.trim()) ?? 0) + 1);
        console.log(`crash ${databases.provider} round ${round}: ${unacked.length} retried after the restart: ${JSON.stringify(Object.fromEntries(retried))}`);
        await expectWholeAndOnce(db, runs, acked, false);
        const finished = await db.run.count({ where: { id: { in: runs.map((r) => r.runId) }, finishedAt: { not: null } } });
        expect(finished).toBe(FINISHES);
      }
    } finally {
      await server.stop();
      await db.$disconnect();
    }
  }, 240_000);
});

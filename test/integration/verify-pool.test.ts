/**
 * Replay off the event loop, with backpressure, on the real server: with one verifying thread and
 * room for one waiting finish, a burst of finishes gets some `503 overloaded` answers with
 * Retry-After. Those runs are left exactly as they were (not finished, nothing stored), and the same
 * submissions sent again later are judged: nothing acknowledged is lost, nothing refused is half-done.
 */
import { afterAll, describe, expect, it } from "vitest";
import { encodeLog, parseSeed, Rng, TIERS } from "../../game/core";
import { createDb } from "../../server/db/client";
import { verifyRun, type VerifyInput } from "../../server/runs/verify";
import { createVerifierPool } from "../../server/runs/verify-pool";
import { useAppServer } from "../support/app";
import { environmentFor, finishBody } from "../support/api";
import { runHumanClicker, scenario } from "../support/bots";
import { busiestPlayLog, frameFloodLog, WORST_KINDS, WORST_TIER, worstScenario } from "../support/worst-case";

const app = useAppServer({ VERIFY_THREADS: "1", VERIFY_QUEUE: "1", SIGNUP_RATE_PER_IP: "1000", RUN_RATE_PER_IP: "10000" });
const gridshot = scenario("gridshot");
const BURST = 24;

describe("finishes under a burst", () => {
  it("answers 503 with Retry-After beyond the queue, changes nothing for those, and judges them when sent again", async () => {
    const runs = [];
    for (let i = 0; i < BURST; i++) {
      const p = await app.api.player("burst");
      const started = await app.api.post("/api/runs", { scenario: gridshot.id, tier: "free" }, p.token);
      expect(started.status).toBe(201);
      const log = runHumanClicker(gridshot, parseSeed(started.body.seed), TIERS.free, new Rng(i)).sim.log();
      runs.push({ token: p.token, runId: started.body.runId as string, body: finishBody(log) });
    }

    const answers = await Promise.all(runs.map((r) => app.api.post(`/api/runs/${r.runId}/finish`, r.body, r.token)));
    const refused = runs.filter((_, i) => answers[i]!.status === 503);
    const answered = answers.filter((a) => a.status !== 503);
    expect(refused.length).toBeGreaterThan(0);
    expect(answered.length).toBeGreaterThan(0);
    for (const a of answers.filter((x) => x.status === 503)) {
      expect(a.body.error.code).toBe("overloaded");
      expect(Number(a.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    // Answered runs were judged (finished too early on the server's clock: a full log sent at once).
    for (const a of answered) expect([200, 422]).toContain(a.status);

    const db = createDb(app.databaseUrl);
    try {
      const stored = await db.run.findMany({ where: { id: { in: refused.map((r) => r.runId) } } });
      expect(stored.every((r) => r.finishedAt === null && r.verdict === null && r.log === null)).toBe(true);
      // Sent again one at a time, each is judged like the others were.
      for (const r of refused) {
        const again = await app.api.post(`/api/runs/${r.runId}/finish`, r.body, r.token);
        expect([200, 422]).toContain(again.status);
      }
      expect(await db.run.count({ where: { id: { in: runs.map((r) => r.runId) }, finishedAt: null } })).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });
});

describe("a verifying worker's memory limits (VERIFY_WORKER_LIMITS)", () => {
  // The server runs under tsx (npm start) and its workers with it; vitest does not.
  const pool = createVerifierPool({ threads: 1, execArgv: ["--import", "tsx"] });
  afterAll(() => pool.close());

  it("hold the worst legal replays: each gets the verdict it gets on the main thread", async () => {
    const seed = parseSeed("5eed0f1c");
    for (const kind of WORST_KINDS) {
      const worst = worstScenario(kind);
      for (const log of [busiestPlayLog(worst, seed), frameFloodLog(worst)]) {
        const input: VerifyInput = {
          scenario: worst,
          seed,
          tier: WORST_TIER,
          logBytes: encodeLog(log),
          environment: environmentFor(WORST_TIER),
          startedAt: new Date(0),
          finishedAt: new Date(worst.durationMs + 500),
          expiresAt: new Date(worst.durationMs + 10_000),
        };
        expect(await pool.verify(input)).toEqual(verifyRun(input));
      }
    }
  });
});

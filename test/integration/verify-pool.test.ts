/**
 * Replay off the event loop, with backpressure, on the real server: with one verifying thread and
 * room for one waiting finish, a burst of finishes gets some `503 overloaded` answers with
 * Retry-After. Those runs are left exactly as they were (not finished, nothing stored), and the same
 * submissions sent again later are judged: nothing acknowledged is lost, nothing refused is half-done.
 */
import { describe, expect, it } from "vitest";
import { parseSeed, Rng, TIERS } from "../../game/core";
import { createDb } from "../../server/db/client";
import { useAppServer } from "../support/app";
import { finishBody } from "../support/api";
import { runHumanClicker, scenario } from "../support/bots";

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

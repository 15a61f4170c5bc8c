/**
 * Legitimate runs end to end over HTTP: a human-like log on the run's own seed, finished after the
 * run's full duration on the server's clock, is verified with the score the core computes. A forged
 * claimed score changes nothing but an audit entry.
 */
import { expect, it } from "vitest";
import { getScenario, parseSeed, replay, Rng, TIERS, type TierName } from "../../game/core";
import { createDb } from "../../server/db/client";
import { finishBody } from "../support/api";
import { useAppServer } from "../support/app";
import { runHumanClicker, SETTINGS } from "../support/bots";

const app = useAppServer();
const sprint = getScenario("gridshot-sprint")!;

it("verifies human-like runs on both tiers, and the recomputed score beats a forged claim", async () => {
  // Members one after another (each grant is a write transaction of its own on the test's SQLite file).
  const players: { id: string; handle: string; token: string }[] = [];
  for (let i = 0; i < 3; i++) players.push(await app.member(`hv${i}`));
  const runs = await Promise.all(
    (["free", "ultimate", "free"] as TierName[]).map(async (tierName, i) => {
      const player = players[i]!;
      const res = await app.api.post("/api/runs", { scenario: sprint.id, tier: tierName }, player.token);
      const tier = TIERS[tierName];
      const human = runHumanClicker(sprint, parseSeed(res.body.seed), tier, new Rng(40 + i));
      return { player, runId: res.body.runId as string, startedAt: Date.parse(res.body.startedAt), tier, log: human.sim.log(), seed: parseSeed(res.body.seed) };
    }),
  );
  // A run cannot be finished before it has lasted its duration on the server's clock.
  await new Promise((r) => setTimeout(r, Math.max(0, runs[0]!.startedAt + sprint.durationMs + 300 - Date.now())));

  const [free, ultimate, forged] = runs;
  for (const run of [free!, ultimate!]) {
    const expected = replay(sprint, run.seed, run.tier, run.log, SETTINGS).score;
    const res = await app.api.post(`/api/runs/${run.runId}/finish`, finishBody(run.log, run.tier, { claimed: { score: expected } }), run.player.token);
    expect(res.status).toBe(200);
    expect(res.body.run).toMatchObject({ id: run.runId, tier: run.tier.name, verdict: "verified", reasonCode: null, reasons: [], score: expected });
    expect(res.body.run.result).toMatchObject({ score: expected, hits: expect.any(Number), frames: { capViolations: 0 } });
    expect(expected).toBeGreaterThan(0);
  }

  const honest = replay(sprint, forged!.seed, forged!.tier, forged!.log, SETTINGS).score;
  const res = await app.api.post(`/api/runs/${forged!.runId}/finish`, finishBody(forged!.log, forged!.tier, { claimed: { score: 999_999 } }), forged!.player.token);
  expect(res.body.run).toMatchObject({ verdict: "verified", score: honest, claimedScore: 999_999 });

  const db = createDb(app.databaseUrl);
  try {
    const stored = await db.run.findUniqueOrThrow({ where: { id: forged!.runId } });
    expect(stored).toMatchObject({ verdict: "verified", score: honest, claimedScore: 999_999 });
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "run.claim_mismatch", targetId: forged!.runId } });
    expect(entry.details).toMatchObject({ claimed: 999_999, computed: honest });
  } finally {
    await db.$disconnect();
  }
});

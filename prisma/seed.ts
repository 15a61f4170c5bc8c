/**
 * Base data every database needs (the built-in scenarios, the default challenge) and, on an empty
 * database, demo players with runs to look at. The demo runs go through the real path: started,
 * played by a simulated human through the game core, and verified by the server's replay, so
 * every demo score on a board is one the server computed.
 */
import { getScenario, parseSeed, Rng, TIERS, toBase64, encodeLog, type TierName } from "../game/core";
import { periodAt } from "../server/boards/periods";
import { MemoryRankStore } from "../server/boards/ranks";
import { currentChallenge } from "../server/challenge/challenge";
import { DEFAULT_CHALLENGE } from "../server/challenge/defaults";
import type { Db } from "../server/db/client";
import { demoEnvironment, runHumanClicker } from "../server/demo/human-player";
import { grantMembership } from "../server/memberships/grant-membership";
import { finishRun } from "../server/runs/finish";
import { startRun, type StartPolicy } from "../server/runs/start";
import { syncScenarios } from "../server/scenarios/sync";

const DEMO_HANDLES = ["FlickQueen", "TrackStar", "Raisy_demo", "KovaFan", "PixelPeek", "SwitchBlade"];
const DEMO_SCENARIOS = ["gridshot", "gridshot-sprint"];
/** The first demo players are Ultimate members and play both tiers; the others play free. */
const DEMO_MEMBERS = 3;
const DEMO_START_POLICY: StartPolicy = { finishAllowanceMs: 10_000, maxOpenRuns: 1 };

export async function seedBaseData(db: Db): Promise<void> {
  await syncScenarios(db);
  if ((await db.challenge.count()) === 0) await db.challenge.create({ data: DEFAULT_CHALLENGE });
}

/** Demo players and their verified runs, only on a database without players. Returns how many players. */
export async function seedDemo(db: Db, now = new Date()): Promise<number> {
  if ((await db.player.count()) > 0) return 0;
  const rng = new Rng(20261126);
  const ranks = new MemoryRankStore(db);
  // Half the runs in the current week so far (at most its last 6 hours), half over the two days
  // before now, so this week's and last week's boards both have entries.
  const weekStart = periodAt("week", now, await currentChallenge(db))?.startsAt ?? now;
  const recent = Math.max(60_000, Math.min(now.getTime() - weekStart.getTime(), 6 * 3_600_000));
  for (const [i, handle] of DEMO_HANDLES.entries()) {
    const player = await db.player.create({
      data: {
        handle,
        handleKey: handle.toLowerCase(),
        // Demo accounts have no session: nobody can sign in as them.
        contactEmail: `${handle.toLowerCase()}@example.com`,
      },
    });
    const member = i < DEMO_MEMBERS;
    if (member) {
      const since = new Date(now.getTime() - 30 * 86_400_000);
      await db.$transaction((tx) =>
        grantMembership(tx, { playerId: player.id, length: { days: 180 }, source: "admin", actor: { actorType: "system", actorId: "demo-seed" }, now: since }),
      );
    }
    for (const scenarioId of DEMO_SCENARIOS) {
      for (const tierName of (member ? ["free", "ultimate"] : ["free"]) as TierName[]) {
        const scenario = getScenario(scenarioId)!;
        const tier = TIERS[tierName];
        const span = rng.next() < 0.5 ? recent : 2 * 86_400_000;
        const finishedAt = new Date(now.getTime() - Math.floor(rng.range(30_000, span)));
        const started = new Date(finishedAt.getTime() - scenario.durationMs - 2000);
        const run = await startRun(db, DEMO_START_POLICY, { playerId: player.id, scenarioId, tier: tierName, clientIp: "seed", now: started });
        const log = runHumanClicker(scenario, parseSeed(run.seed), tier, rng).sim.log();
        await finishRun(db, { ranks }, {
          runId: run.runId,
          playerId: player.id,
          now: finishedAt,
          body: {
            log: toBase64(encodeLog(log)),
            environment: demoEnvironment(tier, "Flickboard demo data"),
          },
        });
      }
    }
  }
  return DEMO_HANDLES.length;
}

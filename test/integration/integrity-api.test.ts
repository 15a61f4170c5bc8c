/**
 * Competitive integrity over HTTP: a verdict tells the player a code and a plain sentence, never the
 * numbers behind it (no oracle to tune a bot against), while the evidence is stored for admins; a
 * log has one identity whatever its spelling; and the player's own history is weighed (a personal
 * best far above it is flagged, a changed sensitivity is noted for review).
 */
import { expect, it } from "vitest";
import { encodeLog, getScenario, parseSeed, Rng, TIERS, toBase64 } from "../../game/core";
import { createDb } from "../../server/db/client";
import { finishBody } from "../support/api";
import { useAppServer } from "../support/app";
import { recordVerifiedRun } from "../support/boards";
import { runClickBot, runHumanClicker } from "../support/bots";

const app = useAppServer();
const sprint = getScenario("gridshot-sprint")!;

it("keeps thresholds from players, stores the evidence, and weighs the player's history", async () => {
  const names = ["bot", "honest", "copier", "respeller", "jumper", "retuned"] as const;
  type Name = (typeof names)[number];
  const each = async <T,>(make: (n: Name) => Promise<T>) =>
    Object.fromEntries(await Promise.all(names.map(async (n) => [n, await make(n)]))) as Record<Name, T>;
  const p = await each((n) => app.api.player(n));

  // History written as the finish path writes it: five low verified runs for the jumper, one run at
  // another sensitivity for the retuned player.
  const db = createDb(app.databaseUrl);
  for (let i = 0; i < 5; i++) await recordVerifiedRun(db, { playerId: p.jumper.id, score: 10 + i, at: new Date(Date.now() - 3600_000 * (i + 1)), scenarioId: sprint.id });
  const old = await recordVerifiedRun(db, { playerId: p.retuned.id, score: 50, at: new Date(Date.now() - 3600_000), scenarioId: sprint.id });
  await db.run.update({ where: { id: old }, data: { environment: { cm360: 60, dpi: 400 } } });

  const start = async (who: { token: string }) => (await app.api.post("/api/runs", { scenario: sprint.id, tier: "free" }, who.token)).body as { runId: string; seed: string; startedAt: string };
  const runs = await each((n) => start(p[n]));
  const human = (n: Name, seed: number) => runHumanClicker(sprint, parseSeed(runs[n].seed), TIERS.free, new Rng(seed)).sim.log();
  await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(runs.bot.startedAt) + sprint.durationMs + 300 - Date.now())));
  const finish = (n: Name, body: object) => app.api.post(`/api/runs/${runs[n].runId}/finish`, body, p[n].token);

  // A perfect aimbot: rejected with a code and sentences that carry no number; the numbers are stored.
  const bot = await finish("bot", finishBody(runClickBot(sprint, parseSeed(runs.bot.seed), TIERS.free).sim.log()));
  expect(bot.status).toBe(422);
  const text = JSON.stringify(bot.body);
  expect(text).not.toContain("evidence");
  for (const r of bot.body.run.reasons as { message: string }[]) expect(r.message).not.toMatch(/\d/);
  expect(bot.body.error.message).not.toMatch(/\d/);
  const stored = await db.run.findUniqueOrThrow({ where: { id: runs.bot.runId } });
  const findings = stored.findings as { code: string; evidence?: Record<string, unknown> }[];
  expect(findings[0]!.code).toBe(bot.body.run.reasonCode);
  expect(Object.values(findings[0]!.evidence ?? {}).some((v) => typeof v === "number")).toBe(true);

  // One log, one identity: the same bytes again are a replayed log; a re-spelled text is refused.
  const honestLog = human("honest", 1);
  expect((await finish("honest", finishBody(honestLog))).body.run.verdict).toBe("verified");
  const copied = await finish("copier", finishBody(honestLog));
  expect(copied.body.run.reasonCode).toBe("replayed_log");
  const canonical = toBase64(encodeLog(human("respeller", 2)));
  const respelled = await finish("respeller", { ...finishBody(human("respeller", 2)), log: canonical.replace(/(.{60})/g, "$1\n") });
  expect([respelled.status, respelled.body.run.reasonCode]).toEqual([422, "log_undecodable"]);

  // Far above the player's own best: flagged, kept off the boards until an admin clears it.
  const jump = await finish("jumper", finishBody(human("jumper", 3)));
  expect(jump.body.run).toMatchObject({ verdict: "flagged", reasonCode: "personal_best_jump" });
  expect(jump.body.ranks).toBeUndefined();
  const week = await app.api.get(`/api/leaderboards/${sprint.id}/players/${p.jumper.id}?period=week`);
  expect(week.body.player?.score).toBe(14);

  // A new sensitivity: noted for review, the run still counts.
  const retuned = await finish("retuned", finishBody(human("retuned", 4)));
  expect(retuned.body.run.verdict).toBe("verified");
  expect(retuned.body.run.reasons).toContainEqual({ code: "environment_change", severity: "review", message: expect.stringMatching(/sensitivity changed/) });
  await db.$disconnect();
});

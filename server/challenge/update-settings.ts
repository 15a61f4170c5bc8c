/**
 * An admin replaces the challenge's settings (dates, time zone, close schedules, featured scenario,
 * event days, prize table). Checked first (settings-rules.ts: values, scenarios that exist, and no
 * period already played moved), then written with an audit entry of what changed, in one
 * transaction; bad input changes nothing. Afterwards this process's cached Challenge is dropped;
 * other processes see the new `updatedAt` on their next version check (server/challenge/challenge.ts).
 */
import type { ChallengeSettingsAnswer, ChallengeSettingsBody } from "../../lib/contracts/admin-settings";
import { audit } from "../audit";
import { prizeBoardsOf } from "../closes/prize-table";
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import { InvalidInput } from "../errors";
import { Challenge, invalidateChallenge, type ChallengeRow } from "./challenge";
import { checkPlayedPeriodsKept, checkValues, upcomingCloses } from "./settings-rules";

const FIELDS = ["name", "timeZone", "startsAt", "endsAt", "weeklyCloseCron", "dailyCloseCron", "featuredScenarioId", "eventDays", "prizeTable"] as const;

/** The settings of the stored challenge row, as the API shows them, with the next closes. */
export function settingsAnswer(row: ChallengeRow & { updatedAt: Date }, now = new Date()): ChallengeSettingsAnswer {
  return {
    settings: {
      id: row.id,
      name: row.name ?? row.id,
      timeZone: row.timeZone,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      weeklyCloseCron: row.weeklyCloseCron,
      dailyCloseCron: row.dailyCloseCron,
      featuredScenarioId: row.featuredScenarioId,
      eventDays: row.eventDays as string[],
      prizeTable: row.prizeTable,
      updatedAt: row.updatedAt.toISOString(),
    },
    upcoming: upcomingCloses(new Challenge(row), now),
  };
}

export async function updateChallengeSettings(db: Db, input: ChallengeSettingsBody, adminId: string, now = new Date()): Promise<ChallengeSettingsAnswer> {
  const answer = await transact(db, async (tx) => {
    const row = await tx.challenge.findFirst({ orderBy: { startsAt: "desc" } });
    if (!row) throw new Error("No challenge configured: the seed creates one at start-up.");
    const next: ChallengeRow = { ...row, ...input, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) };
    const after = checkValues(next);
    const scenarios = new Set([after.featuredScenarioId, ...prizeBoardsOf(after.prizeTable, after.featuredScenarioId).map((b) => b.scenarioId)]);
    const found = await tx.scenario.findMany({ where: { id: { in: [...scenarios] } }, select: { id: true, active: true, variantOf: true } });
    const featured = found.find((s) => s.id === after.featuredScenarioId);
    if (!featured?.active || featured.variantOf) throw new InvalidInput("invalid_settings", `featuredScenarioId: no playable scenario "${after.featuredScenarioId}"`);
    const missing = [...scenarios].find((id) => !found.some((s) => s.id === id));
    if (missing) throw new InvalidInput("invalid_settings", `prizeTable: no scenario "${missing}"`);
    const made = await tx.periodClose.findMany({ where: { challengeId: row.id }, select: { scenarioId: true, periodKind: true, periodKey: true, tier: true, startsAt: true, endsAt: true } });
    checkPlayedPeriodsKept(new Challenge(row), after, made, now);

    const changed = Object.fromEntries(
      FIELDS.filter((f) => JSON.stringify(row[f]) !== JSON.stringify(next[f])).map((f) => [f, { from: row[f], to: next[f] }]),
    );
    if (Object.keys(changed).length === 0) return settingsAnswer(row, now);
    const saved = await tx.challenge.update({
      where: { id: row.id },
      data: { ...input, startsAt: next.startsAt, endsAt: next.endsAt, prizeTable: input.prizeTable as object, eventDays: input.eventDays },
    });
    await audit(tx, { actorType: "admin", actorId: adminId, action: "challenge.settings_changed", targetType: "challenge", targetId: row.id, details: changed });
    return settingsAnswer(saved, now);
  });
  invalidateChallenge(db);
  return answer;
}

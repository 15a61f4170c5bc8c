/**
 * What a paired kiosk is told about itself (`GET /api/kiosks/me`, also its heartbeat): the booth's
 * scenario, fixed settings and idle timeout, the challenge, today's prizes for the booth's board,
 * and the public address its QR codes link to.
 */
import type { KioskConfig } from "../../lib/contracts/kiosks";
import type { Settings } from "../../lib/contracts/settings";
import { periodAt } from "../boards/periods";
import { Challenge } from "../challenge/challenge";
import { prizeBoardsOf, prizesFor } from "../closes/prize-table";
import type { Db } from "../db/client";
import { getScenarioDefinition } from "../scenarios/catalog";

export async function kioskConfig(
  db: Db,
  kiosk: { id: string; name: string; challengeId: string; scenarioId: string; settings: unknown; idleSeconds: number },
  publicUrl: string,
  now = new Date(),
): Promise<KioskConfig> {
  const challenge = new Challenge(await db.challenge.findUniqueOrThrow({ where: { id: kiosk.challengeId } }));
  const scenario = await getScenarioDefinition(db, kiosk.scenarioId);
  const table = challenge.prizeTable;
  const today = periodAt("day", now, challenge)!.key;
  const dayBoard = prizeBoardsOf(table, challenge.featuredScenarioId).some((b) => b.scenarioId === kiosk.scenarioId && b.periods.includes("day"));
  const eventDay = challenge.eventDays.includes(today);
  return {
    id: kiosk.id,
    name: kiosk.name,
    challenge: { id: challenge.id, name: challenge.name },
    scenario: { id: scenario.id, name: scenario.name, durationMs: scenario.definition.durationMs },
    settings: kiosk.settings as Settings,
    idleSeconds: kiosk.idleSeconds,
    dayPrizes: dayBoard && eventDay ? prizesFor(table, "day").map(({ place, prize }) => ({ place, prize })) : [],
    publicUrl,
  };
}

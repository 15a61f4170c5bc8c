/** The challenge the app runs (one per deployment), with the schedule the periods are computed from. */
import type { ChallengeSchedule } from "../boards/periods";
import type { Db } from "../db/client";

export async function currentChallenge(db: Db) {
  const challenge = await db.challenge.findFirst({ orderBy: { startsAt: "desc" } });
  if (!challenge) throw new Error("No challenge configured: the seed creates one at start-up.");
  return challenge;
}

export function scheduleOf(challenge: {
  id: string;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  weeklyCloseCron: string;
}): ChallengeSchedule {
  const { id, timeZone, startsAt, endsAt, weeklyCloseCron } = challenge;
  return { id, timeZone, startsAt, endsAt, weeklyCloseCron };
}

/**
 * What the home page shows of the challenge (lib/contracts/challenge.ts): its dates and state, its
 * featured scenario, the prizes of each period kind that has a prize board, the next close of each
 * kind, and the latest winners. Read-only; the page renders it and GET /api/challenge answers it.
 *
 * Winners: per kind, the latest closed period (by its end) where some place is held now. A place is
 * held by its newest offer (docs/awards.md: a disqualified or forfeited award is kept and the place
 * offered down as a new row); a place whose holder is disqualified or forfeited and was offered to
 * nobody is not shown. Winners in review are shown, marked so.
 *
 * A prize table that does not parse (the closes report it) shows no prizes and no closes; the rest
 * of the page stands.
 */
import type { AwardStatus } from "../../lib/contracts/awards";
import type { ChallengeShowcase, ClosingKind } from "../../lib/contracts/challenge";
import type { Db } from "../db/client";
import { nextClose, prizeBoards } from "../closes/due";
import { CLOSE_PERIOD_KINDS, PrizeTableError, prizesFor } from "../closes/prize-table";
import { currentChallenge, type Challenge } from "./challenge";

/** Award statuses that no longer hold their place. */
const NOT_HELD: AwardStatus[] = ["disqualified", "forfeited"];
/** The order the latest winners are listed in. */
const WINNER_KINDS: ClosingKind[] = ["week", "day", "challenge"];

export async function challengeShowcase(db: Db, now = new Date()): Promise<ChallengeShowcase> {
  const challenge = await currentChallenge(db);
  const t = now.getTime();
  const state = t < challenge.startsAt.getTime() ? "upcoming" : t < challenge.endsAt.getTime() ? "running" : "ended";
  const [featured, winners] = await Promise.all([
    db.scenario.findUnique({ where: { id: challenge.featuredScenarioId }, select: { id: true, name: true } }),
    latestWinners(db, challenge.id),
  ]);
  return {
    id: challenge.id,
    name: challenge.name,
    timeZone: challenge.timeZone,
    startsAt: challenge.startsAt.toISOString(),
    endsAt: challenge.endsAt.toISOString(),
    state,
    featured: featured ?? { id: challenge.featuredScenarioId, name: challenge.featuredScenarioId },
    ...prizesAndCloses(challenge, now),
    winners,
  };
}

function prizesAndCloses(challenge: Challenge, now: Date): Pick<ChallengeShowcase, "prizes" | "eventDays" | "nextCloses"> {
  try {
    const boards = prizeBoards(challenge);
    const kinds = CLOSE_PERIOD_KINDS.filter((kind) => boards.some((b) => b.periods.includes(kind)));
    const prizes = kinds
      .map((kind) => ({ kind, places: prizesFor(challenge.prizeTable, kind).map(({ place, prize }) => ({ place, prize })) }))
      .filter((p) => p.places.length > 0);
    const nextCloses = kinds.flatMap((kind) => {
      // Grace 0: the instant the period ends, not when the close job runs.
      const next = nextClose(challenge, now, { periodKind: kind, graceMs: 0 });
      return next ? [{ kind, periodKey: next.period.key, closeAt: next.closeAt.toISOString() }] : [];
    });
    return { prizes, eventDays: kinds.includes("day") ? challenge.eventDays : [], nextCloses };
  } catch (err) {
    if (err instanceof PrizeTableError) return { prizes: [], eventDays: [], nextCloses: [] };
    throw err;
  }
}

async function latestWinners(db: Db, challengeId: string): Promise<ChallengeShowcase["winners"]> {
  const held = { status: { notIn: NOT_HELD } };
  const out: ChallengeShowcase["winners"] = [];
  for (const kind of WINNER_KINDS) {
    const latest = await db.periodClose.findFirst({
      where: { challengeId, periodKind: kind, awards: { some: held } },
      orderBy: [{ endsAt: "desc" }, { closedAt: "desc" }],
      select: { periodKey: true, startsAt: true, endsAt: true },
    });
    if (!latest) continue;
    const closes = await db.periodClose.findMany({
      where: { challengeId, periodKind: kind, periodKey: latest.periodKey, awards: { some: held } },
      orderBy: [{ scenarioId: "asc" }, { tier: "asc" }],
      select: {
        scenarioId: true,
        tier: true,
        awards: { where: held, orderBy: [{ place: "asc" }, { offer: "desc" }], select: { place: true, score: true, status: true, player: { select: { handle: true } } } },
      },
    });
    const names = await scenarioNames(db, closes.map((c) => c.scenarioId));
    out.push({
      kind,
      periodKey: latest.periodKey,
      startsAt: latest.startsAt.toISOString(),
      endsAt: latest.endsAt.toISOString(),
      boards: closes.map((c) => ({
        scenarioId: c.scenarioId,
        scenarioName: names.get(c.scenarioId) ?? c.scenarioId,
        tier: c.tier,
        places: c.awards.map((a) => ({ place: a.place, handle: a.player.handle, score: a.score, underReview: a.status === "review" })),
      })),
    });
  }
  return out;
}

async function scenarioNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const rows = await db.scenario.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

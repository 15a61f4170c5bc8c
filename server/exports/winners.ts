/**
 * The winners export (GET /api/admin/exports/winners.csv): every prize award, oldest close first,
 * then by place and offer, read a page of closes at a time (keyset on closedAt, id). The contact
 * e-mail is filled only for players who consented to prize contact.
 */
import type { AwardStatus } from "../../lib/contracts/awards";
import { consentedContacts } from "../awards/award-history";
import type { Db } from "../db/client";
import type { CsvValue } from "./csv";

export const WINNERS_HEADER = [
  "close_id", "scenario", "period", "period_key", "tier", "closed_at", "place", "offer", "status", "handle", "player_id", "run_id", "score", "prize", "reviewed_at", "fulfilled_at", "contact_email",
] as const;

/** Closes read at a time. */
const CLOSES_PER_PAGE = 100;

export async function* winnerRows(db: Db, filter: { status?: AwardStatus } = {}): AsyncGenerator<CsvValue[]> {
  let after: { closedAt: Date; id: string } | null = null;
  for (;;) {
    const closes = await readCloses(db, after, filter);
    if (closes.length === 0) return;
    const contacts = await consentedContacts(db, closes.flatMap((c) => c.awards.map((a) => a.playerId)));
    for (const c of closes) {
      for (const a of c.awards) {
        yield [
          c.id, c.scenarioId, c.periodKind, c.periodKey, c.tier, c.closedAt.toISOString(), a.place, a.offer, a.status, a.player.handle, a.playerId, a.runId, a.score, a.prize,
          a.reviewedAt?.toISOString(), a.fulfilledAt?.toISOString(), contacts.get(a.playerId),
        ];
      }
    }
    const last = closes[closes.length - 1]!;
    after = { closedAt: last.closedAt, id: last.id };
  }
}

function readCloses(db: Db, after: { closedAt: Date; id: string } | null, filter: { status?: AwardStatus }) {
  const awardWhere = filter.status ? { status: filter.status } : {};
  return db.periodClose.findMany({
    where: { awards: { some: awardWhere }, ...(after ? { OR: [{ closedAt: { gt: after.closedAt } }, { closedAt: after.closedAt, id: { gt: after.id } }] } : {}) },
    orderBy: [{ closedAt: "asc" }, { id: "asc" }],
    take: CLOSES_PER_PAGE,
    select: {
      id: true, scenarioId: true, periodKind: true, periodKey: true, tier: true, closedAt: true,
      awards: { where: awardWhere, orderBy: [{ place: "asc" }, { offer: "asc" }], include: { player: { select: { handle: true } } } },
    },
  });
}

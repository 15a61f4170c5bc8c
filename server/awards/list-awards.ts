/**
 * The awards an admin reviews and pays (GET /api/admin/awards): newest close first, then by place
 * and offer, with what a review needs: the run's stats and the verifier's findings, and the player's
 * history (runs by verdict, abandoned ones included).
 */
import type { AwardRow, AwardStatus } from "../../lib/contracts/awards";
import type { Db } from "../db/client";
import { runHistories } from "../players/run-history";

/** At most this many rows an answer (a challenge has a few hundred prize places at most). */
const LIMIT = 500;

/** Every award, or those of one status or of any of several. */
export async function listAwards(db: Db, filter: { status?: AwardStatus | readonly AwardStatus[] }): Promise<AwardRow[]> {
  const status = typeof filter.status === "string" ? [filter.status] : filter.status;
  const awards = await db.prizeAward.findMany({
    where: status ? { status: { in: [...status] } } : {},
    orderBy: [{ close: { closedAt: "desc" } }, { closeId: "asc" }, { place: "asc" }, { offer: "asc" }],
    take: LIMIT,
    include: {
      close: true,
      player: { select: { id: true, handle: true, disqualifiedAt: true, contactEmail: true } },
      run: { select: { id: true, tier: true, score: true, fps: true, verdict: true, reasonCode: true, findings: true, finishedAt: true, disqualifiedAt: true } },
    },
  });
  const history = await runHistories(db, awards.map((a) => a.playerId));
  return awards.map(({ run: { disqualifiedAt: runDisqualifiedAt, finishedAt, ...run }, ...a }) => ({
    id: a.id,
    status: a.status as AwardStatus,
    place: a.place,
    offer: a.offer,
    prize: a.prize,
    score: a.score,
    close: { id: a.close.id, scenarioId: a.close.scenarioId, periodKind: a.close.periodKind, periodKey: a.close.periodKey, tier: a.close.tier, closedAt: a.close.closedAt.toISOString() },
    player: { id: a.player.id, handle: a.player.handle, disqualified: a.player.disqualifiedAt !== null, hasContact: a.player.contactEmail !== null },
    run: { ...run, finishedAt: finishedAt?.toISOString() ?? null, disqualified: runDisqualifiedAt !== null },
    history: history.get(a.playerId) ?? {},
    reviewedAt: a.reviewedAt?.toISOString() ?? null,
    reviewedBy: a.reviewedBy,
    note: a.note,
    createdAt: a.createdAt.toISOString(),
  }));
}

/**
 * Offers a prize place down after its award was refused (disqualified, and later forfeited): the
 * next player of the close's frozen standings, in rank order, who holds no award of this close and is
 * eligible now (closes/standings.ts `ineligibility`: not disqualified, a verified run that was not
 * disqualified, a contact when the prize needs one). The offer is a new award row, in review, with the
 * next offer number; the refused row is kept. Audited as `prize.offered`, or `prize.unclaimed` when
 * nobody is left. Runs in the caller's transaction.
 */
import type { OfferedPlace } from "../../lib/contracts/awards";
import { audit, type Actor } from "../audit";
import { ineligibility, prizeContactable, type Standing } from "../closes/standings";
import { isClosePeriodKind, parsePrizeTable, prizesFor } from "../closes/prize-table";
import type { Db } from "../db/client";

type Tx = Pick<Db, "prizeAward" | "periodClose" | "player" | "run" | "auditLog">;

export interface RefusedAward {
  id: string;
  closeId: string;
  place: number;
  prize: string;
}

export async function offerPlace(tx: Tx, refused: RefusedAward, actor: Actor): Promise<OfferedPlace | null> {
  const close = await tx.periodClose.findUniqueOrThrow({ where: { id: refused.closeId }, include: { challenge: { select: { prizeTable: true } }, awards: true } });
  const standings = close.standings as unknown as Standing[];
  const prize = isClosePeriodKind(close.periodKind)
    ? prizesFor(parsePrizeTable(close.challenge.prizeTable), close.periodKind).find((p) => p.place === refused.place)
    : undefined;
  const needsContact = prize?.needsContact ?? false;
  const taken = new Set(close.awards.map((a) => a.playerId));
  const open = standings.filter((s) => !taken.has(s.playerId)).sort((a, b) => a.rank - b.rank);
  const players = new Map((await tx.player.findMany({ where: { id: { in: open.map((s) => s.playerId) } } })).map((p) => [p.id, p]));
  const runs = new Map((await tx.run.findMany({ where: { id: { in: open.map((s) => s.runId) } }, select: { id: true, verdict: true, disqualifiedAt: true } })).map((r) => [r.id, r]));

  const skipped: { playerId: string; rank: number; reason: string }[] = [];
  for (const s of open) {
    const player = players.get(s.playerId);
    const run = runs.get(s.runId);
    if (!player || !run) continue;
    const reason = run.disqualifiedAt
      ? "run_disqualified"
      : ineligibility(
          {
            playerId: s.playerId,
            handle: s.handle,
            score: s.score,
            achievedAt: new Date(s.achievedAt),
            runId: s.runId,
            runTier: s.runTier,
            disqualified: player.disqualifiedAt !== null,
            deleted: player.deletedAt !== null,
            contactable: prizeContactable(player),
            runVerified: run.verdict === "verified",
          },
          { place: refused.place, prize: refused.prize, needsContact },
        );
    if (reason) {
      skipped.push({ playerId: s.playerId, rank: s.rank, reason });
      continue;
    }
    const offer = Math.max(...close.awards.filter((a) => a.place === refused.place).map((a) => a.offer)) + 1;
    const award = await tx.prizeAward.create({
      data: { closeId: close.id, place: refused.place, offer, playerId: s.playerId, runId: s.runId, score: s.score, prize: refused.prize, status: "review" },
    });
    await audit(tx, {
      ...actor,
      action: "prize.offered",
      targetType: "prizeAward",
      targetId: award.id,
      details: { closeId: close.id, place: refused.place, offer, replaces: refused.id, playerId: s.playerId, handle: s.handle, rank: s.rank, runId: s.runId, score: s.score, prize: refused.prize, skipped },
    });
    return { awardId: award.id, playerId: s.playerId, handle: s.handle, rank: s.rank, offer };
  }
  await audit(tx, {
    ...actor,
    action: "prize.unclaimed",
    targetType: "periodClose",
    targetId: close.id,
    details: { place: refused.place, replaces: refused.id, prize: refused.prize, skipped },
  });
  return null;
}

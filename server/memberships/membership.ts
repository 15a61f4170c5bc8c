/**
 * Memberships: who has Ultimate, from when to when, and why. A player's tier is `ultimate` while any
 * membership of theirs is live (started, not ended, not revoked), else `free`. Grants stack: a new
 * grant starts when the player's current Ultimate ends, so a trial code redeemed by a member
 * extends their membership instead of overlapping it.
 */
import type { MembershipSource, MembershipStatus } from "../../lib/contracts/players";
import type { Db } from "../db/client";

type Tx = Pick<Db, "membership">;

const DAY_MS = 24 * 3600 * 1000;

function liveWhere(playerId: string, now: Date) {
  return { playerId, revokedAt: null, startsAt: { lte: now }, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

/** The player's tier now, with the live membership that gives it. */
export async function membershipStatus(tx: Tx, playerId: string, now = new Date()): Promise<MembershipStatus> {
  const live = await tx.membership.findMany({ where: liveWhere(playerId, now) });
  if (live.length === 0) return { tier: "free", source: null, expiresAt: null };
  const open = live.find((m) => m.expiresAt === null);
  const current = open ?? live.reduce((a, b) => (a.expiresAt! > b.expiresAt! ? a : b));
  // Stacked grants that start when this one ends keep Ultimate going: report the last end.
  const end = open ? null : await ultimateEnd(tx, playerId, now);
  return { tier: "ultimate", source: current.source as MembershipSource, expiresAt: end?.toISOString() ?? null };
}

export async function isEntitled(tx: Tx, playerId: string, now = new Date()): Promise<boolean> {
  return (await tx.membership.count({ where: liveWhere(playerId, now) })) > 0;
}

/** When the player's Ultimate, counting grants queued after the live one, runs out (null: never or not a member). */
async function ultimateEnd(tx: Tx, playerId: string, now: Date): Promise<Date | null> {
  const grants = await tx.membership.findMany({
    where: { playerId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: { startsAt: "asc" },
  });
  let end: Date | null = now;
  for (const g of grants) {
    if (g.expiresAt === null) return null;
    if (g.startsAt <= end!) end = g.expiresAt > end! ? g.expiresAt : end;
  }
  return end;
}

/** A new grant of `days` starts now, or when the player's current Ultimate ends if that is later. */
export async function nextGrantWindow(tx: Tx, playerId: string, days: number, now = new Date()): Promise<{ startsAt: Date; expiresAt: Date }> {
  const end = (await isEntitled(tx, playerId, now)) ? await ultimateEnd(tx, playerId, now) : now;
  const startsAt = end && end > now ? end : now;
  return { startsAt, expiresAt: new Date(startsAt.getTime() + days * DAY_MS) };
}

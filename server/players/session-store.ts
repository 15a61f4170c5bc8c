/**
 * The session read every signed-in request makes (session.ts liveSession), as one statement of our
 * own (server/db/sql.ts: prepared once, both providers) instead of Prisma's findUnique with its
 * player: on the finish path Prisma's client took ~9 % of the main thread's CPU for this read, and
 * its query interpreter's garbage is much of what a finish leaves in the old generation.
 * The answer has the shape Prisma's gives (every column of both rows, typed the same).
 */
import type { Player, PlayerSession } from "../db/generated/sqlite/client";
import { readJson, readTime, readTimeOrNull, sqlOf, statement, type Row } from "../db/sql";
import type { Db } from "../db/client";

const sessionByTokenHash = statement(
  "session_by_token_hash",
  `SELECT s."id", s."playerId", s."tokenHash", s."createdAt", s."lastSeenAt", s."expiresAt", s."revokedAt", s."userAgent", s."ip",
     s."kioskId", p."handle", p."handleKey", p."guest", p."settings", p."contactEmail", p."contactVerifiedAt", p."contactConsentAt",
     p."contactConsentText", p."disqualifiedAt", p."disqualifyNote", p."deletedAt", p."createdAt" AS "playerCreatedAt", p."kioskId" AS "playerKioskId"
   FROM "PlayerSession" s JOIN "Player" p ON p."id" = s."playerId" WHERE s."tokenHash" = ?`,
);

/** The session stored under a token's hash, with its player, whatever its state (revoked, expired), or null. */
export async function sessionByToken(db: Db, tokenHash: string): Promise<(PlayerSession & { player: Player }) | null> {
  const [r] = await (await sqlOf(db)).all<Row>(sessionByTokenHash, [tokenHash]);
  if (!r) return null;
  return {
    id: r.id as string,
    playerId: r.playerId as string,
    tokenHash: r.tokenHash as string,
    createdAt: readTime(r.createdAt),
    lastSeenAt: readTime(r.lastSeenAt),
    expiresAt: readTime(r.expiresAt),
    revokedAt: readTimeOrNull(r.revokedAt),
    userAgent: r.userAgent as string | null,
    ip: r.ip as string | null,
    kioskId: r.kioskId as string | null,
    player: {
      id: r.playerId as string,
      handle: r.handle as string,
      handleKey: r.handleKey as string,
      guest: Boolean(r.guest), // SQLite answers 0/1, PostgreSQL a boolean
      settings: readJson<Player["settings"]>(r.settings),
      contactEmail: r.contactEmail as string | null,
      contactVerifiedAt: readTimeOrNull(r.contactVerifiedAt),
      contactConsentAt: readTimeOrNull(r.contactConsentAt),
      contactConsentText: r.contactConsentText as string | null,
      disqualifiedAt: readTimeOrNull(r.disqualifiedAt),
      disqualifyNote: r.disqualifyNote as string | null,
      deletedAt: readTimeOrNull(r.deletedAt),
      createdAt: readTime(r.playerCreatedAt),
      kioskId: r.playerKioskId as string | null,
    },
  };
}

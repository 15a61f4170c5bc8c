/**
 * The session read of every signed-in request (server/players/session-store.ts, our own statement)
 * answers what Prisma's findUnique with the player answered, column for column, on both providers:
 * booleans, JSON, nullable and set timestamps included; revoked, expired and deleted are refused.
 */
import { afterAll, describe, expect, it } from "vitest";
import { hashToken, liveSession, openSession } from "../../server/players/session";
import { sessionByToken } from "../../server/players/session-store";
import { seededDb } from "../support/db";
import { postgresAvailable, postgresDatabases, sqliteDatabases, type DatabaseFactory } from "../support/databases";

const factories: DatabaseFactory[] = [sqliteDatabases(), ...(postgresAvailable ? [postgresDatabases()] : [])];
if (!postgresAvailable) console.warn("PostgreSQL not installed and PG_URL not set: PostgreSQL session tests skipped");
afterAll(() => factories.forEach((f) => f.close()));

describe.each(factories)("a session read on $provider", (databases) => {
  it("answers the session and its player as Prisma does, and refuses revoked, expired and deleted ones", async () => {
    const db = await seededDb(await databases.fresh());
    try {
      const now = new Date();
      const full = await db.player.create({
        data: {
          handle: "Ava",
          handleKey: "ava",
          guest: true,
          settings: { cm360: 34.5, colors: ["#fff"], invert: false },
          contactEmail: "ava@example.com",
          contactVerifiedAt: new Date("2026-01-02T03:04:05.678Z"),
          contactConsentAt: new Date("2026-01-02T03:04:05.679Z"),
          contactConsentText: "Yes",
        },
      });
      const bare = await db.player.create({ data: { handle: "Ben", handleKey: "ben" } });
      for (const player of [full, bare]) {
        const { token } = await openSession(db, player.id, { ttlMs: 60_000, now, userAgent: "bench", ip: "127.0.0.1" });
        const prisma = await db.playerSession.findUnique({ where: { tokenHash: hashToken(token) }, include: { player: true } });
        expect(await sessionByToken(db, hashToken(token))).toEqual(prisma);
        expect(await liveSession(db, token, now)).toEqual(prisma);
        expect(await liveSession(db, token, new Date(now.getTime() + 60_000))).toBeNull();
      }
      expect(await sessionByToken(db, hashToken("fb_unknown"))).toBeNull();

      const revoked = await openSession(db, full.id, { ttlMs: 60_000, now });
      await db.playerSession.updateMany({ where: { tokenHash: hashToken(revoked.token) }, data: { revokedAt: now } });
      expect(await liveSession(db, revoked.token, now)).toBeNull();
      const deleted = await openSession(db, bare.id, { ttlMs: 60_000, now });
      await db.player.update({ where: { id: bare.id }, data: { deletedAt: now } });
      expect(await liveSession(db, deleted.token, now)).toBeNull();
    } finally {
      await db.$disconnect();
    }
  });
});

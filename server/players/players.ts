/**
 * Players: sign-up with a handle or as a guest (each opens the player's first session), profile and
 * settings, and the claim of a handle that turns a guest into a named player.
 */
import crypto from "node:crypto";
import type { PlayerProfile, ProfilePatch, PublicPlayer } from "../../lib/contracts/players";
import { audit } from "../audit";
import type { RankStore } from "../boards/ranks";
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import { Conflict } from "../errors";
import { UNAMBIGUOUS_ALPHABET } from "../../lib/contracts/handles";
import { GUEST_PREFIX, handleKey, validateHandle } from "./handles";
import { openSession, type PlayerRow, type SessionOptions } from "./session";

export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: string }).code === "P2002";
}

export const handleTaken = () => new Conflict("handle_taken", "That handle is already taken.");

type NewSession = SessionOptions & { replacing?: string | null };
export interface SignedUp {
  player: PublicPlayer;
  token: string;
  expiresAt: Date;
}

/** A new player and their first session, in one transaction. */
function insertPlayer(db: Db, player: { handle: string; guest?: boolean; kioskId?: string }, session: NewSession): Promise<SignedUp> {
  return transact(db, async (tx) => {
    const row = await tx.player.create({ data: { ...player, handleKey: handleKey(player.handle) } });
    return { player: { id: row.id, handle: row.handle }, ...(await openSession(tx, row.id, session)) };
  });
}

/**
 * Signs a new player up and opens their first session (replacing the device's previous one, if it
 * presented one). Answers the session token once; only its hash is stored.
 */
export async function createPlayer(db: Db, input: { handle: string; kioskId?: string; session: NewSession }): Promise<SignedUp> {
  const handle = validateHandle(input.handle);
  try {
    return await insertPlayer(db, { handle, kioskId: input.kioskId }, input.session);
  } catch (err) {
    if (isUniqueViolation(err)) throw handleTaken();
    throw err;
  }
}

/** `n` random characters of UNAMBIGUOUS_ALPHABET. */
export function unambiguousChars(n: number): string {
  return Array.from(crypto.randomBytes(n), (b) => UNAMBIGUOUS_ALPHABET[b % UNAMBIGUOUS_ALPHABET.length]).join("");
}

/** A handle nobody may choose: `prefix` (a guest's, a deleted account's) and six random letters or digits. */
export function generatedHandle(prefix: string): string {
  return prefix + unambiguousChars(6);
}

/**
 * A guest player for a visitor's first run: a real player (runs are server-started and verified as
 * anyone's) with a generated handle, until they choose one.
 */
export async function createGuest(db: Db, input: { session: NewSession }): Promise<SignedUp> {
  return withFreshRandomKey(() => insertPlayer(db, { handle: generatedHandle(GUEST_PREFIX), guest: true }, input.session));
}

/**
 * Runs `insert`, which stores a row under a newly drawn random key (a generated handle, a share
 * code), again when the key clashed with a stored one: with 31^6 or more keys a clash is rare, five
 * in a row would mean something else is wrong.
 */
export async function withFreshRandomKey<T>(insert: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await insert();
    } catch (err) {
      if (!isUniqueViolation(err) || attempt >= 5) throw err;
    }
  }
}

export function profileOf(player: PlayerRow): PlayerProfile {
  const contact =
    player.contactEmail && player.contactVerifiedAt && player.contactConsentAt && player.contactConsentText
      ? {
          email: player.contactEmail,
          verifiedAt: player.contactVerifiedAt.toISOString(),
          consentAt: player.contactConsentAt.toISOString(),
          consentText: player.contactConsentText,
        }
      : null;
  return {
    id: player.id,
    handle: player.handle,
    guest: player.guest,
    settings: (player.settings ?? {}) as PlayerProfile["settings"],
    contactEmail: player.contactEmail,
    contact,
    createdAt: player.createdAt.toISOString(),
  };
}

/**
 * Changes the handle and merges settings; a new handle shows on the boards at once (`ranks`). A guest
 * choosing a handle becomes a named player: the same player, so every run they played (and every
 * board entry) is now under the new handle.
 */
export async function updateProfile(db: Db, ranks: Pick<RankStore, "rename">, player: PlayerRow, patch: ProfilePatch): Promise<PlayerProfile> {
  const data: { handle?: string; handleKey?: string; guest?: boolean; settings?: object } = {};
  if (patch.handle !== undefined) {
    data.handle = validateHandle(patch.handle);
    data.handleKey = handleKey(data.handle);
    data.guest = false;
  }
  if (patch.settings) data.settings = { ...((player.settings ?? {}) as object), ...patch.settings };
  const renamed = data.handle !== undefined && data.handle !== player.handle;
  let updated: PlayerRow;
  try {
    updated = await transact(db, async (tx) => {
      const row = await tx.player.update({ where: { id: player.id }, data });
      if (renamed) {
        await audit(tx, {
          actorType: "player",
          actorId: player.id,
          action: player.guest ? "player.handle_claimed" : "player.handle_changed",
          targetType: "player",
          targetId: player.id,
          details: { from: player.handle, to: data.handle },
        });
      }
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw handleTaken();
    throw err;
  }
  if (renamed) await ranks.rename(player.id, data.handle!);
  return profileOf(updated);
}

/**
 * Players: sign-up with a handle (which opens the player's first session), profile and settings.
 */
import type { PlayerProfile, ProfilePatch, PublicPlayer } from "../../lib/contracts/players";
import type { RankStore } from "../boards/ranks";
import type { Db } from "../db/client";
import { Conflict } from "../errors";
import { handleKey, validateHandle } from "./handles";
import { openSession, type PlayerRow, type SessionOptions } from "./session";

export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: string }).code === "P2002";
}

export const handleTaken = () => new Conflict("handle_taken", "That handle is already taken.");

/**
 * Signs a new player up and opens their first session (replacing the device's previous one, if it
 * presented one). Answers the session token once; only its hash is stored.
 */
export async function createPlayer(
  db: Db,
  input: { handle: string; kioskId?: string; session: SessionOptions & { replacing?: string | null } },
): Promise<{ player: PublicPlayer; token: string; expiresAt: Date }> {
  const handle = validateHandle(input.handle);
  try {
    return await db.$transaction(async (tx) => {
      const player = await tx.player.create({ data: { handle, handleKey: handleKey(handle), kioskId: input.kioskId } });
      const { token, expiresAt } = await openSession(tx, player.id, input.session);
      return { player: { id: player.id, handle: player.handle }, token, expiresAt };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw handleTaken();
    throw err;
  }
}

export function profileOf(player: PlayerRow): PlayerProfile {
  return {
    id: player.id,
    handle: player.handle,
    settings: (player.settings ?? {}) as PlayerProfile["settings"],
    contactEmail: player.contactEmail,
    createdAt: player.createdAt.toISOString(),
  };
}

/** Changes a player's handle, settings or contact; a new handle shows on the boards at once (`ranks`). */
export async function updateProfile(db: Db, ranks: Pick<RankStore, "rename">, player: PlayerRow, patch: ProfilePatch): Promise<PlayerProfile> {
  const data: { handle?: string; handleKey?: string; settings?: object; contactEmail?: string | null } = {};
  if (patch.handle !== undefined) {
    data.handle = validateHandle(patch.handle);
    data.handleKey = handleKey(data.handle);
  }
  if (patch.settings) data.settings = { ...((player.settings ?? {}) as object), ...patch.settings };
  if (patch.contactEmail !== undefined) data.contactEmail = patch.contactEmail;
  let updated: PlayerRow;
  try {
    updated = await db.player.update({ where: { id: player.id }, data });
  } catch (err) {
    if (isUniqueViolation(err)) throw handleTaken();
    throw err;
  }
  if (data.handle !== undefined && data.handle !== player.handle) await ranks.rename(player.id, data.handle);
  return profileOf(updated);
}

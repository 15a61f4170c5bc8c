/**
 * Players: sign-up with a handle, the session token (stored only as a hash), profile and settings.
 */
import crypto from "node:crypto";
import { z } from "zod";
import { settingsSchema } from "../../game/client/settings";
import { ApiError } from "../api/errors";
import type { Db } from "../db/client";
import { handleKey, validateHandle } from "./handles";

export const SESSION_COOKIE = "fb_session";

export interface PublicPlayer {
  id: string;
  handle: string;
}

export interface PlayerProfile extends PublicPlayer {
  settings: Partial<z.infer<typeof settingsSchema>>;
  contactEmail: string | null;
  createdAt: string;
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

function newToken(): string {
  return `fb_${crypto.randomBytes(32).toString("base64url")}`;
}

export const playerSettingsSchema = settingsSchema.partial().strict();

export const profilePatchSchema = z.strictObject({
  handle: z.string().optional(),
  settings: playerSettingsSchema.optional(),
  contactEmail: z.email("must be an email address").max(200).nullable().optional(),
});

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: string }).code === "P2002";
}

const handleTaken = () => new ApiError(409, "handle_taken", "That handle is already taken.");

export async function createPlayer(db: Db, input: { handle: string; kioskId?: string }): Promise<{ player: PublicPlayer; token: string }> {
  const handle = validateHandle(input.handle);
  const token = newToken();
  try {
    const player = await db.player.create({
      data: { handle, handleKey: handleKey(handle), tokenHash: hashToken(token), kioskId: input.kioskId },
    });
    return { player: { id: player.id, handle: player.handle }, token };
  } catch (err) {
    if (isUniqueViolation(err)) throw handleTaken();
    throw err;
  }
}

/** The player a session token belongs to, or null. */
export async function playerForToken(db: Db, token: string) {
  if (!token.startsWith("fb_")) return null;
  return db.player.findUnique({ where: { tokenHash: hashToken(token) } });
}

type PlayerRow = NonNullable<Awaited<ReturnType<typeof playerForToken>>>;

export function profileOf(player: PlayerRow): PlayerProfile {
  return {
    id: player.id,
    handle: player.handle,
    settings: (player.settings ?? {}) as PlayerProfile["settings"],
    contactEmail: player.contactEmail,
    createdAt: player.createdAt.toISOString(),
  };
}

export async function updateProfile(db: Db, player: PlayerRow, patch: z.infer<typeof profilePatchSchema>): Promise<PlayerProfile> {
  const data: { handle?: string; handleKey?: string; settings?: object; contactEmail?: string | null } = {};
  if (patch.handle !== undefined) {
    data.handle = validateHandle(patch.handle);
    data.handleKey = handleKey(data.handle);
  }
  if (patch.settings) data.settings = { ...((player.settings ?? {}) as object), ...patch.settings };
  if (patch.contactEmail !== undefined) data.contactEmail = patch.contactEmail;
  try {
    return profileOf(await db.player.update({ where: { id: player.id }, data }));
  } catch (err) {
    if (isUniqueViolation(err)) throw handleTaken();
    throw err;
  }
}

/**
 * The secrets a kiosk is set up with, as people type them: the one-time pairing code (typed on the
 * booth machine) and the staff PIN (typed to leave kiosk mode). The code is long and random, so its
 * SHA-256 is stored; the PIN is short, so it is stored as a salted scrypt hash and its checks are
 * rate limited.
 */
import crypto from "node:crypto";
import { randomCodeChars, typedCodeChars } from "../memberships/codes";

/** How long a pairing code may wait to be used. */
export const PAIRING_CODE_TTL_MS = 24 * 3600 * 1000;

/** "K7M3-Q9XD": 8 characters without look-alikes (40 bits). */
export function newPairingCode(): string {
  const chars = randomCodeChars(8);
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export function pairingCodeHash(typed: string): string {
  return crypto.createHash("sha256").update(`kiosk-pairing:${typedCodeChars(typed)}`).digest("hex");
}

/** Six random digits. */
export function newPin(): string {
  return String(crypto.randomInt(0, 1_000_000)).padStart(6, "0");
}

export function pinHash(pin: string): string {
  const salt = crypto.randomBytes(16);
  return `scrypt$${salt.toString("base64url")}$${crypto.scryptSync(pin, salt, 32).toString("base64url")}`;
}

export function pinMatches(pin: string, stored: string): boolean {
  const [scheme, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  return crypto.timingSafeEqual(crypto.scryptSync(pin, Buffer.from(salt, "base64url"), 32), Buffer.from(hash, "base64url"));
}

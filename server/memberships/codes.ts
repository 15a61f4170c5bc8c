/**
 * Membership codes as people type them: "FB-" and three groups of four characters from an alphabet
 * without look-alikes (Crockford's base 32: no I, L, O, U). Typed codes are normalised (case, spaces,
 * dashes) before they are hashed, so "fb 7k3m-..." finds the same code. Only the hash is stored.
 */
import crypto from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** `n` random characters of the alphabet (5 bits each), for codes people type. */
export function randomCodeChars(n: number): string {
  return Array.from(crypto.randomBytes(n), (b) => ALPHABET[b & 31]).join("");
}

/** A typed code's characters: upper case, separators dropped, look-alikes mapped (O to 0, I and L to 1). */
export function typedCodeChars(input: string): string {
  return input
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
}

export function newCode(): string {
  const chars = randomCodeChars(12);
  return `FB-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** The canonical form of a typed code: upper case, only alphabet characters, look-alikes mapped. */
export function normalizeCode(input: string): string {
  return typedCodeChars(input.toUpperCase().replace(/[^0-9A-Z]/g, "").replace(/^FB/, ""));
}

export function codeHash(input: string): string {
  return crypto.createHash("sha256").update(normalizeCode(input)).digest("hex");
}

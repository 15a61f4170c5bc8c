/**
 * What an admin password must be (NIST SP 800-63B's rules, no composition rules): at least 12
 * characters, not one of the 10,000 most common passwords (common-passwords.txt, compared without
 * case: the first 10,000 entries, by frequency, of passwords.json in @zxcvbn-ts/language-common 4.1.3,
 * MIT, itself from public password leaks), and not the account's own email or its local part.
 */
import fs from "node:fs";
import { InvalidInput } from "../errors";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

let common: Set<string> | undefined;

/** The list, read once (lower-case, one password a line). */
export function commonPasswords(): Set<string> {
  common ??= new Set(fs.readFileSync(new URL("./common-passwords.txt", import.meta.url), "utf8").split("\n").filter(Boolean));
  return common;
}

/** Throws `password_too_weak` with the reason when `password` may not be an admin's password. */
export function checkNewPassword(password: string, email: string): void {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    throw new InvalidInput("password_too_weak", `The password is too short: at least ${MIN_PASSWORD_LENGTH} characters (got ${length}).`);
  }
  if (length > MAX_PASSWORD_LENGTH) throw new InvalidInput("password_too_weak", `The password is too long: at most ${MAX_PASSWORD_LENGTH} characters.`);
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) {
    throw new InvalidInput("password_too_weak", "That password is one of the 10,000 most common passwords: choose another.");
  }
  const address = email.toLowerCase();
  if (lower === address || lower === address.split("@")[0]) {
    throw new InvalidInput("password_too_weak", "The password may not be the account's email address or its name part.");
  }
}

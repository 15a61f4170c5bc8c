/**
 * Player handles: 3–20 characters of letters, digits, `_`, `-` and `.`, unique case-insensitively,
 * and free of slurs, including their look-alike spellings (l33t digits, separators, repeats). The
 * "guest-" prefix is kept for the generated handles of guest players.
 */
import { DELETED_PREFIX, GUEST_PREFIX } from "../../lib/contracts/handles";
import { InvalidInput } from "../errors";
import { ALLOWED_WORDS, BLOCKED_TERMS } from "./blocklist";

const HANDLE = /^[A-Za-z0-9_.-]{3,20}$/;
const LOOKALIKES: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g", "@": "a", $: "s", "!": "i", "|": "l" };

/** The key that makes handles unique regardless of case. */
export function handleKey(handle: string): string {
  return handle.toLowerCase();
}

/** Lower-cased, look-alikes mapped to letters, separators dropped, runs of a letter squeezed. */
export function skeleton(handle: string): string {
  return handle
    .toLowerCase()
    .replace(/[0-9@$!|]/g, (c) => LOOKALIKES[c] ?? c)
    .replace(/[^a-z]/g, "")
    .replace(/(.)\1+/g, "$1");
}

const blocked = BLOCKED_TERMS.map(skeleton);
const allowed = ALLOWED_WORDS.map(skeleton);

export function isBlocked(handle: string): boolean {
  let s = skeleton(handle);
  for (const word of allowed) s = s.replaceAll(word, "");
  return blocked.some((term) => s.includes(term));
}

// Generated handles (a guest's; a deleted account's placeholder, server/players/delete-account.ts): nobody may choose one.
export { DELETED_PREFIX, GUEST_PREFIX };

/** The handle, trimmed, or an InvalidInput saying what is wrong with it. */
export function validateHandle(input: string): string {
  const handle = input.trim();
  if (!HANDLE.test(handle)) {
    throw new InvalidInput("invalid_handle", "A handle is 3 to 20 characters: letters, digits, _ - and . only.");
  }
  if (isBlocked(handle)) throw new InvalidInput("handle_not_allowed", "That handle is not allowed. Please pick another.");
  if (handle.toLowerCase().startsWith(GUEST_PREFIX)) {
    throw new InvalidInput("handle_not_allowed", `Handles starting with "${GUEST_PREFIX}" are kept for guests. Please pick another.`);
  }
  if (handle.toLowerCase().startsWith(DELETED_PREFIX)) {
    throw new InvalidInput("handle_not_allowed", `Handles starting with "${DELETED_PREFIX}" are kept for deleted accounts. Please pick another.`);
  }
  return handle;
}

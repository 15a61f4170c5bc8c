/**
 * Terms no handle may contain, matched against the handle's skeleton (see handles.ts: lower case,
 * look-alike digits mapped, separators dropped, repeated letters squeezed), and ordinary words that
 * contain one of them, which are removed from the skeleton first so they stay usable.
 */
export const BLOCKED_TERMS: readonly string[] = [
  "nigger",
  "nigga",
  "faggot",
  "kike",
  "chink",
  "spic",
  "wetback",
  "tranny",
  "retard",
  "raghead",
  "beaner",
  "hitler",
  "nazi",
];

export const ALLOWED_WORDS: readonly string[] = ["nigeria", "spice", "spicy", "spick", "retardant"];

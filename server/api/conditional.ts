/**
 * Conditional GETs for reads that many clients repeat (boards): an ETag from what the answer is made
 * of (the board's revision, the query), a 304 without building the answer when the client already
 * has it, and a short Cache-Control so browsers and proxies can share it for a moment.
 *
 * The same parts always make the same answer (that is what makes the ETag honest), so the last
 * answers built are kept by ETag: a read that many clients repeat (a board's first page) is built
 * and serialized once per revision, not once per request. A read that is one client's own (a
 * player's standing) is not kept (`keep: false`): its repeats come with the ETag and get a 304
 * anyway, and each answer kept until 512 others push it out lives long enough to be promoted to the
 * old generation, where it stays as garbage until a major GC (at 1 M players, standings of random
 * players left ~8 KB a read there).
 *
 * An answer with no parts to be named by (a board still loading, read from the database) carries no
 * ETag and is not stored by anyone: a tag it carried could later name different content.
 */
import crypto from "node:crypto";
import type { HeaderReader } from "../security/origin";
import { JsonText } from "./endpoint";

/** Board answers are the same for everyone (no cookies read): shareable for a couple of seconds. */
export const SHORT_PUBLIC_CACHE = "public, max-age=2, stale-while-revalidate=10";

/** For an answer that cannot be named (conditionalJson without parts). */
export const NO_STORE = "no-store";

/** The answers kept, at most: a board page is a few KB, so this is a few MB at most. */
const KEPT_ANSWERS = 512;
const kept = new Map<string, string>();

function keep(etag: string, body: string) {
  kept.set(etag, body);
  if (kept.size > KEPT_ANSWERS) kept.delete(kept.keys().next().value!);
}

/**
 * The answer `build` makes, named by `parts` (an ETag) and kept unless `keep` is false, or fresh
 * each time and stored nowhere when `parts` is null.
 */
export async function conditionalJson(
  req: { headers: HeaderReader },
  parts: readonly unknown[] | null,
  build: () => Promise<unknown>,
  { keep: keepAnswer = true }: { keep?: boolean } = {},
): Promise<JsonText> {
  if (parts === null) return new JsonText(JSON.stringify(await build()), { "cache-control": NO_STORE });
  const etag = `W/"${crypto.createHash("sha1").update(JSON.stringify(parts)).digest("base64url").slice(0, 22)}"`;
  const headers = { etag, "cache-control": SHORT_PUBLIC_CACHE };
  const sent = req.headers.get("if-none-match");
  if (sent && sent.split(",").some((t) => t.trim() === etag)) return new JsonText("", headers, 304);
  let body = kept.get(etag);
  if (body === undefined) {
    body = JSON.stringify(await build());
    if (keepAnswer) keep(etag, body);
  }
  return new JsonText(body, headers);
}

/**
 * Conditional GETs for reads that many clients repeat (boards): an ETag from what the answer is made
 * of (the board's revision, the query), a 304 without building the answer when the client already
 * has it, and a short Cache-Control so browsers and proxies can share it for a moment.
 */
import crypto from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";

/** Board answers are the same for everyone (no cookies read): shareable for a couple of seconds. */
export const SHORT_PUBLIC_CACHE = "public, max-age=2, stale-while-revalidate=10";

export async function conditionalJson(
  req: NextRequest,
  parts: readonly unknown[],
  build: () => Promise<unknown>,
  cacheControl = SHORT_PUBLIC_CACHE,
): Promise<Response> {
  const etag = `W/"${crypto.createHash("sha1").update(JSON.stringify(parts)).digest("base64url").slice(0, 22)}"`;
  const headers = { etag, "cache-control": cacheControl };
  const sent = req.headers.get("if-none-match");
  if (sent && sent.split(",").some((t) => t.trim() === etag)) return new Response(null, { status: 304, headers });
  return NextResponse.json(await build(), { headers });
}

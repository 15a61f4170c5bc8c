import crypto from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { readJson, route } from "@/server/api/handler";
import { ApiError } from "@/server/api/errors";
import { CLOSE_PERIOD_KINDS } from "@/server/closes/prize-table";
import { runDueCloses } from "@/server/closes/run";
import { providerOf } from "@/server/db/provider";
import { runtime } from "@/server/runtime";

export const dynamic = "force-dynamic";

const body = z.strictObject({
  /** Only closes of this period kind. */
  period: z.enum(CLOSE_PERIOD_KINDS).optional(),
  /** Report what would close, write nothing. */
  dryRun: z.boolean().optional(),
});

function sameSecret(given: string, expected: string): boolean {
  const a = crypto.createHash("sha256").update(given).digest();
  const b = crypto.createHash("sha256").update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

/**
 * For external schedulers: runs every close that is due now (server clock), like the in-process
 * scheduler. `Authorization: Bearer $CRON_SECRET`; 503 cron_disabled when CRON_SECRET is unset.
 * Body (optional): `{ period?: "day" | "week" | "challenge", dryRun?: boolean }`.
 */
export const POST = route(async (req: NextRequest) => {
  const rt = runtime();
  const secret = rt.config.CRON_SECRET;
  if (!secret) throw new ApiError(503, "cron_disabled", "The close endpoint is off: set CRON_SECRET to enable it.");
  const auth = req.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(auth.trim());
  if (!match || !sameSecret(match[1]!, secret)) {
    throw new ApiError(401, "unauthenticated", "A valid `Authorization: Bearer <CRON_SECRET>` header is required.", {
      "WWW-Authenticate": "Bearer",
    });
  }
  // The body is optional: an empty one runs every due close.
  const empty = (await req.clone().text()).trim() === "";
  const input = empty ? {} : await readJson(req, body, 4 * 1024);

  const report = await runDueCloses(rt.db, {
    now: new Date(),
    dryRun: input.dryRun ?? false,
    periodKind: input.period,
    provider: providerOf(rt.config.DATABASE_URL),
    io: rt.io ?? null,
  });
  if (report.failed.length > 0) {
    return NextResponse.json(
      { error: { code: "close_failed", message: `${report.failed.length} close(s) failed: ${report.failed[0]!.error}` }, report },
      { status: 500 },
    );
  }
  return NextResponse.json(report);
});

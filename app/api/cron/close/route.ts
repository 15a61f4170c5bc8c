import { NextResponse } from "next/server";
import { z } from "zod";
import { endpoint, methods } from "@/server/api/endpoint";
import { CLOSE_PERIOD_KINDS } from "@/server/closes/prize-table";
import { runDueCloses } from "@/server/closes/run";
import { providerOf } from "@/server/db/provider";

export const dynamic = "force-dynamic";

/** Optional: an empty body runs every due close. */
const body = z
  .strictObject({
    /** Only closes of this period kind. */
    period: z.enum(CLOSE_PERIOD_KINDS).optional(),
    /** Report what would close, write nothing. */
    dryRun: z.boolean().optional(),
  })
  .optional();

/**
 * For external schedulers: runs every close that is due now (server clock), like the in-process
 * scheduler. `Authorization: Bearer $CRON_SECRET`; 503 cron_disabled when CRON_SECRET is unset.
 * Body (optional): `{ period?: "day" | "week" | "challenge", dryRun?: boolean }`.
 */
export const { GET, POST, PUT, PATCH, DELETE } = methods({
  POST: endpoint({ auth: "cron", body, maxBodyBytes: 4 * 1024 }, async ({ rt, body }) => {
    const report = await runDueCloses(rt.db, {
      now: new Date(),
      dryRun: body?.dryRun ?? false,
      periodKind: body?.period,
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
  }),
});

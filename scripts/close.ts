/**
 * `npm run close -- [--dry-run] [--period day|week|challenge] [--at ISO] [--json]`: runs every close
 * that is due (as the app server's scheduler and POST /api/cron/close do) against DATABASE_URL, and
 * prints what it did, or with --dry-run what it would do (writing nothing).
 * --at sets the clock (default: now); a time in the future is only allowed with --dry-run.
 * Closes made here are not broadcast on socket.io (this process has no socket.io server).
 */
import { isClosePeriodKind } from "../server/closes/prize-table";
import { runDueCloses } from "../server/closes/run";
import { describeReport } from "../server/closes/scheduler";
import { providerOf } from "../server/db/provider";
import { commandConfig, fail, parseFlags, withDb } from "./cli";

const USAGE = "usage: npm run close -- [--dry-run] [--period day|week|challenge] [--at <ISO 8601 time>] [--json]";

const values = parseFlags(USAGE, {
  "dry-run": { type: "boolean" },
  period: { type: "string" },
  at: { type: "string" },
  json: { type: "boolean" },
});

const dryRun = values["dry-run"] ?? false;
const period = values.period;
if (period !== undefined && !isClosePeriodKind(period)) fail(`--period must be day, week or challenge (got ${JSON.stringify(period)})\n${USAGE}`);
const real = new Date();
const now = values.at !== undefined ? new Date(values.at) : real;
if (values.at !== undefined && (!/^\d{4}-\d{2}-\d{2}T/.test(values.at) || Number.isNaN(now.getTime()))) {
  fail(`--at must be an ISO 8601 time such as 2026-12-03T06:00:05Z (got ${JSON.stringify(values.at)})`);
}
if (!dryRun && now.getTime() > real.getTime()) {
  fail(`--at ${now.toISOString()} is in the future: closing early would freeze standings that can still change (use --dry-run to preview)`);
}

const config = commandConfig();
await withDb(config, async (db) => {
  const report = await runDueCloses(db, {
    now,
    dryRun,
    periodKind: period as "day" | "week" | "challenge" | undefined,
    provider: providerOf(config.DATABASE_URL),
  });
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(`closes at ${report.at}${dryRun ? " (dry run: nothing is written)" : ""}, challenge ${report.challengeId}`);
    const lines = describeReport(report);
    for (const line of lines) console.log(`  ${line}`);
    if (lines.length === 0) console.log("  nothing due");
    console.log(report.next ? `next close: ${report.next.scenarioId} ${report.next.periodKind} ${report.next.periodKey} [${report.next.tier}] at ${report.next.dueAt}` : "no close left in this challenge");
  }
  return report.failed.length > 0 ? 1 : 0;
});

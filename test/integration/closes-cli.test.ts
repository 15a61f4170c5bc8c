/**
 * `npm run close` (scripts/close.ts) against a temporary SQLite database: a dry run prints what it
 * would do and writes nothing; a real run closes; two CLI processes at once close once.
 */
import { describe, expect, it } from "vitest";
import { CLOSE_GRACE_MS } from "../../server/closes/due";
import type { CloseReport } from "../../server/closes/run";
import { runCli } from "../support/cli";
import { seededSqliteUrl } from "../support/server";
import { addPlayer, addVerifiedRun, challengeDb, closeCounts, DST_WEEK } from "../support/closes";

const DUE = new Date(DST_WEEK.endsAt.getTime() + CLOSE_GRACE_MS).toISOString(); // 2026-11-05T06:00:05.000Z
const WEEKS_ONLY = {
  startsAt: new Date("2026-10-22T05:00:00Z"),
  eventDays: [],
  prizeTable: {
    boards: [{ scenario: "featured", tier: "all", periods: ["week"] }],
    prizes: { week: [1, 2, 3].map((place) => ({ place, prize: `Week prize ${place}`, needsContact: true })) },
  },
};

const closeCli = (databaseUrl: string, args: string[]) => runCli("close.ts", args, { DATABASE_URL: databaseUrl });

/** A database with four players in the DST week; one has no contact. */
async function prepared(): Promise<string> {
  const url = seededSqliteUrl();
  const db = await challengeDb(url, WEEKS_ONLY);
  try {
    for (const [i, handle] of ["Ava", "NoMail", "Ben", "Cy"].entries()) {
      const p = await addPlayer(db, handle, handle === "NoMail" ? { contactEmail: null } : {});
      await addVerifiedRun(db, { playerId: p.id, score: 400 - i * 50, finishedAt: new Date("2026-11-03T12:00:00Z") });
    }
  } finally {
    await db.$disconnect();
  }
  return url;
}

async function counts(url: string) {
  const { createDb } = await import("../../server/db/client");
  const db = createDb(url);
  try {
    return await closeCounts(db);
  } finally {
    await db.$disconnect();
  }
}

describe("npm run close", () => {
  it("--dry-run --at prints what it would close and writes nothing", async () => {
    const url = await prepared();
    const res = await closeCli(url, ["--dry-run", "--at", DUE]);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    const lines = res.stdout.trim().split("\n");
    expect(lines[0]).toBe(`closes at ${DUE} (dry run: nothing is written), challenge ultimate-challenge`);
    expect(lines).toContain("  would close gridshot week 2026-10-22T00:00 [all], 0 players: no winners");
    expect(lines).toContain(
      "  would close gridshot week 2026-10-29T00:00 [all], 4 players: 1. Ava (400), 2. Ben (300), 3. Cy (250); skipped NoMail (no_contact)",
    );
    expect(lines.at(-1)).toBe("next close: gridshot week 2026-11-05T00:00 [all] at 2026-11-12T06:00:05.000Z");
    expect(await counts(url)).toEqual({ closes: 0, awards: 0, audits: 0 });

    // One millisecond earlier the DST week is not due; --json gives the report.
    const early = await closeCli(url, ["--dry-run", "--json", "--at", new Date(Date.parse(DUE) - 1).toISOString()]);
    const report = JSON.parse(early.stdout) as CloseReport;
    expect(report).toMatchObject({ dryRun: true, failed: [], skipped: [], next: { periodKey: DST_WEEK.key, dueAt: DUE } });
    expect(report.closed.map((c) => [c.status, c.periodKey])).toEqual([["would_close", "2026-10-22T00:00"]]);
    expect(await counts(url)).toEqual({ closes: 0, awards: 0, audits: 0 });
  });

  it("refuses bad arguments and a future --at without --dry-run", async () => {
    const url = await prepared();
    const future = await closeCli(url, ["--at", new Date(Date.now() + 3_600_000).toISOString()]);
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(/is in the future/);
    const period = await closeCli(url, ["--dry-run", "--period", "month"]);
    expect(period.code).toBe(2);
    expect(period.stderr).toMatch(/--period must be day, week or challenge/);
    const at = await closeCli(url, ["--dry-run", "--at", "yesterday"]);
    expect(at.code).toBe(2);
    const unknown = await closeCli(url, ["--force"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/usage: npm run close/);
    expect(await counts(url)).toEqual({ closes: 0, awards: 0, audits: 0 });
  });

  it("closes for real, and two CLI processes at once (two SQLite writers) close once", async () => {
    const url = await prepared();
    const [a, b] = await Promise.all([closeCli(url, ["--at", DUE, "--json"]), closeCli(url, ["--at", DUE, "--json"])]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const reports = [JSON.parse(a.stdout), JSON.parse(b.stdout)] as CloseReport[];
    const made = reports.flatMap((r) => r.closed).filter((c) => c.periodKey === DST_WEEK.key);
    expect(made).toHaveLength(1);
    expect(made[0]!.status).toBe("closed");
    expect(made[0]!.winners.map((w) => w.handle)).toEqual(["Ava", "Ben", "Cy"]);
    expect(await counts(url)).toEqual({ closes: 2, awards: 3, audits: 5 });

    const again = await closeCli(url, ["--at", DUE]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/\n {2}nothing due\n/);
    expect(await counts(url)).toEqual({ closes: 2, awards: 3, audits: 5 });
  });
});

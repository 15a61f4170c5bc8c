/**
 * The admin CSV exports against the real server: the winners, a closed week's frozen standings and an
 * open board's standings, each an RFC 4180 attachment whose rows match what they export; a handle a
 * spreadsheet would read as a formula (the handle rules allow a leading "-") is neutralised; bad
 * queries are clear errors. The open board is also read in small keyset pages, to the same rows.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { MemoryRankStore } from "../../server/boards/ranks";
import { currentChallenge } from "../../server/challenge/challenge";
import { boardExport } from "../../server/exports/board";
import { validateHandle } from "../../server/players/handles";
import { addAdmin, adminCookie, adminSession } from "../support/admin";
import { useAppServer } from "../support/app";
import { loadedRevision } from "../support/boards";
import { addPlayer, addVerifiedRun, closedWeekDatabase, DST_WEEK } from "../support/closes";
import { withDb } from "../support/db";
import { seededSqliteUrl } from "../support/server";

const databaseUrl = seededSqliteUrl();
/** A handle the rules allow that begins with "-": a spreadsheet would start a formula there. */
const DASHED = validateHandle("-Gus");
beforeAll(async () => {
  await closedWeekDatabase(databaseUrl);
  // After the week's close: on the open boards (the challenge's), not in the frozen standings.
  await withDb(databaseUrl, async (db) => {
    const gus = await addPlayer(db, DASHED);
    await addVerifiedRun(db, { playerId: gus.id, score: 350, finishedAt: new Date(DST_WEEK.startsAt.getTime() + 10 * 3600_000) });
  });
}, 120_000);
const app = useAppServer({ DATABASE_URL: databaseUrl });

/** The records of an RFC 4180 document (every record CRLF-terminated), its quoted fields unquoted. */
function records(text: string): string[][] {
  expect(text.endsWith("\r\n")).toBe(true);
  const out: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") (row.push(field), (field = ""));
    else if (c === "\r" && text[i + 1] === "\n") {
      out.push([...row, field]);
      [row, field] = [[], ""];
      i++;
    } else field += c;
  }
  return out;
}

describe("admin exports", () => {
  let headers: Record<string, string>;
  const download = async (path: string) => {
    const res = await fetch(`${app.server.url}${path}`, { headers });
    return { status: res.status, type: res.headers.get("content-type"), disposition: res.headers.get("content-disposition"), text: await res.text() };
  };

  it("exports the winners of every close, oldest first, by place", async () => {
    headers = adminCookie(await adminSession(app.server.url, await addAdmin(app.databaseUrl)), app.server.url);
    const res = await download("/api/admin/exports/winners.csv");
    expect([res.status, res.type, res.disposition]).toEqual([200, "text/csv; charset=utf-8", 'attachment; filename="winners.csv"']);
    const [header, ...rows] = records(res.text);
    expect(header).toEqual(["close_id", "scenario", "period", "period_key", "tier", "closed_at", "place", "offer", "status", "handle", "player_id", "run_id", "score", "prize", "reviewed_at", "fulfilled_at", "contact_email"]);
    expect(rows.map((r) => [r[1], r[2], r[3], r[6], r[8], r[9], r[12], r[16]])).toEqual([
      ["gridshot", "week", DST_WEEK.key, "1", "review", "Ava", "600", "ava@example.test"],
      ["gridshot", "week", DST_WEEK.key, "2", "review", "Ben", "500", "ben@example.test"],
      ["gridshot", "week", DST_WEEK.key, "3", "review", "Cy", "400", "cy@example.test"],
    ]);
    expect(records((await download("/api/admin/exports/winners.csv?status=pending")).text)).toEqual([header]);
  });

  it("exports a closed week's frozen standings, row for row", async () => {
    const res = await download(`/api/admin/exports/board.csv?scenario=gridshot&period=week&key=${encodeURIComponent(DST_WEEK.key)}&tier=all`);
    expect([res.status, res.disposition]).toEqual([200, 'attachment; filename="board-gridshot-week-2026-10-29T00-00-all-frozen.csv"']);
    const standings = await withDb(databaseUrl, async (db) => (await db.periodClose.findFirstOrThrow({ where: { periodKey: DST_WEEK.key } })).standings as any[]);
    const [header, ...rows] = records(res.text);
    expect(header).toEqual(["rank", "handle", "player_id", "score", "achieved_at", "run_id", "run_tier"]);
    expect(rows).toEqual(standings.map((s) => [String(s.rank), s.handle, s.playerId, String(s.score), s.achievedAt, s.runId, s.runTier]));
    expect(rows.map((r) => r[1])).toEqual(["Ava", "Ben", "Cy", "Dee", "Eli", "Fay"]);
  });

  it("exports an open board as the board API shows it, with a formula-like handle neutralised", async () => {
    const res = await download("/api/admin/exports/board.csv?scenario=gridshot&period=challenge&tier=all");
    expect(res.status).toBe(200);
    const board = await app.api.get("/api/leaderboards/gridshot?period=challenge&tier=all&limit=100");
    const [, ...rows] = records(res.text);
    expect(rows).toEqual(board.body.entries.map((e: any) => [String(e.rank), e.player.handle === DASHED ? `'${DASHED}` : e.player.handle, e.player.id, String(e.score), e.achievedAt, e.runId, e.tier]));
    expect(rows.map((r) => r[1])).toEqual(["Ava", "Ben", "Cy", `'${DASHED}`, "Dee", "Eli", "Fay"]);
    expect(res.disposition).toMatch(/^attachment; filename="board-gridshot-challenge-[\w.-]+-all-live\.csv"$/);

    // The same rows read two entries at a time (keyset pages of the rank store).
    const paged = await withDb(databaseUrl, async (db) => {
      const ranks = new MemoryRankStore(db);
      const exported = await boardExport(db, ranks, await currentChallenge(db), { scenario: "gridshot", period: "challenge", tier: "all" }, new Date(), 2);
      const out: string[][] = [];
      for await (const row of exported.rows) out.push(row.map((v) => (v === "-Gus" ? `'-Gus` : String(v))));
      await loadedRevision(ranks, exported.board); // the load the read started ends before the database closes
      return out;
    });
    expect(paged).toEqual(rows);
  });

  it("answers a bad query with a clear error", async () => {
    expect(await download("/api/admin/exports/board.csv?period=week")).toMatchObject({ status: 422 });
    expect(await download("/api/admin/exports/board.csv?scenario=nope")).toMatchObject({ status: 404, text: expect.stringContaining("scenario_not_found") });
    expect(await download("/api/admin/exports/board.csv?scenario=gridshot&period=month")).toMatchObject({ status: 400, text: expect.stringContaining("invalid_period") });
    expect(await download("/api/admin/exports/board.csv?scenario=gridshot&tier=gold")).toMatchObject({ status: 422 });
    expect(await download("/api/admin/exports/winners.csv?status=paid")).toMatchObject({ status: 422 });
  });
});

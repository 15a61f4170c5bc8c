/**
 * A player downloads what the site keeps about them (GET /api/players/me/export): as JSON, their
 * profile, memberships, sessions, passkeys (names and dates, never keys), prizes and every run with
 * its verdict, score, computed stats and reported environment; as CSV, their runs, one per row,
 * streamed in pages. Input logs are not included: they are binary, and each verified run's replay
 * shows one.
 */
import type { ExportedRun, PlayerDataExport } from "../../lib/contracts/players";
import type { Db } from "../db/client";
import type { CsvValue } from "../exports/csv";
import { profileOf } from "./players";
import type { PlayerRow } from "./session";

const RUN_PAGE = 500;
const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function playerDataExport(db: Db, player: PlayerRow, now = new Date()): Promise<PlayerDataExport> {
  const [memberships, sessions, passkeys, prizes] = await Promise.all([
    db.membership.findMany({ where: { playerId: player.id }, orderBy: { startsAt: "asc" } }),
    db.playerSession.findMany({ where: { playerId: player.id }, orderBy: { createdAt: "asc" } }),
    db.passkey.findMany({ where: { playerId: player.id }, orderBy: { createdAt: "asc" } }),
    db.prizeAward.findMany({ where: { playerId: player.id }, orderBy: { createdAt: "asc" }, include: { close: { select: { periodKind: true, periodKey: true, scenarioId: true } } } }),
  ]);
  const runs: ExportedRun[] = [];
  for await (const page of runPages(db, player.id)) runs.push(...page);
  return {
    exportedAt: now.toISOString(),
    player: { ...profileOf(player), disqualifiedAt: iso(player.disqualifiedAt) },
    memberships: memberships.map((m) => ({ tier: m.tier, source: m.source, startsAt: m.startsAt.toISOString(), expiresAt: iso(m.expiresAt), revokedAt: iso(m.revokedAt) })),
    sessions: sessions.map((s) => ({
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      revokedAt: iso(s.revokedAt),
      userAgent: s.userAgent,
      ip: s.ip,
    })),
    passkeys: passkeys.map((p) => ({ name: p.name, createdAt: p.createdAt.toISOString(), lastUsedAt: iso(p.lastUsedAt) })),
    prizes: prizes.map((a) => ({ place: a.place, prize: a.prize, status: a.status, score: a.score, runId: a.runId, ...a.close })),
    runs,
  };
}

export const RUNS_CSV_HEADER = ["run_id", "scenario", "scenario_version", "tier", "started_at", "finished_at", "verdict", "reason", "score", "claimed_score", "fps", "kiosk_id"];

/** The player's runs as CSV rows (RUNS_CSV_HEADER), oldest first. */
export async function* runCsvRows(db: Db, playerId: string): AsyncGenerator<CsvValue[]> {
  for await (const page of runPages(db, playerId)) {
    for (const r of page) yield [r.id, r.scenarioId, r.scenarioVersion, r.tier, r.startedAt, r.finishedAt, r.verdict, r.reasonCode, r.score, r.claimedScore, r.fps, r.kioskId];
  }
}

/** The player's runs, oldest first, RUN_PAGE at a time (keyset on start time and id). */
async function* runPages(db: Db, playerId: string): AsyncGenerator<ExportedRun[]> {
  let after: { startedAt: Date; id: string } | null = null;
  for (;;) {
    const rows = await db.run.findMany({
      where: { playerId, ...(after ? { OR: [{ startedAt: { gt: after.startedAt } }, { startedAt: after.startedAt, id: { gt: after.id } }] } : {}) },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
      take: RUN_PAGE,
      select: {
        id: true, scenarioId: true, scenarioVersion: true, tier: true, startedAt: true, finishedAt: true, verdict: true,
        reasonCode: true, score: true, claimedScore: true, fps: true, kioskId: true, result: true, environment: true,
      },
    });
    if (rows.length === 0) return;
    yield rows.map((r) => ({ ...r, startedAt: r.startedAt.toISOString(), finishedAt: iso(r.finishedAt), result: r.result ?? null, environment: r.environment ?? null }));
    if (rows.length < RUN_PAGE) return;
    const last: { startedAt: Date; id: string } = rows[rows.length - 1]!;
    after = { startedAt: last.startedAt, id: last.id };
  }
}

/**
 * The admins' moderation queue (GET /api/admin/player-scenarios): player-made scenarios with open
 * reports (most reported first), and hidden ones (most recently hidden first), each with its open
 * reports and their reasons.
 */
import type { ScenarioKind } from "../../../game/core";
import type { ModerationQueueRow } from "../../../lib/contracts/scenario-moderation";
import type { Db } from "../../db/client";
import { statusOf } from "./view";

/** At most this many scenarios an answer: hiding or dismissing brings up the next. */
export const QUEUE_LIMIT = 100;
/** At most this many reports shown per scenario (the count says how many there are). */
const REPORTS_SHOWN = 20;

export async function moderationQueue(db: Db, filter: { reported: boolean; hidden: boolean }): Promise<ModerationQueueRow[]> {
  const [reported, hidden] = await Promise.all([
    filter.reported ? db.scenarioReport.groupBy({ by: ["playerScenarioId"], where: { resolvedAt: null }, _count: { _all: true } }) : [],
    filter.hidden
      ? db.playerScenario.findMany({ where: { hiddenAt: { not: null } }, orderBy: [{ hiddenAt: "desc" }, { id: "asc" }], take: QUEUE_LIMIT, select: { id: true } })
      : [],
  ]);
  const openReports = new Map(reported.map((r) => [r.playerScenarioId, r._count._all]));
  const mostReported = [...openReports].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id);
  const ids = [...new Set([...mostReported, ...hidden.map((h) => h.id)])].slice(0, QUEUE_LIMIT);
  const rows = await db.playerScenario.findMany({
    where: { id: { in: ids } },
    include: {
      author: { select: { handle: true } },
      reports: { where: { resolvedAt: null }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: REPORTS_SHOWN, include: { reporter: { select: { handle: true } } } },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const row = byId.get(id)!;
    return {
      scenario: {
        id: row.id,
        code: row.code,
        name: row.name,
        description: row.description,
        kind: row.kind as ScenarioKind,
        author: { handle: row.author.handle },
        status: statusOf(row),
        hiddenAt: row.hiddenAt?.toISOString() ?? null,
        hiddenReason: row.hiddenReason,
        scenarioId: row.publishedScenarioId,
      },
      openReports: openReports.get(id) ?? 0,
      reports: row.reports.map((r) => ({ id: r.id, reason: r.reason, reporter: { handle: r.reporter.handle }, createdAt: r.createdAt.toISOString() })),
    };
  });
}

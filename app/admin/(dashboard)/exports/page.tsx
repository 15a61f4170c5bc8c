import { AWARD_STATUSES } from "@/lib/contracts/awards";
import { PERIOD_KINDS, TIER_FILTERS } from "@/lib/contracts/boards";
import { requireAdminPage } from "@/server/admin/page-guard";
import { runtime } from "@/server/runtime";
import { listScenarios } from "@/server/scenarios/catalog";

/** Recent closes listed for a one-click download of their frozen standings. */
const RECENT_CLOSES = 20;

/**
 * /admin/exports (admins): CSV downloads of the winners and of any board's standings (a closed
 * period's frozen standings, or an open board as it stands). Forms send GET requests straight to
 * the export routes, which answer attachments.
 */
export default async function ExportsPage() {
  await requireAdminPage("admin");
  const db = runtime().db;
  const [scenarios, closes] = await Promise.all([
    listScenarios(db),
    db.periodClose.findMany({ orderBy: [{ closedAt: "desc" }, { id: "desc" }], take: RECENT_CLOSES, select: { id: true, scenarioId: true, periodKind: true, periodKey: true, tier: true } }),
  ]);
  return (
    <section>
      <h1>Exports</h1>
      <p className="muted">CSV (RFC 4180). Cells a spreadsheet would run as a formula (starting with = + - @) are prefixed with &apos;.</p>
      <h2>Winners</h2>
      <ul className="admin-filter">
        <li>
          <a href="/api/admin/exports/winners.csv" download>
            winners.csv (every status)
          </a>
        </li>
        {AWARD_STATUSES.map((s) => (
          <li key={s}>
            <a href={`/api/admin/exports/winners.csv?status=${s}`} download>
              {s}
            </a>
          </li>
        ))}
      </ul>
      <h2>A board</h2>
      <form method="get" action="/api/admin/exports/board.csv" className="admin-forms">
        <select name="scenario" aria-label="Scenario">
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <select name="period" aria-label="Period" defaultValue="week">
          {PERIOD_KINDS.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
        <input name="key" aria-label="Period key" placeholder="key (empty: the current period)" />
        <select name="tier" aria-label="Tier" defaultValue="all">
          {TIER_FILTERS.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
        <button type="submit" className="button">
          Download board.csv
        </button>
      </form>
      <h2>Closed periods</h2>
      {closes.length === 0 && <p className="muted">No period has closed yet.</p>}
      <ul>
        {closes.map((c) => {
          const query = new URLSearchParams({ scenario: c.scenarioId, period: c.periodKind, key: c.periodKey, tier: c.tier });
          return (
            <li key={c.id}>
              <a href={`/api/admin/exports/board.csv?${query}`} download>
                {c.scenarioId} · {c.periodKind} {c.periodKey} · {c.tier}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

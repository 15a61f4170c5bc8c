import Link from "next/link";
import { profileHref } from "@/lib/contracts/profiles";
import type { BrowseEntry } from "@/lib/contracts/scenario-browse";
import { SCENARIO_KIND_LABELS } from "@/lib/contracts/scenario-kinds";

/** Listed scenarios as a table: name and kind, author, plays this week, the all-time best score and its holder, and where to play. */
export function ScenarioTable({ scenarios, showAuthor = true }: { scenarios: BrowseEntry[]; showAuthor?: boolean }) {
  return (
    <table className="scenario-table">
      <thead>
        <tr>
          <th>Scenario</th>
          <th>Kind</th>
          {showAuthor && <th>Author</th>}
          <th>Plays this week</th>
          <th>All-time best</th>
          <th>
            <span className="visually-hidden">Play</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {scenarios.map((s) => (
          <tr key={s.id} data-scenario={s.id}>
            <td>
              <strong>{s.name}</strong>
              {s.description && <div className="muted">{s.description}</div>}
            </td>
            <td>{SCENARIO_KIND_LABELS[s.kind]}</td>
            {showAuthor && <td>{s.author.handle ? <Link href={profileHref(s.author.handle)}>{s.author.name}</Link> : s.author.name}</td>}
            <td>{s.playsThisWeek}</td>
            <td>
              {s.top ? (
                <>
                  {s.top.score.toLocaleString("en-US")} <span className="muted">by {s.top.handle}</span>
                </>
              ) : (
                <span className="muted">No runs yet</span>
              )}
            </td>
            <td>
              <Link href={s.href}>{s.source === "built-in" ? "Play" : `Open ${s.code}`}</Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

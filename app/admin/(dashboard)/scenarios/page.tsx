import Link from "next/link";
import { SCENARIO_KIND_LABELS } from "@/lib/contracts/scenario-kinds";
import { requireAdminPage } from "@/server/admin/page-guard";
import { runtime } from "@/server/runtime";
import { moderationQueue, QUEUE_LIMIT } from "@/server/scenarios/player/moderation-queue";
import { NoteActionForm } from "../NoteActionForm";

/**
 * /admin/scenarios (admins only): the moderation queue of player-made scenarios (docs/moderation.md).
 * Reported ones, most reported first, with each open report's reason: hide the scenario (with a
 * reason; its reports are resolved) or dismiss a report. Hidden ones below, to lift the hide.
 */
export default async function AdminScenariosPage() {
  await requireAdminPage("admin");
  const rows = await moderationQueue(runtime().db, { reported: true, hidden: true });
  const reported = rows.filter((r) => r.openReports > 0 && r.scenario.status !== "hidden");
  const hidden = rows.filter((r) => r.scenario.status === "hidden");
  const enc = encodeURIComponent;
  return (
    <section>
      <h1>Player scenarios</h1>
      <p className="muted">Scenarios players reported, and the ones hidden (at most {QUEUE_LIMIT}). A hidden scenario is not listed and not playable; its boards stay readable.</p>
      <h2>Reported</h2>
      {reported.length === 0 ? (
        <p className="muted">No open reports.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Scenario</th>
              <th>Reports</th>
              <th>Action</th>
            </tr>
          </thead>
          <tbody>
            {reported.map(({ scenario: s, openReports, reports }) => (
              <tr key={s.id} data-scenario={s.code}>
                <td>
                  <strong>{s.name}</strong> <span className="muted">({SCENARIO_KIND_LABELS[s.kind]}, {s.status})</span>
                  <div className="muted">
                    by {s.author.handle} · code {s.code}
                    {s.scenarioId && (
                      <>
                        {" "}· <Link href={`/api/leaderboards/${enc(s.scenarioId)}?period=all&tier=all`}>board</Link>
                      </>
                    )}
                  </div>
                  <div className="muted">{s.description}</div>
                </td>
                <td>
                  <strong>{openReports}</strong> open
                  <ul>
                    {reports.map((r) => (
                      <li key={r.id}>
                        “{r.reason}” <span className="muted">by {r.reporter.handle}, {r.createdAt.slice(0, 16).replace("T", " ")} UTC</span>
                        <NoteActionForm
                          placeholder="Note (optional)"
                          actions={[{ label: "Dismiss", url: `/api/admin/scenario-reports/${enc(r.id)}/dismiss`, noteRequired: false, done: "Dismissed." }]}
                        />
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <NoteActionForm
                    placeholder="Why hide it (required)"
                    actions={[{ label: "Hide", url: `/api/admin/player-scenarios/${enc(s.id)}/hide`, field: "reason", noteRequired: true, done: "Hidden: not listed, not playable." }]}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Hidden</h2>
      {hidden.length === 0 ? (
        <p className="muted">No hidden scenarios.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Scenario</th>
              <th>Hidden</th>
              <th>Action</th>
            </tr>
          </thead>
          <tbody>
            {hidden.map(({ scenario: s }) => (
              <tr key={s.id} data-scenario={s.code}>
                <td>
                  <strong>{s.name}</strong>
                  <div className="muted">
                    by {s.author.handle} · code {s.code}
                  </div>
                </td>
                <td>
                  {s.hiddenAt?.slice(0, 16).replace("T", " ")} UTC
                  <div className="muted">{s.hiddenReason}</div>
                </td>
                <td>
                  <NoteActionForm
                    placeholder="Note (optional)"
                    actions={[{ label: "Unhide", url: `/api/admin/player-scenarios/${enc(s.id)}/unhide`, noteRequired: false, done: "Listed again." }]}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

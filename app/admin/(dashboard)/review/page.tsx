import Link from "next/link";
import { requireAdminPage } from "@/server/admin/page-guard";
import { listReviewQueue, REVIEW_LIMIT } from "@/server/review/list-review";
import { runtime } from "@/server/runtime";
import { NoteActionForm } from "../NoteActionForm";

/** A finding as the verifier stores it (its evidence stays in the API answer). */
interface Finding {
  code?: string;
  severity?: string;
}

/**
 * /admin/review (staff and admins): flagged runs, oldest first, with their stats, the verifier's
 * findings, the player's history and a link to the replay; each is cleared (verified: it enters its
 * boards at the time it was achieved) or rejected, with a note.
 */
export default async function ReviewQueuePage() {
  await requireAdminPage("staff");
  const queue = await listReviewQueue(runtime().db);
  return (
    <section>
      <h1>Review queue</h1>
      <p className="muted">
        {queue.length} flagged run{queue.length === 1 ? "" : "s"}, oldest first (at most {REVIEW_LIMIT}).
      </p>
      <table>
        <thead>
          <tr>
            <th>Run</th>
            <th>Player</th>
            <th>Score and stats</th>
            <th>Findings</th>
            <th>Decision</th>
          </tr>
        </thead>
        <tbody>
          {queue.map(({ run, player, history }) => (
            <tr key={run.id} data-run={run.id}>
              <td>
                {run.scenario.id} · {run.tier}
                <div className="muted">finished {run.finishedAt}</div>
                <Link href={`/runs/${encodeURIComponent(run.id)}/replay`}>Watch the replay</Link>
              </td>
              <td>
                <strong>{player.handle}</strong>
                {player.disqualified && <div className="error">disqualified</div>}
                <div className="muted">{Object.entries(history).map(([verdict, n]) => `${verdict} ${n}`).join(", ")}</div>
              </td>
              <td>
                <strong>{run.score}</strong>
                {run.claimedScore !== null && run.claimedScore !== run.score && <div className="error">claimed {run.claimedScore}</div>}
                {run.stats && (
                  <div className="muted">
                    {run.stats.hits} hits, {run.stats.misses} misses, {Math.round(run.stats.accuracy * 100)}% accuracy
                    {run.stats.reactionTimeMedianMs !== null && `, median reaction ${Math.round(run.stats.reactionTimeMedianMs)} ms`}
                  </div>
                )}
                {run.fps !== null && <div className="muted">{Math.round(run.fps)} fps</div>}
              </td>
              <td>
                <strong>{run.reasonCode}</strong>
                <ul className="admin-findings">
                  {((Array.isArray(run.findings) ? run.findings : []) as Finding[]).map((f, i) => (
                    <li key={i}>
                      {f.code} <span className="muted">{f.severity}</span>
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <NoteActionForm
                  placeholder="Note (required to reject)"
                  actions={[
                    { label: "Clear", url: `/api/admin/review/${encodeURIComponent(run.id)}/clear`, noteRequired: false, done: "Cleared: the run is on its boards." },
                    { label: "Reject", url: `/api/admin/review/${encodeURIComponent(run.id)}/reject`, noteRequired: true, done: "Rejected." },
                  ]}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

import { FULFILMENT_STEPS } from "@/lib/contracts/awards";
import { requireAdminPage } from "@/server/admin/page-guard";
import { listFulfilment } from "@/server/awards/award-history";
import { runtime } from "@/server/runtime";
import { AwardCard } from "../AwardCard";
import { StatusForm } from "./StatusForm";

/**
 * /admin/fulfilment (admins): approved prizes through to payout. Each shows its history (who, when,
 * the note: read from the audit log), the player's contact e-mail when they consented to prize
 * contact, and the next steps it may take.
 */
export default async function FulfilmentPage() {
  await requireAdminPage("admin");
  const awards = await listFulfilment(runtime().db);
  return (
    <section>
      <h1>Fulfilment</h1>
      <p className="muted">pending → contacted → claimed → fulfilled; or forfeited, which offers the place to the next eligible player (back in review under Awards).</p>
      {awards.length === 0 && <p className="muted">No approved prizes yet.</p>}
      {awards.map((a) => (
        <AwardCard
          key={a.id}
          awardId={a.id}
          label={`Prize of ${a.player.handle}`}
          status={a.status}
          title={`${a.player.handle} · #${a.place} ${a.close.scenarioId} ${a.close.periodKind} ${a.close.periodKey}`}
        >
          <dl className="admin-facts">
            <dt>Prize</dt>
            <dd>{a.prize}</dd>
            <dt>Contact</dt>
            <dd>{a.contactEmail ? <a href={`mailto:${a.contactEmail}`}>{a.contactEmail}</a> : <span className="muted">no consent to prize contact on record</span>}</dd>
            <dt>History</dt>
            <dd>
              <ol className="admin-history">
                {a.events.map((e, i) => (
                  <li key={i}>
                    {e.at} · <strong>{e.action}</strong> · {e.actor}
                    {e.note ? ` · “${e.note}”` : ""}
                  </li>
                ))}
              </ol>
            </dd>
          </dl>
          {(FULFILMENT_STEPS[a.status] ?? []).length > 0 && <StatusForm awardId={a.id} handle={a.player.handle} steps={[...FULFILMENT_STEPS[a.status]!]} />}
        </AwardCard>
      ))}
    </section>
  );
}

import Link from "next/link";
import { AWARD_STATUSES, type AwardRow, type AwardStatus } from "@/lib/contracts/awards";
import { requireAdminPage } from "@/server/admin/page-guard";
import { listAwards } from "@/server/awards/list-awards";
import { runtime } from "@/server/runtime";
import { AwardCard } from "../AwardCard";
import { Findings } from "../Findings";
import { ReviewForms } from "./ReviewForms";

/**
 * /admin/awards (admins): the prize awards of closed periods by status, winners under review first.
 * Each shows the close, the place and prize, the run's stats and the verifier's findings, the
 * player's history, a link to the replay, and (in review) the approve and disqualify forms.
 */
export default async function AwardsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  await requireAdminPage("admin");
  const asked = (await searchParams).status;
  const status: AwardStatus | undefined = asked === "all" ? undefined : AWARD_STATUSES.find((s) => s === asked) ?? "review";
  const awards = await listAwards(runtime().db, { status });
  return (
    <section>
      <h1>Awards</h1>
      <nav className="admin-filter" aria-label="Status">
        {[...AWARD_STATUSES, "all" as const].map((s) => (
          <Link key={s} href={`/admin/awards?status=${s}`} aria-current={(status ?? "all") === s ? "page" : undefined}>
            {s}
          </Link>
        ))}
      </nav>
      {awards.length === 0 && <p className="muted">No awards {status ? `in ${status}` : ""}.</p>}
      {awards.map((a) => (
        <ReviewCard key={a.id} award={a} />
      ))}
    </section>
  );
}

/** An award with what its review needs. */
function ReviewCard({ award: a }: { award: AwardRow }) {
  return (
    <AwardCard
      awardId={a.id}
      label={`Place ${a.place}: ${a.player.handle}`}
      status={a.status}
      title={
        <>
          #{a.place} {a.player.handle}
          {a.offer > 1 && <span className="muted"> (offer {a.offer})</span>}
        </>
      }
    >
      <dl className="admin-facts">
        <dt>Close</dt>
        <dd>
          {a.close.scenarioId} · {a.close.periodKind} {a.close.periodKey} · {a.close.tier} · closed {a.close.closedAt}
        </dd>
        <dt>Prize</dt>
        <dd>{a.prize}</dd>
        <dt>Run</dt>
        <dd>
          score {a.run.score ?? "–"} · {a.run.tier} · {a.run.fps ?? "–"} fps · {a.run.verdict}
          {a.run.reasonCode ? ` (${a.run.reasonCode})` : ""} · finished {a.run.finishedAt ?? "–"}
          {a.run.disqualified && <strong> · run disqualified</strong>} · <Link href={`/runs/${encodeURIComponent(a.run.id)}/replay`}>Watch the replay</Link>
        </dd>
        <dt>Findings</dt>
        <dd>
          <Findings findings={a.run.findings} />
        </dd>
        <dt>Player</dt>
        <dd>
          {a.player.disqualified ? <strong>disqualified</strong> : "in good standing"} · {a.player.hasContact ? "has a contact e-mail" : "no contact e-mail"} · runs:{" "}
          <span data-testid="history">
            {Object.entries(a.history)
              .map(([verdict, n]) => `${verdict} ${n}`)
              .join(", ") || "none"}
          </span>
        </dd>
        {a.reviewedAt && (
          <>
            <dt>Reviewed</dt>
            <dd>
              {a.reviewedAt}
              {a.note ? ` · “${a.note}”` : ""}
            </dd>
          </>
        )}
      </dl>
      {a.status === "review" && <ReviewForms awardId={a.id} handle={a.player.handle} />}
    </AwardCard>
  );
}

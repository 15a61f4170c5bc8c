import { OVERVIEW_TIERS, type OverviewPeriod } from "@/lib/contracts/admin-overview";
import { requireAdminPage } from "@/server/admin/page-guard";
import { adminOverview } from "@/server/admin/overview";
import { currentChallenge } from "@/server/challenge/challenge";
import { runtime } from "@/server/runtime";
import { RunsChart } from "./RunsChart";

const PERIOD_LABEL: Record<OverviewPeriod["kind"], string> = { day: "Today", week: "This week", challenge: "Challenge" };

/** /admin (staff): the overview: runs and players per period and tier, awards by status, the review queue, runs per hour. */
export default async function AdminOverviewPage() {
  await requireAdminPage("staff");
  const db = runtime().db;
  const overview = await adminOverview(db, await currentChallenge(db));
  return (
    <section>
      <h1>Overview</h1>
      <p className="muted">
        {overview.challenge.name}; times in {overview.challenge.timeZone}. A run counts when it was started.
      </p>
      <table data-testid="overview-periods">
        <thead>
          <tr>
            <th>Period</th>
            <th>Tier</th>
            <th>Runs</th>
            <th>Players</th>
            <th>Abandoned</th>
          </tr>
        </thead>
        <tbody>
          {overview.periods.flatMap((p) =>
            (["all", ...OVERVIEW_TIERS] as const).map((tier) => (
              <tr key={`${p.kind}-${tier}`}>
                <td>{tier === "all" ? `${PERIOD_LABEL[p.kind]} (${p.key})` : ""}</td>
                <td>{tier}</td>
                <td>{p.tiers[tier].runs}</td>
                <td>{p.tiers[tier].players}</td>
                <td>{p.tiers[tier].abandoned}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <div className="admin-figures">
        <div>
          <h2>Review queue</h2>
          <p className="admin-figure" data-testid="review-queue">
            {overview.reviewQueue}
          </p>
          <p className="muted">flagged runs</p>
        </div>
        <div>
          <h2>Awards</h2>
          <ul data-testid="awards-by-status">
            {Object.entries(overview.awards).map(([status, n]) => (
              <li key={status}>
                {status}: {n}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <h2>Runs per hour</h2>
      <RunsChart hourly={overview.hourly} timeZone={overview.challenge.timeZone} />
    </section>
  );
}

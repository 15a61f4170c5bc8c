import Link from "next/link";
import { notFound } from "next/navigation";
import type { PeriodKind } from "@/lib/contracts/boards";
import type { RatioSummary, TierStats } from "@/lib/contracts/stats";
import { resolvePeriod } from "@/server/boards/read";
import { currentChallenge } from "@/server/challenge/challenge";
import { isDomainError } from "@/server/errors";
import { runtime } from "@/server/runtime";
import { listScenarios } from "@/server/scenarios/catalog";
import { recentTierStats } from "@/server/stats/read-tier-stats";
import styles from "./page.module.css";
import { TierChart } from "./TierChart";

export const dynamic = "force-dynamic";
export const metadata = { title: "Free vs Ultimate · Flickboard" };

const PERIODS: [PeriodKind, string][] = [
  ["day", "Today"],
  ["week", "This week"],
  ["challenge", "Challenge"],
  ["all", "All time"],
];

type Search = { scenario?: string | string[]; period?: string | string[]; key?: string | string[] };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * /stats/tiers[?scenario=&period=&key=]: what the stored verified runs say about free vs Ultimate on
 * a scenario (server/stats/; docs/stats.md): the paired figure, the kiosk pairs, each tier on its
 * own, the seed's 1.6x claim beside them, and how it was computed and what it cannot show.
 */
export default async function TierStatsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { db } = runtime();
  const search = await searchParams;
  const challenge = await currentChallenge(db);
  const scenarios = await listScenarios(db);
  const scenarioId = one(search.scenario) ?? challenge.featuredScenarioId;
  const kind = one(search.period) ?? "all";
  let stats: TierStats;
  try {
    stats = await recentTierStats(db, scenarioId, resolvePeriod(challenge, kind, one(search.key), new Date()));
  } catch (err) {
    if (isDomainError(err) && err.code === "scenario_not_found") notFound();
    if (isDomainError(err) && err.code === "invalid_period") {
      return (
        <section className={styles.page}>
          <h1>Free vs Ultimate</h1>
          <p className="error" role="alert">{err.message}</p>
          <p><Link href={`/stats/tiers?scenario=${encodeURIComponent(scenarioId)}`}>Show all time</Link></p>
        </section>
      );
    }
    throw err;
  }
  const scenarioName = scenarios.find((s) => s.id === stats.scenario)?.name ?? stats.scenario;
  const href = (scenario: string, period: string) => `/stats/tiers?scenario=${encodeURIComponent(scenario)}&period=${period}`;
  const { paired, kiosk, tiers, histogram, claim, method } = stats;

  return (
    <section className={styles.page}>
      <h1>Free vs Ultimate: {scenarioName}</h1>
      <p className="muted">
        What the stored verified runs say about the tier, {periodText(stats)}. The method and what it cannot show are{" "}
        <a href="#method">below</a>.
      </p>

      <nav className={styles.choices} aria-label="Choose a scenario and a period">
        <ul aria-label="scenario">
          {scenarios.map((s) => (
            <li key={s.id}>
              <Link href={href(s.id, stats.period.kind)} aria-current={s.id === stats.scenario ? "page" : undefined}>{s.name}</Link>
            </li>
          ))}
        </ul>
        <ul aria-label="period">
          {PERIODS.map(([value, label]) => (
            <li key={value}>
              <Link href={href(stats.scenario, value)} aria-current={value === stats.period.kind ? "page" : undefined}>{label}</Link>
            </li>
          ))}
        </ul>
      </nav>

      <div className={styles.figures}>
        <article className={styles.figure} aria-labelledby="paired-heading" data-testid="paired-figure">
          <h2 id="paired-heading">Same players on both tiers</h2>
          <Ratio summary={paired} />
          <p>
            Each player&apos;s best Ultimate score divided by their best free score, over the <strong>{paired.n}</strong>{" "}
            player{paired.n === 1 ? "" : "s"} with verified runs on both tiers ({paired.runs} runs).{" "}
            {paired.n > 0 && <>{paired.higherOnUltimate} of them scored higher on Ultimate. </>}
            Not counted: {paired.onlyFree} who played only free, {paired.onlyUltimate} only Ultimate
            {paired.excludedNonPositiveFree > 0 && <>, {paired.excludedNonPositiveFree} whose best free score was 0 or less (no ratio)</>}.
          </p>
        </article>

        <article className={styles.figure} aria-labelledby="kiosk-heading" data-testid="kiosk-figure">
          <h2 id="kiosk-heading">Booth pairs (kiosks)</h2>
          <Ratio summary={kiosk} />
          <p>
            Ultimate score divided by free score within one booth visit: same person, same minute, same machine.{" "}
            <strong>{kiosk.n}</strong> visit{kiosk.n === 1 ? "" : "s"} by {kiosk.players} player{kiosk.players === 1 ? "" : "s"} ({kiosk.runs} runs)
            {kiosk.excludedNonPositiveFree > 0 && <>; {kiosk.excludedNonPositiveFree} visit(s) with a free score of 0 or less left out</>}.
          </p>
        </article>

        <article className={styles.figure} aria-labelledby="claim-heading" data-testid="claim">
          <h2 id="claim-heading">The claim</h2>
          <p className={styles.big}>{claim.ratio.toFixed(1)}x</p>
          <p>
            The challenge&apos;s article: &ldquo;{claim.text}&rdquo;. {claimVerdict(claim.ratio, paired)}
          </p>
          {stats.unpairedMedianRatio !== null && (
            <p className="muted">
              Comparing different people instead (median Ultimate best / median free best): {ratio(stats.unpairedMedianRatio)}. That
              mixes the tier with who chose it.
            </p>
          )}
        </article>
      </div>

      <h2>Each tier on its own</h2>
      <p className="muted">Each player&apos;s best score per tier; a player on both tiers is in both.</p>
      <div className={styles.scroll}>
        <table>
          <caption className={styles.caption}>Best scores per tier</caption>
          <thead>
            <tr>
              <th scope="col">Tier</th>
              <th scope="col">Players</th>
              <th scope="col">Runs</th>
              <th scope="col">Median best</th>
              <th scope="col">Middle half</th>
            </tr>
          </thead>
          <tbody>
            {(["free", "ultimate"] as const).map((tier) => (
              <tr key={tier}>
                <th scope="row">{tier === "free" ? "Free (60 fps)" : "Ultimate (240 fps)"}</th>
                <td>{tiers[tier].players}</td>
                <td>{tiers[tier].runs}</td>
                <td>{score(tiers[tier].median)}</td>
                <td>{tiers[tier].q1 === null ? "–" : `${score(tiers[tier].q1)} to ${score(tiers[tier].q3)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {histogram.edges.length > 0 ? (
        <>
          <TierChart histogram={histogram} label={`Players per band of best score on ${scenarioName}, free and Ultimate; the same numbers are in the table that follows.`} />
          <details className={styles.details}>
            <summary>The chart as a table</summary>
            <table>
              <caption className={styles.caption}>Players per band of best score</caption>
              <thead>
                <tr>
                  <th scope="col">Best score</th>
                  <th scope="col">Free players</th>
                  <th scope="col">Ultimate players</th>
                </tr>
              </thead>
              <tbody>
                {histogram.free.map((count, i) => (
                  <tr key={histogram.edges[i]}>
                    <th scope="row">
                      {score(histogram.edges[i]!)} to under {score(histogram.edges[i + 1]!)}
                    </th>
                    <td>{count}</td>
                    <td>{histogram.ultimate[i]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      ) : (
        <p>No verified runs on this scenario in this period yet.</p>
      )}

      <section id="method" className={styles.method} aria-labelledby="method-heading">
        <h2 id="method-heading">How this is computed</h2>
        <ul>
          <li>Only verified runs count (the server replayed them and found nothing to question); disqualified players and disqualified runs count nowhere. A run counts in the period it finished in; a booth visit in the period it started in.</li>
          <li>
            <strong>Same players on both tiers:</strong> for each player with verified runs on both tiers of this scenario, their best Ultimate score divided by their best free score. Shown: the median of those ratios, the middle half of them (quartiles, interpolated linearly), and a 95 % interval for the median from a percentile bootstrap ({method.resamples.toLocaleString("en-US")} resamples of the players, a fixed seed, so the same data always gives the same interval). A player who played one tier only is not in it. A ratio needs a best free score above 0; players without one are counted above, not in the ratio.
          </li>
          <li><strong>Booth pairs:</strong> the same statistic per kiosk visit, over visits whose free and Ultimate runs were both verified, on this scenario and its booth variants (the same scenario at a booth&apos;s run length: the ratio is within one visit, so the length cancels out to a first approximation).</li>
        </ul>
        <h3>What it cannot show</h3>
        <ul>
          <li><strong>Who chose Ultimate.</strong> Outside the booths, players pick their tier: those who pay for Ultimate may be keener or better equipped (a 240 Hz display, a better mouse) than the rest. The paired figure compares each player with themselves, which removes differences between people, but the players it covers are the ones who played both tiers, not a random sample. The comparison of different people (the per-tier table and the naive ratio) mixes the tier with who chose it.</li>
          <li><strong>Practice.</strong> Players usually start on free and try Ultimate later, and booths always play free first: whatever a player learns in between shows up as an Ultimate gain. The data here cannot separate the two.</li>
          <li><strong>Best of how many.</strong> A best score rises with the number of tries. A player with twenty free runs and one Ultimate run (someone who tried a tier once) compares a practised best with a first attempt; the run counts are shown for that reason.</li>
          <li><strong>Chance.</strong> The interval says how much the median would move with other players like these; it says nothing about the points above. With few players it is wide, and with no pairs there is no figure.</li>
        </ul>
      </section>
    </section>
  );
}

function ratio(value: number | null): string {
  return value === null ? "–" : `${value.toFixed(2)}x`;
}

function score(value: number | null): string {
  return value === null ? "–" : Math.round(value).toLocaleString("en-US");
}

function Ratio({ summary }: { summary: RatioSummary }) {
  if (summary.median === null) return <p className={styles.big}>No pairs yet</p>;
  return (
    <>
      <p className={styles.big}>{ratio(summary.median)}</p>
      <dl className={styles.numbers}>
        <dt>95 % interval of the median</dt>
        <dd>{summary.interval ? `${ratio(summary.interval.low)} to ${ratio(summary.interval.high)}` : "–"}</dd>
        <dt>Middle half of the ratios</dt>
        <dd>
          {ratio(summary.q1)} to {ratio(summary.q3)}
        </dd>
      </dl>
    </>
  );
}

function claimVerdict(claimed: number, paired: RatioSummary): string {
  if (!paired.interval || paired.median === null) return "This data has no player on both tiers yet to hold it against.";
  const against = `the same players' median here is ${ratio(paired.median)} (95 % interval ${ratio(paired.interval.low)} to ${ratio(paired.interval.high)}, ${paired.n} player${paired.n === 1 ? "" : "s"})`;
  if (claimed > paired.interval.high) return `Here, ${against}: below the claim.`;
  if (claimed < paired.interval.low) return `Here, ${against}: above the claim.`;
  return `Here, ${against}: the claim is within that interval.`;
}

function periodText(stats: TierStats): string {
  const { kind, key } = stats.period;
  if (kind === "all") return "over all time";
  if (kind === "challenge") return "over the challenge";
  if (kind === "day") return `on ${key}`;
  return `in the week from ${key.replace("T", " ")}`;
}

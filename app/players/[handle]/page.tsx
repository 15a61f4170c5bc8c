import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache, type ReactNode } from "react";
import { profileHref, type ProfileRank, type ProgressPoint, type PublicProfile, type ScenarioProgress } from "@/lib/contracts/profiles";
import { connectionOf } from "@/server/api/connection";
import { foundOrNull } from "@/server/errors";
import { playerProfile } from "@/server/players/profile";
import { currentChallenge } from "@/server/challenge/challenge";
import { pagePlayer } from "@/server/players/page-session";
import { authorScenarios } from "@/server/scenarios/player/author-scenarios";
import { ScenarioTable } from "../../scenarios/ScenarioTable";
import { runtime } from "@/server/runtime";
import { ownOrigin } from "@/server/security/origin";
import { bestsLine } from "@/server/players/share-image";
import { ProgressChart } from "./ProgressChart";
import styles from "./profile.module.css";

/**
 * A player's profile (docs/profiles.md): personal bests, progress charts with a table for screen
 * readers, current ranks, prizes, achievements and their runs (paged: ?page=N). Unknown handles are
 * a 404. Shared links preview through opengraph-image.tsx / twitter-image.tsx.
 */
type Props = { params: Promise<{ handle: string }>; searchParams: Promise<{ page?: string | string[] }> };

/** The profile, read once per request for the metadata and the page (null: nobody has the handle). */
const loadProfile = cache(async (handle: string, page: number): Promise<PublicProfile | null> => {
  const rt = runtime();
  return foundOrNull(playerProfile(rt.db, rt.ranks, { handle, page }));
});

async function requested({ params, searchParams }: Props): Promise<{ handle: string; page: number }> {
  const [{ handle }, { page }] = await Promise.all([params, searchParams]);
  const n = Number(Array.isArray(page) ? page[0] : page);
  return { handle, page: Number.isInteger(n) && n > 0 ? n : 1 };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { handle, page } = await requested(props);
  const profile = await loadProfile(handle, page);
  if (!profile) return { title: "Player not found · Flickboard" };
  // Share images need absolute URLs: this site's own address (PUBLIC_URL, or the one asked for).
  const h = await headers();
  const origin = ownOrigin(runtime().config.PUBLIC_URL, h.get("host"), connectionOf(h).https);
  const description = `${profile.handle} on Flickboard: ${bestsLine(profile.bests, profile.scenarioNames) || "no verified runs yet"}.`;
  return {
    ...(origin ? { metadataBase: new URL(origin) } : {}),
    title: `${profile.handle} · Flickboard`,
    description,
    openGraph: { title: `${profile.handle} on Flickboard`, description, type: "profile" },
    twitter: { card: "summary_large_image", title: `${profile.handle} on Flickboard`, description },
  };
}

const day = (iso: string) => iso.slice(0, 10);
const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
const tierName = (tier: string) => (tier === "ultimate" ? "Ultimate" : tier === "free" ? "Free" : "All tiers");
const PERIOD_NAMES: Record<string, string> = { day: "Today", week: "This week", challenge: "Challenge", all: "All time" };

export default async function PlayerPage(props: Props) {
  const { handle, page } = await requested(props);
  const profile = await loadProfile(handle, page);
  if (!profile) notFound();
  const name = (id: string) => profile.scenarioNames[id] ?? id;
  const rt = runtime();
  const scenarios = await authorScenarios(rt.db, await currentChallenge(rt.db), profile.handle, (await pagePlayer())?.id ?? null);
  const earned = profile.achievements.filter((a) => a.earnedAt).length;

  return (
    <article className={styles.profile}>
      <header>
        <h1>{profile.handle}</h1>
        <p className="muted">
          {profile.guest ? "Guest player" : "Player"} since {day(profile.joinedAt)} · {profile.runs.total} finished run{profile.runs.total === 1 ? "" : "s"}
        </p>
        {profile.disqualified && (
          <p className={styles.notice} role="status">
            This player is disqualified: their runs no longer count on the boards or for prizes.
          </p>
        )}
      </header>

      <section aria-labelledby="bests">
        <h2 id="bests">Personal bests</h2>
        {profile.bests.length === 0 ? (
          <p className="muted">No verified runs yet.</p>
        ) : (
          <ul className={styles.bests} data-testid="bests">
            {profile.bests.map((b) => (
              <li key={`${b.scenario}|${b.tier}`} className={styles.best}>
                {name(b.scenario)} · {tierName(b.tier)}
                <strong>{b.score.toLocaleString("en-US")}</strong>
                <span className="muted">{day(b.achievedAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {profile.progress.length > 0 && (
        <section aria-labelledby="progress">
          <h2 id="progress">Progress</h2>
          {profile.progress.map((p) => (
            <Progress key={p.scenario} progress={p} />
          ))}
        </section>
      )}

      <section aria-labelledby="ranks">
        <h2 id="ranks">Current ranks</h2>
        {profile.disqualified ? (
          <p className="muted">A disqualified player has no ranks.</p>
        ) : profile.ranks.length === 0 ? (
          <p className="muted">Not on any open board.</p>
        ) : (
          <Ranks ranks={profile.ranks} name={name} />
        )}
      </section>

      <section aria-labelledby="prizes">
        <h2 id="prizes">Prizes</h2>
        {profile.prizes.length === 0 ? (
          <p className="muted">No prize places yet.</p>
        ) : (
          <ScrollTable labelledBy="prizes" columns={["Board", "Place", "Prize", "Score", "Status"]}>
            {profile.prizes.map((a) => (
              <tr key={a.id}>
                <td>
                  {name(a.scenario)} · {a.period} {a.period === "week" ? `of ${day(a.key)}` : a.key} · {tierName(a.tier)}
                </td>
                <td>{a.place}</td>
                <td>{a.prize}</td>
                <td className={styles.numeric}>{a.score.toLocaleString("en-US")}</td>
                <td>{a.status}</td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </section>

      <section aria-labelledby="achievements">
        <h2 id="achievements">
          Achievements <span className="muted">({earned} of {profile.achievements.length})</span>
        </h2>
        <ul className={styles.achievements}>
          {profile.achievements.map((a) => (
            <li key={a.id} className={`${styles.achievement} ${a.earnedAt ? styles.earned : ""}`} data-achievement={a.id} data-earned={a.earnedAt ? "true" : "false"}>
              <strong>{a.title}</strong>
              <p className="muted">{a.description}</p>
              <p>{a.earnedAt ? `Earned ${day(a.earnedAt)}` : `${a.progress.value} of ${a.progress.goal}`}</p>
            </li>
          ))}
        </ul>
      </section>

      {(scenarios.listed.length > 0 || scenarios.unlisted.length > 0) && (
        <section aria-labelledby="scenarios">
          <h2 id="scenarios">Scenarios</h2>
          <p className="muted">Made by {profile.handle} in the editor.</p>
          {scenarios.listed.length > 0 && <ScenarioTable scenarios={scenarios.listed} showAuthor={false} />}
          {scenarios.unlisted.length > 0 && (
            <>
              <p className="muted">Only you see these (not listed):</p>
              <ul>
                {scenarios.unlisted.map((s) => (
                  <li key={s.id}>
                    {s.name} <span className="muted">{`(${s.status})`}</span> <Link href={`/scenarios/${encodeURIComponent(s.id)}/edit`}>Edit</Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      <section aria-labelledby="runs">
        <h2 id="runs">Runs</h2>
        {profile.runs.total === 0 ? (
          <p className="muted">No finished runs yet.</p>
        ) : (
          <>
            <ScrollTable labelledBy="runs" columns={["Finished", "Scenario", "Tier", "Verdict", "Score", "Replay"]} testId="runs">
              {profile.runs.items.map((r) => (
                <tr key={r.id} data-verdict={r.verdict}>
                  <td>{when(r.finishedAt)}</td>
                  <td>{name(r.scenario)}</td>
                  <td>{tierName(r.tier)}</td>
                  <td>{r.verdict}</td>
                  <td className={styles.numeric}>{r.score === null ? "–" : r.score.toLocaleString("en-US")}</td>
                  <td>{r.replay ? <Link href={r.replay}>Watch</Link> : <span className="muted">–</span>}</td>
                </tr>
              ))}
            </ScrollTable>
            {profile.runs.pages > 1 && <Pages handle={profile.handle} page={profile.runs.page} pages={profile.runs.pages} />}
          </>
        )}
      </section>
    </article>
  );
}

function Progress({ progress }: { progress: ScenarioProgress }) {
  const { points, name, verifiedRuns } = progress;
  const id = `progress-${progress.scenario}`;
  const last = points[points.length - 1]!;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{name}</h3>
      {verifiedRuns > points.length && <p className="muted">The newest {points.length} of {verifiedRuns} verified runs.</p>}
      <div className={styles.charts}>
        <ProgressChart
          points={points}
          kind="score"
          label={`${name}: score of ${points.length} verified run${points.length === 1 ? "" : "s"} by tier, with the personal-best line (now ${last.personalBest}). The table below has the numbers.`}
        />
        <ProgressChart points={points} kind="trends" label={`${name}: accuracy, reaction time and kills per second per run. The table below has the numbers.`} />
      </div>
      <details>
        <summary>{name}: the runs as a table</summary>
        <ScrollTable label={`${name} runs`} columns={["Finished", "Tier", "Score", "Personal best", "Accuracy", "Reaction (median)", "Kills / s"]}>
          {points.map((p) => (
            <PointRow key={p.runId} p={p} />
          ))}
        </ScrollTable>
      </details>
    </section>
  );
}

function PointRow({ p }: { p: ProgressPoint }) {
  const dash = <span className="muted">–</span>;
  return (
    <tr>
      <td>{when(p.at)}</td>
      <td>{tierName(p.tier)}</td>
      <td className={styles.numeric}>{p.score}</td>
      <td className={styles.numeric}>{p.personalBest}</td>
      <td className={styles.numeric}>{p.accuracy === null ? dash : `${(p.accuracy * 100).toFixed(1)} %`}</td>
      <td className={styles.numeric}>{p.reactionTimeMedianMs === null ? dash : `${Math.round(p.reactionTimeMedianMs)} ms`}</td>
      <td className={styles.numeric}>{p.killsPerSecond === null ? dash : p.killsPerSecond.toFixed(2)}</td>
    </tr>
  );
}

/** One row per scenario and period, a column per tier filter: "rank of size · best". */
function Ranks({ ranks, name }: { ranks: ProfileRank[]; name: (id: string) => string }) {
  const rows = new Map<string, ProfileRank[]>();
  for (const r of ranks) {
    const key = `${r.scenario}|${r.period}`;
    rows.set(key, [...(rows.get(key) ?? []), r]);
  }
  const cell = (row: ProfileRank[], tier: string) => {
    const r = row.find((x) => x.tier === tier);
    return <td className={styles.numeric}>{r ? `${r.rank} of ${r.size} · ${r.score.toLocaleString("en-US")}` : <span className="muted">–</span>}</td>;
  };
  return (
    <ScrollTable labelledBy="ranks" columns={["Scenario", "Board", "All tiers", "Free", "Ultimate"]} testId="ranks">
      {[...rows.entries()].map(([key, row]) => (
        <tr key={key}>
          <td>{name(row[0]!.scenario)}</td>
          <td>{PERIOD_NAMES[row[0]!.period] ?? row[0]!.period}</td>
          {cell(row, "all")}
          {cell(row, "free")}
          {cell(row, "ultimate")}
        </tr>
      ))}
    </ScrollTable>
  );
}

function Pages({ handle, page, pages }: { handle: string; page: number; pages: number }) {
  const href = (n: number) => `${profileHref(handle)}?page=${n}#runs`;
  return (
    <nav className={styles.pages} aria-label="Runs pages">
      {page > 1 && <Link href={href(page - 1)}>Newer runs</Link>}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages && <Link href={href(page + 1)}>Older runs</Link>}
    </nav>
  );
}

/** A table that scrolls sideways inside its own focusable box on a narrow screen (never the page). */
function ScrollTable({ label, labelledBy, columns, testId, children }: { label?: string; labelledBy?: string; columns: string[]; testId?: string; children: ReactNode }) {
  return (
    <div className={styles.scroll} role="region" aria-label={label} aria-labelledby={labelledBy} tabIndex={0}>
      <table data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { SCENARIO_KIND_LABELS } from "@/lib/contracts/scenario-kinds";
import WeeklyTop from "@/app/leaderboards/WeeklyTop";
import { normalizeShareCode, type PlayerScenarioView } from "@/lib/contracts/player-scenarios";
import { profileHref } from "@/lib/contracts/profiles";
import { foundOrNull } from "@/server/errors";
import { pagePlayer } from "@/server/players/page-session";
import { runtime } from "@/server/runtime";
import { readPlayerScenario } from "@/server/scenarios/player/view";

/**
 * A shared scenario, opened by its code (any case, dashes and spaces ignored): what it is, who made
 * it, its versions (each with its own board), a Play button for the latest version and that
 * version's top 10 of the week. Unknown, unpublished-from-the-start and hidden codes are a 404
 * (the author still sees theirs).
 */
type Props = { params: Promise<{ code: string }> };

const loadShared = cache(async (input: string): Promise<PlayerScenarioView | null> => {
  const code = normalizeShareCode(decodeURIComponent(input));
  if (!code) return null;
  const viewer = await pagePlayer();
  return foundOrNull(readPlayerScenario(runtime().db, { code }, viewer?.id ?? null));
});

export async function generateMetadata({ params }: Props) {
  const shared = await loadShared((await params).code);
  return { title: `${shared?.name ?? "Scenario not found"} · Flickboard` };
}

export default async function SharedScenario({ params }: Props) {
  const shared = await loadShared((await params).code);
  if (!shared) notFound();
  const latest = shared.latest;
  const playable = latest !== null && shared.status === "published";
  return (
    <section className="shared-scenario">
      <p className="muted">
        {SCENARIO_KIND_LABELS[shared.kind]} · by <Link href={profileHref(shared.author.handle)}>{shared.author.handle}</Link> · code{" "}
        <strong data-share-code={shared.code}>{shared.code}</strong>
      </p>
      <h1>{shared.name}</h1>
      {shared.description && <p>{shared.description}</p>}
      {latest && <p className="muted">{latest.definition.durationMs / 1000} s · version {latest.versionNumber}</p>}
      {shared.status === "unpublished" && <p className="error">Its author unpublished this scenario: its boards stay, it cannot be played.</p>}
      {shared.status === "hidden" && <p className="error">An admin hid this scenario: only you see this page.</p>}
      <p className="actions">
        {playable && (
          <Link className="button" href={`/play/${latest.scenarioId}`}>
            Play
          </Link>
        )}
        {shared.draft ? (
          <Link className="button secondary" href={`/scenarios/${shared.id}/edit`}>
            Edit
          </Link>
        ) : (
          <Link className="button secondary" href="/scenarios/new">
            Create your own
          </Link>
        )}
      </p>
      {shared.versions.length > 0 && (
        <>
          <h2>Versions</h2>
          <p className="muted">Each version has its own boards: editing a scenario makes a new version.</p>
          <table>
            <thead>
              <tr>
                <th>Version</th>
                <th>Published</th>
                <th>Board</th>
              </tr>
            </thead>
            <tbody>
              {shared.versions.map((v) => (
                <tr key={v.scenarioId}>
                  <td>{v.versionNumber}</td>
                  <td>{v.publishedAt.slice(0, 10)}</td>
                  <td>
                    <Link href={`/leaderboards?scenario=${v.scenarioId}`}>{v.scenarioId}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {latest && <WeeklyTop scenario={latest.scenarioId} />}
    </section>
  );
}

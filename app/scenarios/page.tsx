import Link from "next/link";
import { browseQuerySchema } from "@/lib/contracts/scenario-browse";
import { SCENARIO_KIND_LABELS } from "@/lib/contracts/scenario-kinds";
import { currentChallenge } from "@/server/challenge/challenge";
import { isDomainError } from "@/server/errors";
import { runtime } from "@/server/runtime";
import { browseScenarios } from "@/server/scenarios/player/browse-scenarios";
import { ScenarioSearch } from "./ScenarioSearch";
import { ScenarioTable } from "./ScenarioTable";

export const metadata = { title: "Scenarios · Flickboard" };

/**
 * /scenarios: every scenario, built-in and player-made, most played this week first; searchable by
 * name and kind (?q=&kind=), paged by ?cursor= (docs/moderation.md). Rendered on the server: no game
 * code on this page.
 */
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ScenariosPage({ searchParams }: Props) {
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const { q, kind, cursor } = raw;
  const parsed = browseQuerySchema.safeParse({ q: q || undefined, kind: kind || undefined, cursor: cursor || undefined });
  const query = parsed.success ? parsed.data : browseQuerySchema.parse({});
  const rt = runtime();
  const challenge = await currentChallenge(rt.db);
  let problem = parsed.success ? null : "That search is not one we understand: showing every scenario.";
  const page = await browseScenarios(rt.db, challenge, query).catch((err: unknown) => {
    // A cursor from an old link: the first page instead.
    if (!isDomainError(err)) throw err;
    problem = `${err.message} Showing the first page.`;
    return browseScenarios(rt.db, challenge, { ...query, cursor: undefined });
  });
  const more = page.nextCursor ? `/scenarios?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(query.kind ? { kind: query.kind } : {}), cursor: page.nextCursor })}` : null;

  return (
    <section>
      <h1>Scenarios</h1>
      <p>
        Built-in drills and the ones players made, most played this week first.{" "}
        <Link href="/scenarios/new" className="button">
          Create a scenario
        </Link>
      </p>
      <ScenarioSearch q={query.q ?? ""} kind={query.kind ?? ""} kinds={Object.entries(SCENARIO_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
      {problem && (
        <p className="error" role="status">
          {problem}
        </p>
      )}
      {page.scenarios.length > 0 ? <ScenarioTable scenarios={page.scenarios} /> : <p className="muted">No scenario matches that search.</p>}
      {more && (
        <p>
          <Link href={more}>More scenarios</Link>
        </p>
      )}
    </section>
  );
}

import { builtInScenarios } from "@/game/core";
import { runtime } from "@/server/runtime";
import LeaderboardView from "./LeaderboardView";

export const metadata = { title: "Leaderboards · Flickboard" };

/**
 * The boards of the built-ins; `?scenario=<id>` opens another stored scenario's (a player-made
 * version, "<code>-v<n>", from its share page or its play page) beside them.
 */
export default async function LeaderboardsPage({ searchParams }: { searchParams: Promise<{ scenario?: string | string[] }> }) {
  const { scenario } = await searchParams;
  const scenarios = builtInScenarios.map((s) => ({ id: s.id, name: s.name }));
  const asked = typeof scenario === "string" ? scenario : undefined;
  if (asked && !scenarios.some((s) => s.id === asked)) {
    const stored = await runtime().db.scenario.findUnique({ where: { id: asked }, select: { id: true, name: true, versionNumber: true } });
    if (stored) scenarios.unshift({ id: stored.id, name: stored.versionNumber ? `${stored.name} · v${stored.versionNumber}` : stored.name });
  }
  return <LeaderboardView scenarios={scenarios} initial={asked} />;
}

import { builtInScenarios } from "@/game/core";
import LeaderboardView from "./LeaderboardView";

export const metadata = { title: "Leaderboards · Flickboard" };

export default function LeaderboardsPage() {
  return <LeaderboardView scenarios={builtInScenarios.map((s) => ({ id: s.id, name: s.name }))} />;
}

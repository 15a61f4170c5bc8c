import { pagePlayer } from "@/server/players/page-session";
import HandleNeeded from "../editor/HandleNeeded";
import ScenarioEditor from "../editor/ScenarioEditor";

export const metadata = { title: "New scenario · Flickboard" };

/** A new player-made scenario, started from a built-in preset; named players only. */
export default async function NewScenario() {
  const player = await pagePlayer();
  if (!player || player.guest) return <HandleNeeded guest={Boolean(player?.guest)} />;
  return <ScenarioEditor initial={null} />;
}

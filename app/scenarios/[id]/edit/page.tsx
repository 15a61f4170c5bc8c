import { notFound } from "next/navigation";
import { foundOrNull } from "@/server/errors";
import { pagePlayer } from "@/server/players/page-session";
import { runtime } from "@/server/runtime";
import { readPlayerScenario } from "@/server/scenarios/player/view";
import HandleNeeded from "../../editor/HandleNeeded";
import ScenarioEditor from "../../editor/ScenarioEditor";

export const metadata = { title: "Edit scenario · Flickboard" };

/** The author edits their scenario; anyone else finds nothing here (a 404, as for an unknown id). */
export default async function EditScenario({ params }: { params: Promise<{ id: string }> }) {
  const player = await pagePlayer();
  if (!player || player.guest) return <HandleNeeded guest={Boolean(player?.guest)} />;
  const scenario = await foundOrNull(readPlayerScenario(runtime().db, { id: (await params).id }, player.id));
  if (!scenario?.draft) notFound();
  return <ScenarioEditor initial={scenario} />;
}

import { builtInScenarios } from "@/game/core";
import { PLAYLIST_LIMITS } from "@/lib/contracts/playlists";
import NewPlaylistForm from "./NewPlaylistForm";

export const metadata = { title: "New playlist · Flickboard" };

/** Builds a playlist from built-in scenarios and player-made ones by share code (docs/playlists.md). */
export default function NewPlaylist() {
  return (
    <section>
      <h1>New playlist</h1>
      <p className="muted">Two to ten scenarios, played back to back; the total has its own board. Share it by its code.</p>
      <NewPlaylistForm builtIns={builtInScenarios.map((s) => ({ scenarioId: s.id, name: s.name }))} limits={PLAYLIST_LIMITS} />
    </section>
  );
}

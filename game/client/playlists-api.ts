/** The browser's side of the playlists API (docs/playlists.md): make one, start a play, finish it, read its board. */
import type { CreatePlaylistBody, PlaylistBoard, PlaylistPlayView, PlaylistView, PlaySummary } from "../../lib/contracts/playlists";
import type { TierFilter } from "../../lib/contracts/boards";
import type { TierName } from "../core";
import { json } from "./api";

const post = (url: string, body?: unknown) =>
  fetch(url, body === undefined ? { method: "POST" } : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

export async function createPlaylist(body: CreatePlaylistBody): Promise<PlaylistView> {
  return (await json<{ playlist: PlaylistView }>(await post("/api/playlists", body))).playlist;
}

export async function startPlaylistPlay(playlistId: string, tier: TierName): Promise<PlaylistPlayView> {
  return (await json<{ play: PlaylistPlayView }>(await post(`/api/playlists/${playlistId}/plays`, { tier }))).play;
}

/** Sums the play (every item verified); answers its summary. */
export async function finishPlaylistPlay(playId: string): Promise<PlaySummary> {
  return (await json<{ summary: PlaySummary }>(await post(`/api/playlist-plays/${playId}/finish`))).summary;
}

export async function fetchPlaylistBoard(playlistId: string, tier: TierFilter, limit = 10): Promise<PlaylistBoard> {
  return (await json<{ board: PlaylistBoard }>(await fetch(`/api/playlists/${playlistId}/board?tier=${tier}&limit=${limit}`))).board;
}

/** The scenario id of a player-made scenario's latest published version, from its share code. */
export async function latestVersionByCode(code: string): Promise<{ scenarioId: string; name: string }> {
  const { scenario } = await json<{ scenario: { name: string; latest: { scenarioId: string } | null } }>(
    await fetch(`/api/scenarios/by-code/${encodeURIComponent(code)}`),
  );
  if (!scenario.latest) throw { status: 404, code: "scenario_not_found", message: "That scenario is not published yet." };
  return { scenarioId: scenario.latest.scenarioId, name: scenario.name };
}

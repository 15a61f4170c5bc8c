/**
 * Reads a playlist as the API answers it (PlaylistView), by id or share code, with each item's
 * scenario name and whether its pinned version can still be played. A hidden playlist is found by
 * nobody but its author.
 */
import type { Scenario, ScenarioKind } from "../../game/core";
import { normalizeShareCode } from "../../lib/contracts/player-scenarios";
import type { PlaylistView } from "../../lib/contracts/playlists";
import type { Db } from "../db/client";
import { foundOrNull, NotFound } from "../errors";
import { ITEMS_INCLUDE, playableAt } from "./playable";

const INCLUDE = {
  author: { select: { handle: true } },
  items: ITEMS_INCLUDE,
} as const;

/** The playlist with each item's pinned definition (the play page runs them). */
export async function readPlaylistWithDefinitions(
  db: Db,
  where: { id: string } | { code: string },
  viewerId: string | null,
): Promise<{ playlist: PlaylistView; definitions: Scenario[] }> {
  const row = await db.playlist.findUnique({ where, include: INCLUDE });
  if (!row || (row.hiddenAt && row.authorId !== viewerId)) throw new NotFound("playlist_not_found", "No playlist has that code.");
  const definitions = row.items.map((item) => item.scenario.definition as unknown as Scenario);
  const playlist: PlaylistView = {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    author: { handle: row.author.handle },
    items: row.items.map((item, i) => ({
      position: item.position,
      scenarioId: item.scenarioId,
      version: item.scenarioVersion,
      name: item.scenario.scenario.name,
      kind: item.scenario.scenario.kind as ScenarioKind,
      durationMs: definitions[i]!.durationMs,
      playable: playableAt(item.scenario.scenario, item.scenarioVersion),
    })),
    createdAt: row.createdAt.toISOString(),
  };
  return { playlist, definitions };
}

export async function readPlaylist(db: Db, where: { id: string } | { code: string }, viewerId: string | null): Promise<PlaylistView> {
  return (await readPlaylistWithDefinitions(db, where, viewerId)).playlist;
}

/** The playlist a /p/<code> page shows (a typed code in any case), or null when no visible playlist has it. */
export async function playlistByCode(db: Db, rawCode: string): Promise<{ playlist: PlaylistView; definitions: Scenario[] } | null> {
  const code = normalizeShareCode(rawCode);
  if (!code) return null;
  return foundOrNull(readPlaylistWithDefinitions(db, { code }, null));
}

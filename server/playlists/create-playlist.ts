/**
 * A named player makes a playlist: a name and description that pass the handles' blocklist, and 2 to
 * 10 scenarios, each pinned at the version playable now (a built-in's current version, or a
 * player-made version "<code>-v<n>"). The playlist gets a share code that opens /p/<code>.
 */
import { PLAYLIST_LIMITS, type PlaylistView } from "../../lib/contracts/playlists";
import { audit } from "../audit";
import type { Db } from "../db/client";
import { transact } from "../db/transact";
import { Forbidden, InvalidInput } from "../errors";
import { withFreshRandomKey } from "../players/players";
import { newShareCode, refuseBlockedText } from "../scenarios/player/draft";
import { PLAYABLE_INCLUDE, playableAt } from "./playable";
import { readPlaylist } from "./read-playlist";

const L = PLAYLIST_LIMITS;

/** The name and description as stored, or an InvalidInput naming the field. */
function acceptText(input: { name: string; description: string }) {
  const name = input.name.trim();
  const description = input.description.trim();
  if (name.length === 0) throw new InvalidInput("invalid_playlist", "name: a name is required.");
  if (name.length > L.maxNameLength) throw new InvalidInput("invalid_playlist", `name: at most ${L.maxNameLength} characters.`);
  if (description.length > L.maxDescriptionLength) throw new InvalidInput("invalid_playlist", `description: at most ${L.maxDescriptionLength} characters.`);
  refuseBlockedText({ name, description });
  return { name, description };
}

/** Each item's scenario id with the version it is pinned at, or an InvalidInput naming the first bad item. */
async function pinItems(db: Db, ids: string[]): Promise<{ scenarioId: string; scenarioVersion: string }[]> {
  if (ids.length < L.minItems || ids.length > L.maxItems) {
    throw new InvalidInput("invalid_playlist", `items: a playlist holds ${L.minItems} to ${L.maxItems} scenarios, not ${ids.length}.`);
  }
  const found = await db.scenario.findMany({ where: { id: { in: ids } }, include: PLAYABLE_INCLUDE });
  const byId = new Map(found.map((s) => [s.id, s]));
  return ids.map((id, i) => {
    const scenario = byId.get(id);
    if (!scenario || !playableAt(scenario, scenario.currentVersion)) {
      throw new InvalidInput(
        "invalid_playlist",
        `items.${i}: "${id}" is not a playable scenario (a built-in by its id, or a published player-made version as <code>-v<n>).`,
      );
    }
    return { scenarioId: id, scenarioVersion: scenario.currentVersion };
  });
}

export async function createPlaylist(
  db: Db,
  input: { author: { id: string; guest: boolean }; name: string; description: string; items: string[] },
): Promise<PlaylistView> {
  if (input.author.guest) throw new Forbidden("handle_required", "Choose a handle first: playlists are shared under their author's name.");
  const text = acceptText(input);
  const items = await pinItems(db, input.items);
  const row = await withFreshRandomKey(() =>
    transact(db, async (tx) => {
      const playlist = await tx.playlist.create({
        data: { code: newShareCode(), authorId: input.author.id, ...text, items: { create: items.map((item, position) => ({ position, ...item })) } },
      });
      await audit(tx, {
        actorType: "player",
        actorId: input.author.id,
        action: "playlist.create",
        targetType: "playlist",
        targetId: playlist.id,
        details: { code: playlist.code, items: items.map((i) => i.scenarioId) },
      });
      return playlist;
    }),
  );
  return readPlaylist(db, { id: row.id }, input.author.id);
}

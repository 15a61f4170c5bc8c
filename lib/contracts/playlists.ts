/**
 * Playlists over the API (docs/playlists.md): an ordered list of scenario versions with a share code,
 * played back to back as one play (a ranked run per item), summed into a total with its own board.
 */
import { z } from "zod";
import { tierNames, type ScenarioKind, type TierName } from "../../game/core";
import { TIER_FILTERS, type TierFilter } from "./boards";

export const PLAYLIST_LIMITS = {
  minItems: 2,
  maxItems: 10,
  maxNameLength: 60,
  maxDescriptionLength: 300,
} as const;

/**
 * POST /api/playlists. Each item is a scenario id: a built-in's ("gridshot", played at its current
 * version) or a player-made version's ("<code>-v<n>"). The item count and each item are checked by
 * the server, which names the bad one (invalid_playlist).
 */
export const createPlaylistBodySchema = z.strictObject({
  name: z.string().max(200),
  description: z.string().max(1000).default(""),
  items: z.array(z.string().min(1).max(64)).max(50),
});
export type CreatePlaylistBody = z.input<typeof createPlaylistBodySchema>;

/** POST /api/playlists/[id]/plays: the tier every run of the play is on. */
export const startPlayBodySchema = z.strictObject({ tier: z.enum(tierNames as [TierName, ...TierName[]]) });

/** In POST /api/runs: the run is item `position` (0-based) of the player's play `playId`. */
export const playlistRunSchema = z.strictObject({
  playId: z.string().min(1).max(64),
  position: z.number().int().min(0).max(PLAYLIST_LIMITS.maxItems - 1),
});
export type PlaylistRunFields = z.infer<typeof playlistRunSchema>;

/** GET /api/playlists/[id]/board. */
export const playlistBoardQuerySchema = z.object({
  tier: z.enum(TIER_FILTERS).default("all"),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});

export interface PlaylistItemView {
  position: number;
  /** The Scenario id runs use. */
  scenarioId: string;
  /** The pinned version (content hash). */
  version: string;
  name: string;
  kind: ScenarioKind;
  durationMs: number;
  /** False once the version cannot be played (unpublished, hidden, or a built-in since changed). */
  playable: boolean;
}

export interface PlaylistView {
  id: string;
  code: string;
  name: string;
  description: string;
  author: { handle: string };
  items: PlaylistItemView[];
  createdAt: string;
}

export interface PlaylistPlayView {
  id: string;
  playlistId: string;
  tier: TierName;
  startedAt: string;
}

export interface PlaylistBoardRow {
  rank: number;
  player: { id: string; handle: string };
  total: number;
  achievedAt: string;
  playId: string;
}

export interface PlaylistBoard {
  playlist: { id: string; code: string; name: string };
  tier: TierFilter;
  /** Players on the board. */
  size: number;
  /** The top `limit`, best total first (an earlier total first on a tie). */
  entries: PlaylistBoardRow[];
  /** The signed-in player's place, when they are on the board. */
  me: { rank: number; total: number } | null;
}

/** One item of a play as the summary shows it: the latest run of its position. */
export interface PlaySummaryItem {
  position: number;
  scenario: { id: string; name: string };
  run: { id: string; verdict: string | null; score: number | null } | null;
  /** For a verified run: the best verified score on this scenario before it, and by how much it beat it. */
  personalBest: { previous: number | null; improvedBy: number | null } | null;
}

export interface PlaySummary {
  play: { id: string; tier: TierName; startedAt: string; finishedAt: string | null };
  playlist: { id: string; code: string; name: string };
  items: PlaySummaryItem[];
  /** The sum of the items' verified scores, once the play is finished. */
  total: number | null;
  /** Once finished: the player's rank on the playlist's boards (all tiers, the play's tier); `best`: this play holds their best total there. */
  ranks: { tier: TierFilter; rank: number; size: number; best: boolean }[];
}

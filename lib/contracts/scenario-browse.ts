/**
 * Browsing scenarios (GET /api/scenarios/browse and the /scenarios page, docs/moderation.md): built-in
 * and player-made scenarios together, searched by name, filtered by kind, most played this week first.
 */
import { z } from "zod";
import { scenarioKinds, type ScenarioKind } from "../../game/core";

/** Scenarios an answer holds unless `limit` says otherwise. */
export const BROWSE_PAGE_SIZE = 24;

export const browseQuerySchema = z.strictObject({
  /** Part of the name, any case. */
  q: z.string().trim().max(60).optional(),
  kind: z.enum(scenarioKinds).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(BROWSE_PAGE_SIZE),
  cursor: z.string().max(200).optional(),
});
export type BrowseQuery = z.infer<typeof browseQuerySchema>;

/** One scenario of the listing. */
export interface BrowseEntry {
  source: "built-in" | "player-made";
  /** The built-in's scenario id, or the player-made scenario's id. */
  id: string;
  /** The player-made scenario's share code; null for a built-in. */
  code: string | null;
  name: string;
  description: string;
  kind: ScenarioKind;
  /** "Flickboard" for a built-in; the author's handle (linked to their profile) for a player-made one. */
  author: { name: string; handle: string | null };
  /** Runs started this challenge week, on any of its versions. */
  playsThisWeek: number;
  /** The scenario id whose boards the top score is from: the built-in, or the latest published version. */
  scenarioId: string;
  /** The best score on that scenario's all-time board (all tiers), and who holds it. */
  top: { score: number; handle: string } | null;
  /** Where to play it: /play/<id> for a built-in, the share page /s/<code> for a player-made one. */
  href: string;
}

export interface BrowsePage {
  /** The challenge week the plays are counted in (null outside the weekly schedule: no plays counted). */
  week: { startsAt: string; endsAt: string } | null;
  scenarios: BrowseEntry[];
  /** Continues after the last entry; null on the last page. */
  nextCursor: string | null;
}

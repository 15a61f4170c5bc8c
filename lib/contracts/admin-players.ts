/** The admin API's players: search, disqualify and reinstate (docs/admin.md, "Players"). */
import { z } from "zod";
import type { OfferedPlace } from "./awards";

/** GET /api/admin/players?q= : players whose handle contains q (any case), or whose id is q; the newest without q. */
export const playerSearchQuerySchema = z.strictObject({ q: z.string().trim().max(64).optional() });

/** POST /api/admin/players/:playerId/disqualify */
export const disqualifyPlayerBodySchema = z.strictObject({ note: z.string().trim().min(1, "say why").max(1000) });

/** POST /api/admin/players/:playerId/reinstate */
export const reinstatePlayerBodySchema = z.strictObject({ note: z.string().trim().max(1000).optional() });

export interface AdminPlayerRow {
  id: string;
  handle: string;
  disqualified: boolean;
  disqualifiedAt: string | null;
  disqualifyNote: string | null;
  /** Runs of every verdict, and by verdict ("abandoned" among them). */
  runs: number;
  history: Record<string, number>;
  createdAt: string;
}

/** An unpaid prize a disqualification forfeited, and who its place was offered to (null: nobody eligible was left). */
export interface ForfeitedAward {
  awardId: string;
  /** Its status before: review, pending, contacted or claimed. */
  from: string;
  offered: OfferedPlace | null;
}

/** The answer to a disqualification: how many open boards the player left, and the prizes forfeited. */
export interface DisqualifyPlayerAnswer {
  boards: number;
  forfeited: ForfeitedAward[];
}

/** The answer to a reinstatement: how many open boards the player is back on. */
export interface ReinstatePlayerAnswer {
  boards: number;
}

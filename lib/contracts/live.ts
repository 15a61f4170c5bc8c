/**
 * Live boards over socket.io: the events each side may send, typed for
 * `Server<ClientToServerEvents, ServerToClientEvents>` and `Socket<ServerToClientEvents, ClientToServerEvents>`.
 */
import { z } from "zod";
import { TIER_FILTERS, type BoardMeta, type BoardRow } from "./boards";
import type { ErrorBody } from "./errors";

export const subscribeSchema = z.strictObject({
  scenario: z.string().min(1).max(64),
  period: z.string().max(16),
  tier: z.enum(TIER_FILTERS),
  key: z.string().max(40).optional(),
});
export type Subscribe = z.infer<typeof subscribeSchema>;

export const unsubscribeSchema = z.strictObject({ board: z.string().max(200) });

export type BoardRef = Pick<BoardMeta, "scenario" | "period" | "key" | "tier">;
export type SubscribeAck = ({ ok: true; board: BoardMeta; version: number }) | ({ ok: false } & ErrorBody);

/** The top of a board after a change; `version` goes up by one per update of that board. */
export interface BoardUpdate {
  board: BoardRef;
  version: number;
  top: BoardRow[];
  size: number;
}

/** The signed-in player's own new rank on a board. */
export interface RankUpdate {
  board: BoardRef;
  version: number;
  rank: number | null;
}

/** A board's period closed: its winners (the review before payout comes later). */
export interface PeriodClosedEvent {
  scenarioId: string;
  periodKind: string;
  periodKey: string;
  tier: string;
  winners: { place: number; handle: string; score: number; prize: string }[];
}

export interface ClientToServerEvents {
  "board:subscribe": (payload: Subscribe, ack: (answer: SubscribeAck) => void) => void;
  "board:unsubscribe": (payload: { board: string }) => void;
}

export interface ServerToClientEvents {
  "board:update": (update: BoardUpdate) => void;
  "board:rank": (update: RankUpdate) => void;
  "period:closed": (close: PeriodClosedEvent) => void;
}

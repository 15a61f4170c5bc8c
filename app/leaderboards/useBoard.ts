"use client";

/**
 * A board, kept current: fetched over HTTP once, then each socket.io `board:update` (the server
 * coalesces changes; it carries the board's new top) is applied as it comes. Updates are numbered:
 * a gap means one was missed, and the board is fetched again. The caller's own standing alongside,
 * fetched again when `board:rank` says their rank changed.
 *
 * socket.io-client is loaded when a board is shown, not imported with the component: pages that
 * only link to a board (and prefetch it) do not download it. A board the caller does not show yet
 * (`follow` false: below the fold) is fetched but not followed; when `follow` turns true it is
 * fetched again and followed from then on.
 */
import { useEffect, useState } from "react";
import type { Socket } from "socket.io-client";
import type { BoardMeta, BoardRow, TierFilter } from "@/lib/contracts/boards";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/contracts/live";

export interface BoardQuery {
  scenario: string;
  period: string;
  tier: TierFilter;
  key?: string;
  limit?: number;
}

export interface BoardState {
  board: BoardMeta | null;
  entries: BoardRow[];
  standing: { player: { rank: number; score: number } | null; around: BoardRow[]; size: number } | null;
  error: string | null;
  live: boolean;
}

function query(q: BoardQuery): string {
  const params = new URLSearchParams({ period: q.period, tier: q.tier, limit: String(q.limit ?? 25) });
  if (q.key) params.set("key", q.key);
  return params.toString();
}

export function useBoard(q: BoardQuery, playerId: string | null, follow = true): BoardState {
  const [state, setState] = useState<BoardState>({ board: null, entries: [], standing: null, error: null, live: false });

  useEffect(() => {
    let cancelled = false;
    const limit = q.limit ?? 25;
    let version = -1;
    const loadStanding = async () => {
      if (!playerId) return;
      const standing = await (await fetch(`/api/leaderboards/${q.scenario}/players/${playerId}?${query(q)}`)).json();
      if (!cancelled) setState((s) => ({ ...s, standing }));
    };
    const load = async () => {
      const res = await fetch(`/api/leaderboards/${q.scenario}?${query(q)}`);
      const body = await res.json();
      if (cancelled) return;
      if (!res.ok) return setState((s) => ({ ...s, error: body.error?.message ?? `HTTP ${res.status}` }));
      setState((s) => ({ ...s, board: body.board, entries: body.entries, error: null }));
      await loadStanding();
    };
    void load();

    let socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
    if (follow) void import("socket.io-client").then(({ io }) => {
      if (cancelled) return;
      const live: Socket<ServerToClientEvents, ClientToServerEvents> = io({ path: "/socket.io", transports: ["websocket"] });
      socket = live;
      live.on("connect", () => {
        live.emit("board:subscribe", { scenario: q.scenario, period: q.period, tier: q.tier, key: q.key }, (ack) => {
          if (cancelled) return;
          if (ack.ok) version = ack.version;
          setState((s) => ({ ...s, live: ack.ok }));
        });
      });
      live.on("board:update", (update) => {
        const missed = version >= 0 && update.version !== version + 1;
        version = update.version;
        if (missed) return void load();
        setState((s) => ({
          ...s,
          entries: update.top.slice(0, limit),
          standing: s.standing ? { ...s.standing, size: update.size } : s.standing,
        }));
      });
      live.on("board:rank", () => void loadStanding());
      live.on("disconnect", () => !cancelled && setState((s) => ({ ...s, live: false })));
    });
    return () => {
      cancelled = true;
      socket?.close();
    };
  }, [q.scenario, q.period, q.tier, q.key, q.limit, playerId, follow]);

  return state;
}

/** "2d 4h", "3h 12m", "45s": time until an instant. */
export function timeUntil(iso: string, now = Date.now()): string {
  const s = Math.max(0, Math.floor((Date.parse(iso) - now) / 1000));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  return m > 0 ? `${m}m ${s % 60}s` : `${s}s`;
}

"use client";

/**
 * A board, kept current: fetched over HTTP, refetched when socket.io says it changed (the server
 * coalesces updates), and the caller's own standing alongside.
 */
import { useEffect, useState } from "react";
import { io, type Socket } from "socket.io-client";
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

export function useBoard(q: BoardQuery, playerId: string | null): BoardState {
  const [state, setState] = useState<BoardState>({ board: null, entries: [], standing: null, error: null, live: false });

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      const res = await fetch(`/api/leaderboards/${q.scenario}?${query(q)}`);
      const body = await res.json();
      if (cancelled) return;
      if (!res.ok) return setState((s) => ({ ...s, error: body.error?.message ?? `HTTP ${res.status}` }));
      const standing = playerId ? await (await fetch(`/api/leaderboards/${q.scenario}/players/${playerId}?${query(q)}`)).json() : null;
      if (!cancelled) setState((s) => ({ ...s, board: body.board, entries: body.entries, standing, error: null }));
    };
    void load();

    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ path: "/socket.io", transports: ["websocket"] });
    socket.on("connect", () => {
      socket.emit("board:subscribe", { scenario: q.scenario, period: q.period, tier: q.tier, key: q.key }, (ack) => {
        if (!cancelled) setState((s) => ({ ...s, live: ack.ok }));
      });
    });
    socket.on("board:update", () => void load());
    socket.on("board:rank", () => void load());
    socket.on("disconnect", () => !cancelled && setState((s) => ({ ...s, live: false })));
    return () => {
      cancelled = true;
      socket.close();
    };
  }, [q.scenario, q.period, q.tier, q.key, q.limit, playerId]);

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

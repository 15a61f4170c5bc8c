"use client";

/**
 * A playlist's board of best totals, on a tier filter the viewer picks: the top 10 (the shared
 * BoardTable, the viewer's row marked) and the viewer's own rank when they are further down.
 */
import { useEffect, useState } from "react";
import { fetchPlaylistBoard } from "@/game/client/playlists-api";
import type { TierFilter } from "@/lib/contracts/boards";
import type { PlaylistBoard as Board } from "@/lib/contracts/playlists";
import BoardTable from "@/app/leaderboards/BoardTable";

const TIERS: [TierFilter, string][] = [
  ["all", "All tiers"],
  ["free", "Free"],
  ["ultimate", "Ultimate"],
];

export default function PlaylistBoard({ playlistId, initialTier = "all" }: { playlistId: string; initialTier?: TierFilter }) {
  const [tier, setTier] = useState<TierFilter>(initialTier);
  const [board, setBoard] = useState<Board | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    fetchPlaylistBoard(playlistId, tier).then(
      (b) => {
        if (!current) return;
        setBoard(b);
        setError(null);
      },
      (e: { message?: string }) => {
        if (current) setError(e.message ?? "The board could not be loaded.");
      },
    );
    return () => {
      current = false;
    };
  }, [playlistId, tier]);
  const rows = (board?.entries ?? []).map((e) => ({ ...e, score: e.total, runId: e.playId, tier, fps: null }));
  // The viewer's row is marked on the table; below the top 10, their rank is said under it.
  const me = board?.entries.find((e) => e.rank === board.me?.rank)?.player.id ?? null;
  const mine = board?.me && !me ? board.me : null;
  return (
    <section className="playlist-board" data-testid="playlist-board">
      <h2>Playlist board</h2>
      <div className="board-controls">
        <div className="segmented" role="group" aria-label="tier">
          {TIERS.map(([value, label]) => (
            <button key={value} type="button" aria-pressed={tier === value} onClick={() => setTier(value)}>
              {label}
            </button>
          ))}
        </div>
        {board && <span className="muted">{board.size === 1 ? "1 player" : `${board.size} players`}</span>}
      </div>
      {error && <p className="error">{error}</p>}
      <BoardTable rows={rows} me={me} compact />
      {mine && (
        <p data-testid="my-playlist-rank">
          You: #{mine.rank} with {mine.total}
        </p>
      )}
    </section>
  );
}

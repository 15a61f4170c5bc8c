import Link from "next/link";
import type { BoardRow } from "@/lib/contracts/boards";
import { hasProfile, profileHref } from "@/lib/contracts/profiles";

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });

/**
 * Board rows: rank, handle, score, tier, fps, when; the viewer's own row highlighted. A handle links
 * to the player's profile, not prefetched: a board shows dozens, and most are never opened.
 */
export default function BoardTable({ rows, me, compact = false }: { rows: BoardRow[]; me?: string | null; compact?: boolean }) {
  if (rows.length === 0) return <p className="muted">No verified runs on this board yet.</p>;
  return (
    <table className="board">
      <thead>
        <tr>
          <th>#</th>
          <th>Player</th>
          <th>Score</th>
          {!compact && <th>Tier</th>}
          {!compact && <th>FPS</th>}
          {!compact && <th>When</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.player.id} className={r.player.id === me ? "me" : undefined} data-player={r.player.handle}>
            <td>{r.rank}</td>
            <td>
              {hasProfile(r.player.handle) ? (
                <Link href={profileHref(r.player.handle)} prefetch={false}>
                  {r.player.handle}
                </Link>
              ) : (
                r.player.handle
              )}
              {r.player.id === me && <span className="you"> (you)</span>}
            </td>
            <td>{r.score}</td>
            {!compact && <td>{r.tier === "ultimate" ? "Ultimate" : "Free"}</td>}
            {!compact && <td>{r.fps === null ? "–" : Math.round(r.fps)}</td>}
            {!compact && <td>{when(r.achievedAt)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

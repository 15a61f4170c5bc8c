"use client";

import Link from "next/link";
import BoardTable from "./BoardTable";
import { timeUntil, useBoard } from "./useBoard";

/** A scenario's top 10 of the week, live. */
export default function WeeklyTop({ scenario }: { scenario: string }) {
  const { board, entries } = useBoard({ scenario, period: "week", tier: "all", limit: 10 }, null);
  return (
    <aside className="weekly-top">
      <h2>This week&apos;s top 10</h2>
      {board?.nextResetAt && <p className="muted">Resets in {timeUntil(board.nextResetAt)}</p>}
      <BoardTable rows={entries} compact />
      <Link href={`/leaderboards?scenario=${encodeURIComponent(scenario)}`}>All leaderboards</Link>
    </aside>
  );
}

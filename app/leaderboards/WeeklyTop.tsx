"use client";

import Link from "next/link";
import { useEffect, useRef, useState, type RefObject } from "react";
import BoardTable from "./BoardTable";
import { timeUntil, useBoard } from "./useBoard";

/**
 * A scenario's top 10 of the week, live once it is on screen: under the game it starts below the
 * fold, and a player who never scrolls to it does not download socket.io-client or hold a socket.
 */
export default function WeeklyTop({ scenario }: { scenario: string }) {
  const ref = useRef<HTMLElement>(null);
  const seen = useSeen(ref);
  const { board, entries } = useBoard({ scenario, period: "week", tier: "all", limit: 10 }, null, seen);
  return (
    <aside ref={ref} className="weekly-top">
      <h2>This week&apos;s top 10</h2>
      {board?.nextResetAt && <p className="muted">Resets in {timeUntil(board.nextResetAt)}</p>}
      <BoardTable rows={entries} compact />
      <Link href={`/leaderboards?scenario=${encodeURIComponent(scenario)}`}>All leaderboards</Link>
    </aside>
  );
}

/** Whether the element has been in the viewport (it stays true). */
function useSeen(ref: RefObject<HTMLElement | null>): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || seen) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setSeen(true);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, seen]);
  return seen;
}

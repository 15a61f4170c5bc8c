/**
 * A board's top as the kiosk screens show it: rank, handle, score and the tier it was set on. The big
 * screen links handles to their profiles (`linked`); a booth does not, so nobody leaves kiosk mode.
 */
import Link from "next/link";
import type { BoardRow } from "@/lib/contracts/boards";
import { hasProfile, profileHref } from "@/lib/contracts/profiles";

export default function BoardList({ title, entries, rows, testId, linked = false }: { title: string; entries: BoardRow[]; rows: number; testId: string; linked?: boolean }) {
  return (
    <section className="kiosk-board" data-testid={testId}>
      <h2>{title}</h2>
      <ol>
        {Array.from({ length: rows }, (_, i) => {
          const e = entries[i];
          const handle = e && linked && hasProfile(e.player.handle) ? <Link href={profileHref(e.player.handle)} prefetch={false}>{e.player.handle}</Link> : (e?.player.handle ?? "—");
          return (
            <li key={e?.player.id ?? `empty-${i}`} className={e ? undefined : "empty"} data-handle={e?.player.handle}>
              <span className="rank">{e?.rank ?? i + 1}</span>
              <span className="handle">{handle}</span>
              <span className="score">{e ? e.score.toLocaleString("en-US") : ""}</span>
              <span className="tier">{e ? (e.tier === "ultimate" ? "Ultimate" : "Free") : ""}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** A board's top as the kiosk screens show it: rank, handle, score and the tier it was set on. */
import type { BoardRow } from "@/lib/contracts/boards";

export default function BoardList({ title, entries, rows, testId }: { title: string; entries: BoardRow[]; rows: number; testId: string }) {
  return (
    <section className="kiosk-board" data-testid={testId}>
      <h2>{title}</h2>
      <ol>
        {Array.from({ length: rows }, (_, i) => {
          const e = entries[i];
          return (
            <li key={e?.player.id ?? `empty-${i}`} className={e ? undefined : "empty"} data-handle={e?.player.handle}>
              <span className="rank">{e?.rank ?? i + 1}</span>
              <span className="handle">{e?.player.handle ?? "—"}</span>
              <span className="score">{e ? e.score.toLocaleString("en-US") : ""}</span>
              <span className="tier">{e ? (e.tier === "ultimate" ? "Ultimate" : "Free") : ""}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

"use client";

/**
 * The end of a playlist play: per scenario the server-verified score and the change to the personal
 * best on it, the total, and the player's rank on the playlist's boards.
 */
import Link from "next/link";
import type { PlaySummary as Summary } from "@/lib/contracts/playlists";
import { personalBestText, TIER_LABEL } from "@/app/play/[scenario]/results-text";
import styles from "../playlist.module.css";

export default function PlaySummary({ summary }: { summary: Summary }) {
  return (
    <section className="playlist-summary" data-testid="playlist-summary" aria-live="polite">
      <h2>Playlist summary</h2>
      <table className="board">
        <thead>
          <tr>
            <th>#</th>
            <th>Scenario</th>
            <th>Score</th>
            <th>Personal best</th>
          </tr>
        </thead>
        <tbody>
          {summary.items.map((item) => (
            <tr key={item.position} data-scenario={item.scenario.id}>
              <td>{item.position + 1}</td>
              <td>{item.scenario.name}</td>
              <td>{item.run?.score ?? "–"}</td>
              <td>{item.run?.score != null && item.personalBest ? personalBestText({ score: item.run.score, personalBest: item.personalBest }) : "–"}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <th scope="row">Total</th>
            <td data-testid="playlist-total">{summary.total ?? "–"}</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <ul className={styles.ranks}>
        {summary.ranks.map((r) => (
          <li key={r.tier}>
            {TIER_LABEL[r.tier]}: <strong>#{r.rank}</strong> of {r.size}
            {r.best ? " · your best total" : " · your best total is from an earlier play"}
          </li>
        ))}
      </ul>
      <p className="actions">
        <a className="button" href={`/p/${summary.playlist.code}/play?tier=${summary.play.tier}`}>
          Play it again
        </a>
        <Link className="button secondary" href={`/p/${summary.playlist.code}`}>
          Back to the playlist
        </Link>
      </p>
    </section>
  );
}

"use client";

/**
 * A playlist played back to back in the trainer: the play page (PlayClient) for each item in turn,
 * its ranked runs started as that item of one play (created on the first start), a "next" step once
 * the item has a verified run (a retry replaces it: the latest run counts), and after the last the
 * summary the server sums from the verified runs, with the playlist's board.
 */
import Link from "next/link";
import { useRef, useState } from "react";
import type { Scenario, TierName } from "@/game/core";
import type { ApiFailure } from "@/game/client/api";
import { finishPlaylistPlay, startPlaylistPlay } from "@/game/client/playlists-api";
import type { PlaylistPlayView, PlaylistView, PlaySummary as Summary } from "@/lib/contracts/playlists";
import PlayClient, { type PlaylistSlot } from "@/app/play/[scenario]/PlayClient";
import PlaylistBoard from "../PlaylistBoard";
import PlaySummary from "./PlaySummary";
import styles from "../playlist.module.css";

export default function PlaylistPlayClient({ playlist, scenarios, tier }: { playlist: PlaylistView; scenarios: Scenario[]; tier: TierName }) {
  const [position, setPosition] = useState(0);
  const [verified, setVerified] = useState(false);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [finishing, setFinishing] = useState(false);
  /** The play, created at the first start. */
  const play = useRef<Promise<PlaylistPlayView> | null>(null);
  const positionRef = useRef(position);
  positionRef.current = position;
  const last = position === scenarios.length - 1;

  const next = () => {
    setVerified(false);
    setPosition((p) => p + 1);
  };

  const finish = async () => {
    setFinishing(true);
    setError(null);
    try {
      setSummary(await finishPlaylistPlay((await play.current!).id));
    } catch (err) {
      setError((err as ApiFailure).message ?? "The play could not be summed.");
    } finally {
      setFinishing(false);
    }
  };

  /** With a verified run of the item, the way on: the next item, or after the last, the summary. */
  const wayOn = verified && (
    <>
      {last ? (
        <button className="button" onClick={() => void finish()} disabled={finishing}>
          Finish the playlist
        </button>
      ) : (
        <button className="button" onClick={next}>
          Next: {playlist.items[position + 1]!.name}
        </button>
      )}
      {error && <span className="error">{error}</span>}
    </>
  );

  const slot: PlaylistSlot = {
    tier,
    async fields() {
      setVerified(false); // a new run of the item replaces the one before
      play.current ??= startPlaylistPlay(playlist.id, tier).catch((err: ApiFailure) => {
        play.current = null;
        throw err;
      });
      return { playId: (await play.current).id, position: positionRef.current };
    },
    onAnswer(run) {
      setVerified(run.verdict === "verified");
    },
    next: wayOn,
  };

  return (
    <div className="playlist-play">
      <nav className={styles.progress} aria-label="playlist">
        <Link href={`/p/${playlist.code}`}>{playlist.name}</Link>
        <ol>
          {playlist.items.map((item) => (
            <li key={item.position} aria-current={!summary && item.position === position ? "step" : undefined}>
              {item.name}
            </li>
          ))}
        </ol>
      </nav>
      {summary ? (
        <>
          <h1>{playlist.name}</h1>
          <PlaySummary summary={summary} />
          <PlaylistBoard playlistId={playlist.id} initialTier="all" />
        </>
      ) : (
        <>
          <p className={styles.step}>
            Scenario {position + 1} of {scenarios.length}
            <span className="muted"> · a verified run takes you on; playing it again replaces it</span>
          </p>
          <PlayClient key={position} scenario={scenarios[position]!} playlist={slot} />
        </>
      )}
    </div>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { playlistByCode } from "@/server/playlists/read-playlist";
import { runtime } from "@/server/runtime";
import PlaylistBoard from "./PlaylistBoard";
import styles from "./playlist.module.css";

export const dynamic = "force-dynamic";

/** Read once per request, for the metadata and the page. */
const loadPlaylist = cache((code: string) => playlistByCode(runtime().db, code));

type Props = { params: Promise<{ playlistCode: string }> };

export async function generateMetadata({ params }: Props) {
  const found = await loadPlaylist((await params).playlistCode);
  return { title: `${found?.playlist.name ?? "Playlist"} · Flickboard` };
}

/** A shared playlist (docs/playlists.md): its scenarios in order, its board of totals, and a play on either tier. */
export default async function PlaylistPage({ params }: Props) {
  const found = await loadPlaylist((await params).playlistCode);
  if (!found) notFound();
  const { playlist } = found;
  const playable = playlist.items.every((item) => item.playable);
  const minutes = Math.ceil(playlist.items.reduce((sum, item) => sum + item.durationMs, 0) / 60_000);
  return (
    <section className="playlist">
      <h1>{playlist.name}</h1>
      <p className="muted">
        A playlist by {playlist.author.handle} · code <code>{playlist.code}</code> · {playlist.items.length} scenarios, about {minutes} min of play
      </p>
      {playlist.description && <p>{playlist.description}</p>}
      <ol className={styles.items}>
        {playlist.items.map((item) => (
          <li key={item.position}>
            <strong>{item.name}</strong> <span className="muted">· {item.durationMs / 1000} s</span>
            {!item.playable && <span className="error"> · no longer playable</span>}
          </li>
        ))}
      </ol>
      {playable ? (
        <p className="actions">
          <Link className="button" href={`/p/${playlist.code}/play?tier=free`} prefetch={false}>
            Play · Free tier
          </Link>
          <Link className="button secondary" href={`/p/${playlist.code}/play?tier=ultimate`} prefetch={false}>
            Play · Ultimate tier
          </Link>
        </p>
      ) : (
        <p className="error">A scenario of this playlist can no longer be played at the version it pins, so it cannot be played.</p>
      )}
      <PlaylistBoard playlistId={playlist.id} />
      <p className="muted">
        <Link href="/playlists/new">Make a playlist</Link>
      </p>
    </section>
  );
}

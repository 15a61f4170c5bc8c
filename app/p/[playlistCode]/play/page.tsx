import { notFound } from "next/navigation";
import { tierNames, type TierName } from "@/game/core";
import { cache } from "react";
import { playlistByCode } from "@/server/playlists/read-playlist";
import { runtime } from "@/server/runtime";
import PlaylistPlayClient from "./PlaylistPlayClient";

export const dynamic = "force-dynamic";

/** Read once per request, for the metadata and the page. */
const loadPlaylist = cache((code: string) => playlistByCode(runtime().db, code));

type Props = { params: Promise<{ playlistCode: string }>; searchParams: Promise<{ tier?: string }> };

export async function generateMetadata({ params }: Props) {
  const found = await loadPlaylist((await params).playlistCode);
  return { title: `${found?.playlist.name ?? "Playlist"} · Flickboard` };
}

/** Plays a playlist back to back (`?tier=free|ultimate`), each item at the version the playlist pins. */
export default async function PlayPlaylist({ params, searchParams }: Props) {
  const found = await loadPlaylist((await params).playlistCode);
  if (!found) notFound();
  const asked = (await searchParams).tier;
  const tier: TierName = tierNames.includes(asked as TierName) ? (asked as TierName) : "free";
  return <PlaylistPlayClient playlist={found.playlist} scenarios={found.definitions} tier={tier} />;
}

"use client";

/**
 * The playlist form: a name, a description, and the scenarios in order (a built-in from the list, or
 * a player-made one by its share code, at its latest published version). The server checks it all
 * and names what it refuses; a new playlist opens at /p/<code>.
 */
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ApiFailure } from "@/game/client/api";
import { createPlaylist, latestVersionByCode } from "@/game/client/playlists-api";
import type { PLAYLIST_LIMITS } from "@/lib/contracts/playlists";
import styles from "@/app/p/[playlistCode]/playlist.module.css";

type Item = { scenarioId: string; name: string };

/** `limits` come from the server page: the contract module's schemas (full zod) stay out of this page's script. */
export default function NewPlaylistForm({ builtIns, limits }: { builtIns: Item[]; limits: typeof PLAYLIST_LIMITS }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [items, setItems] = useState<Item[]>([]);
  const [builtIn, setBuiltIn] = useState(builtIns[0]?.scenarioId ?? "");
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const full = items.length >= limits.maxItems;

  const add = (item: Item) => {
    setError(null);
    setItems((list) => [...list, item]);
  };
  const addByCode = async () => {
    try {
      add(await latestVersionByCode(code.trim()));
      setCode("");
    } catch (err) {
      setError(`Code "${code.trim()}": ${(err as ApiFailure).message}`);
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const playlist = await createPlaylist({ name, description, items: items.map((i) => i.scenarioId) });
      router.push(`/p/${playlist.code}`);
    } catch (err) {
      setError((err as ApiFailure).message);
      setBusy(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)}>
      <label>
        Name <input value={name} onChange={(e) => setName(e.target.value)} maxLength={limits.maxNameLength} required />
      </label>
      <label>
        Description <textarea value={description} onChange={(e) => setDescription(e.target.value)} maxLength={limits.maxDescriptionLength} />
      </label>
      <fieldset>
        <legend>Scenarios, in order of play</legend>
        {items.length === 0 ? (
          <p className="muted">None yet: add {limits.minItems} to {limits.maxItems}.</p>
        ) : (
          <ol>
            {items.map((item, i) => (
              <li key={`${i}-${item.scenarioId}`}>
                {item.name} <span className="muted">({item.scenarioId})</span>{" "}
                <button type="button" className="link-button" onClick={() => setItems((list) => list.filter((_, j) => j !== i))}>
                  Remove
                </button>
              </li>
            ))}
          </ol>
        )}
        <p className="account">
          <select value={builtIn} onChange={(e) => setBuiltIn(e.target.value)} aria-label="built-in scenario">
            {builtIns.map((s) => (
              <option key={s.scenarioId} value={s.scenarioId}>
                {s.name}
              </option>
            ))}
          </select>
          <button type="button" className="button secondary" disabled={full} onClick={() => add(builtIns.find((s) => s.scenarioId === builtIn)!)}>
            Add
          </button>
        </p>
        <p className="account">
          <input value={code} onChange={(e) => setCode(e.target.value)} placeholder="share code" aria-label="scenario share code" />
          <button type="button" className="button secondary" disabled={full || code.trim() === ""} onClick={() => void addByCode()}>
            Add by code
          </button>
        </p>
      </fieldset>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button className="button" type="submit" disabled={busy}>
        Create the playlist
      </button>
    </form>
  );
}

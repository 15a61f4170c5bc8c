"use client";

/**
 * One handle field and its button, for choosing a handle: signing up before a first run, or a guest
 * claiming one (before a run, or from the results, where it puts the run on the board under it).
 * The server's refusal (taken, not allowed, malformed) is shown inline under the field.
 */
import { useId, useState } from "react";
import type { ApiFailure, Me } from "@/game/client/api";

export default function HandleForm({
  intro,
  action,
  submit,
  onDone,
  className = "account",
}: {
  intro: React.ReactNode;
  /** The button's text. */
  action: string;
  submit(handle: string): Promise<Me>;
  onDone(player: Me): void;
  className?: string;
}) {
  const [handle, setHandle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const send = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const player = await submit(handle);
      setError(null);
      onDone(player);
    } catch (err) {
      setError((err as ApiFailure).message ?? "That handle could not be saved.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className={className} onSubmit={send}>
      <span>{intro}</span>
      <input
        value={handle}
        onChange={(e) => setHandle(e.target.value)}
        placeholder="handle"
        aria-label="handle"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        maxLength={20}
        required
      />
      <button className="button" type="submit" disabled={busy}>
        {action}
      </button>
      {error && (
        <span id={errorId} className="error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}

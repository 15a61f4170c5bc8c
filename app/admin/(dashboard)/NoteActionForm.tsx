"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { adminFetch } from "./admin-fetch";

export interface NoteAction {
  label: string;
  /** The admin API route the action POSTs `{ note }` (or `{ [field]: note }`) to. */
  url: string;
  /** The body's field for the note, when the route calls it something else (a hide's `reason`). */
  field?: string;
  /** Whether the action needs a note (the API refuses it without one). */
  noteRequired: boolean;
  /** Shown once the action went through. */
  done: string;
}

/**
 * A note and one button per action (clear or reject a run; disqualify or reinstate a player): the
 * button POSTs the note to its admin API route, then the page is rendered again with the change.
 */
export function NoteActionForm({ actions, placeholder }: { actions: NoteAction[]; placeholder: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const action = actions.find((a) => a.label === submitter?.value);
    if (!action) return;
    const note = String(new FormData(event.currentTarget).get("note") ?? "").trim();
    if (action.noteRequired && !note) return setMessage({ error: true, text: `${action.label} needs a note: say why.` });
    setBusy(true);
    setMessage(null);
    const res = await adminFetch<unknown>("POST", action.url, note ? { [action.field ?? "note"]: note } : {});
    setBusy(false);
    if (!res.ok) return setMessage({ error: true, text: res.message });
    setMessage({ error: false, text: action.done });
    router.refresh();
  }

  return (
    <form className="admin-note-form" onSubmit={submit}>
      <textarea name="note" rows={2} maxLength={1000} placeholder={placeholder} aria-label="Note" />
      <div className="admin-actions">
        {actions.map((a) => (
          <button key={a.label} type="submit" name="action" value={a.label} className="button" disabled={busy}>
            {a.label}
          </button>
        ))}
      </div>
      {message && (
        <p className={message.error ? "error" : "muted"} role={message.error ? "alert" : "status"}>
          {message.text}
        </p>
      )}
    </form>
  );
}

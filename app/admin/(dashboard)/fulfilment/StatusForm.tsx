"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { AwardStatus, AwardStatusAnswer } from "@/lib/contracts/awards";
import { adminFetch } from "../admin-fetch";
import { ErrorNote } from "@/app/components/ErrorNote";

/** The next fulfilment steps of a prize (given by the page), each a button, with a note. A forfeit says who the place went to. */
export function StatusForm({ awardId, handle, steps }: { awardId: string; handle: string; steps: AwardStatus[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [offered, setOffered] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const note = String(new FormData(form).get("note") ?? "").trim();
    setBusy(true);
    setError(null);
    const answer = await adminFetch<AwardStatusAnswer>("POST", `/api/admin/awards/${encodeURIComponent(awardId)}/status`, { status: submitter?.value, ...(note ? { note } : {}) });
    setBusy(false);
    if (!answer.ok) return setError(answer.message);
    // A forfeit ends the prize's steps: the answer stays on screen (a refresh would remove this form).
    if (answer.body.status === "forfeited") {
      const o = answer.body.offered;
      return setOffered(o ? `Forfeited. The place was offered to ${o.handle} (rank ${o.rank}), in review under Awards.` : "Forfeited. Nobody eligible was left.");
    }
    form.reset();
    router.refresh();
  }

  if (offered)
    return (
      <p role="status" className="admin-outcome">
        {offered}
      </p>
    );
  return (
    <form className="admin-forms" onSubmit={send} aria-label={`Fulfilment of ${handle}`}>
      <input name="note" placeholder="note (optional)" aria-label="Note" maxLength={1000} />
      {steps.map((s) => (
        <button key={s} type="submit" name="status" value={s} className={s === "forfeited" ? "button secondary" : "button"} disabled={busy}>
          Mark {s}
        </button>
      ))}
      <ErrorNote message={error} />
    </form>
  );
}

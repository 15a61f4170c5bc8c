"use client";

import { useState, type FormEvent } from "react";
import type { DisqualifyAnswer } from "@/lib/contracts/awards";
import { adminFetch } from "../admin-fetch";
import { ErrorNote } from "@/app/components/ErrorNote";

/**
 * Approve (pending, payable) or disqualify (the run, or the player) an award in review, with a note;
 * after a decision it says what happened (after a disqualification, who the place was offered to)
 * in place of the forms; the list shows the change on its next load.
 */
export function ReviewForms({ awardId, handle }: { awardId: string; handle: string }) {
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(event: FormEvent<HTMLFormElement>, action: "approve" | "disqualify") {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const note = String(form.get("note") ?? "").trim();
    const body = action === "approve" ? (note ? { note } : {}) : { scope: form.get("scope"), note };
    setBusy(true);
    setError(null);
    const answer = await adminFetch<DisqualifyAnswer | null>("POST", `/api/admin/awards/${encodeURIComponent(awardId)}/${action}`, body);
    setBusy(false);
    if (!answer.ok) return setError(answer.message);
    if (action === "approve") setOutcome(`${handle} approved: the prize is pending.`);
    else {
      const offered = answer.body?.offered;
      setOutcome(offered ? `${handle} disqualified. The place was offered to ${offered.handle} (rank ${offered.rank}, offer ${offered.offer}).` : `${handle} disqualified. Nobody eligible was left: the place stays unawarded.`);
    }
  }

  if (outcome)
    return (
      <p role="status" className="admin-outcome">
        {outcome} <a href="/admin/awards?status=review">Awards in review</a>
      </p>
    );
  return (
    <div className="admin-forms">
      <form onSubmit={(e) => send(e, "approve")} aria-label={`Approve ${handle}`}>
        <input name="note" placeholder="note (optional)" aria-label="Approval note" maxLength={1000} />
        <button type="submit" className="button" disabled={busy}>
          Approve
        </button>
      </form>
      <form onSubmit={(e) => send(e, "disqualify")} aria-label={`Disqualify ${handle}`}>
        <select name="scope" aria-label="What to disqualify" defaultValue="run">
          <option value="run">the run</option>
          <option value="player">the player</option>
        </select>
        <input name="note" placeholder="why (required)" aria-label="Disqualification note" required maxLength={1000} />
        <button type="submit" className="button secondary" disabled={busy}>
          Disqualify
        </button>
      </form>
      <ErrorNote message={error} />
    </div>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { CreatedMembershipCode, MembershipCodeRow } from "@/lib/contracts/admin-codes";
import { adminFetch } from "../admin-fetch";

/** Membership codes: the list (by their last characters), a new code (shown once), revoking one. */
export function CodesPanel({ codes }: { codes: MembershipCodeRow[] }) {
  const router = useRouter();
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const expires = String(form.get("expiresAt") ?? "");
    setError(null);
    const res = await adminFetch<CreatedMembershipCode>("POST", "/api/admin/membership-codes", {
      label: String(form.get("label") ?? ""),
      days: Number(form.get("days")),
      maxUses: Number(form.get("maxUses")),
      expiresAt: expires ? new Date(`${expires}T23:59:59`).toISOString() : "",
    });
    if (!res.ok) return setError(res.message);
    formElement.reset();
    setCreated(res.body.code);
    router.refresh();
  }

  async function revoke(c: MembershipCodeRow) {
    if (!window.confirm(`Revoke "${c.label}" (…${c.hint})? It stops working at once; memberships it granted stay.`)) return;
    const res = await adminFetch<null>("POST", `/api/admin/membership-codes/${encodeURIComponent(c.id)}/revoke`);
    if (!res.ok) return setError(res.message);
    router.refresh();
  }

  return (
    <>
      {created && (
        <div className="admin-secret" role="status">
          New code <code data-testid="membership-code">{created}</code>: note it now, it is not shown again.
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <table data-testid="membership-codes">
        <thead>
          <tr>
            <th>Label</th>
            <th>Code</th>
            <th>Days</th>
            <th>Uses</th>
            <th>Expires</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {codes.map((c) => (
            <tr key={c.id}>
              <td>{c.label}</td>
              <td>…{c.hint}</td>
              <td>{c.days}</td>
              <td>
                {c.uses} / {c.maxUses}
              </td>
              <td>{c.revokedAt ? "revoked" : new Date(c.expiresAt).toLocaleDateString()}</td>
              <td>
                {!c.revokedAt && (
                  <button type="button" className="button secondary" onClick={() => void revoke(c)}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="admin-form" onSubmit={create} aria-label="New membership code">
        <label>
          Label
          <input name="label" required maxLength={100} />
        </label>
        <label>
          Days of Ultimate
          <input name="days" type="number" min={1} max={366} defaultValue={14} required />
        </label>
        <label>
          Uses
          <input name="maxUses" type="number" min={1} max={100000} defaultValue={100} required />
        </label>
        <label>
          Valid until (date)
          <input name="expiresAt" type="date" required />
        </label>
        <button type="submit" className="button">
          Create code
        </button>
      </form>
    </>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { AdminKioskRow, PairingCodeAnswer, RegisteredKioskAnswer } from "@/lib/contracts/admin-kiosks";
import { adminFetch } from "../admin-fetch";

/** A secret the server shows once (a pairing code, a PIN), and for which kiosk. */
interface Shown {
  kiosk: string;
  pairingCode: string;
  pin?: string;
  until: string;
}

/** The kiosk list with its actions: register (shows the code and PIN once), a new pairing code, revoke. */
export function KiosksPanel({ kiosks, scenarios }: { kiosks: AdminKioskRow[]; scenarios: { id: string; name: string }[] }) {
  const router = useRouter();
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function act<T>(call: () => Promise<{ ok: true; body: T } | { ok: false; message: string }>, then: (body: T) => void) {
    setBusy(true);
    setError(null);
    const res = await call();
    setBusy(false);
    if (!res.ok) return setError(res.message);
    then(res.body);
    router.refresh();
  }

  function register(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const runSeconds = String(form.get("runSeconds") ?? "").trim();
    const body = { name: String(form.get("name") ?? ""), scenario: String(form.get("scenario")), ...(runSeconds ? { runSeconds: Number(runSeconds) } : {}) };
    const formElement = event.currentTarget;
    void act(
      () => adminFetch<RegisteredKioskAnswer>("POST", "/api/admin/kiosks", body),
      (made) => {
        formElement.reset();
        setShown({ kiosk: made.kiosk.name, pairingCode: made.pairingCode, pin: made.pin, until: made.pairingExpiresAt });
      },
    );
  }

  const newCode = (k: AdminKioskRow) =>
    act(
      () => adminFetch<PairingCodeAnswer>("POST", `/api/admin/kiosks/${encodeURIComponent(k.id)}/pairing-code`),
      (issued) => setShown({ kiosk: k.name, pairingCode: issued.pairingCode, until: issued.pairingExpiresAt }),
    );
  const revoke = (k: AdminKioskRow) => {
    if (!window.confirm(`Revoke "${k.name}"? Its device and booth sessions stop working at once.`)) return;
    void act(() => adminFetch<null>("POST", `/api/admin/kiosks/${encodeURIComponent(k.id)}/revoke`), () => setShown(null));
  };

  return (
    <>
      {shown && (
        <div className="admin-secret" role="status" data-testid="kiosk-secret">
          <p>
            <strong>{shown.kiosk}</strong>: pairing code <code data-testid="pairing-code">{shown.pairingCode}</code> (one use, until{" "}
            {new Date(shown.until).toLocaleString()})
          </p>
          {shown.pin && (
            <p>
              Staff PIN <code data-testid="staff-pin">{shown.pin}</code> (leaves kiosk mode)
            </p>
          )}
          <p className="muted">Note them now: they are not shown again.</p>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <table data-testid="kiosk-list">
        <thead>
          <tr>
            <th>Name</th>
            <th>Scenario</th>
            <th>Paired</th>
            <th>Last seen</th>
            <th>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {kiosks.map((k) => (
            <tr key={k.id}>
              <td>{k.name}</td>
              <td>{k.scenario.name}</td>
              <td>{k.paired ? "yes" : k.pairingExpiresAt ? "code outstanding" : "no"}</td>
              <td>{k.lastSeenAt ? new Date(k.lastSeenAt).toLocaleString() : "never"}</td>
              <td>{k.revokedAt ? "revoked" : "active"}</td>
              <td>
                {!k.revokedAt && (
                  <span className="admin-actions">
                    <button type="button" className="button secondary" disabled={busy} onClick={() => void newCode(k)}>
                      New pairing code
                    </button>
                    <button type="button" className="button secondary" disabled={busy} onClick={() => revoke(k)}>
                      Revoke
                    </button>
                  </span>
                )}
              </td>
            </tr>
          ))}
          {kiosks.length === 0 && (
            <tr>
              <td colSpan={6} className="muted">
                No kiosks yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <form className="admin-form" onSubmit={register} aria-label="Register a kiosk">
        <h2>Register a kiosk</h2>
        <label>
          Name
          <input name="name" required maxLength={60} />
        </label>
        <label>
          Scenario
          <select name="scenario">
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Run length in seconds (empty: the scenario&apos;s own)
          <input name="runSeconds" type="number" min={5} max={300} />
        </label>
        <button type="submit" className="button" disabled={busy}>
          Register
        </button>
      </form>
    </>
  );
}

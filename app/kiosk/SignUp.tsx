"use client";

/**
 * Sign-up in under 30 seconds: a handle checked as it is typed (the site's rules), an optional
 * e-mail for prize contact that is sent only with the consent box ticked; or, for a returning
 * player, handle plus the e-mail they left before.
 */
import { useEffect, useState } from "react";
import type { BoothSession, HandleCheck } from "@/lib/contracts/kiosks";
import { isApiFailure, kioskApi } from "./kiosk-api";

export default function SignUp({ onSignedIn, onCancel }: { onSignedIn(session: BoothSession): void; onCancel(): void }) {
  const [returning, setReturning] = useState(false);
  const [handle, setHandle] = useState("");
  const [email, setEmail] = useState("");
  const [consent, setConsent] = useState(false);
  const [check, setCheck] = useState<HandleCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setCheck(null);
    if (returning || handle.trim().length === 0) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      kioskApi.checkHandle(handle).then((c) => !cancelled && setCheck(c), () => undefined);
    }, 200);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [handle, returning]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const email_ = email.trim();
      onSignedIn(
        returning
          ? await kioskApi.returning({ handle, email: email_ })
          : await kioskApi.signUp({ handle, consent, ...(email_ && consent ? { email: email_ } : {}) }),
      );
    } catch (err) {
      setError(isApiFailure(err) ? err.message : "Something went wrong.");
      setBusy(false);
    }
  };

  const canSubmit = !busy && (returning ? handle.trim() && email.trim() : check?.available === true && (!email.trim() || consent));
  return (
    <div className="kiosk-center">
      <form className="kiosk-panel kiosk-form" onSubmit={submit} data-testid="signup">
        <h1>{returning ? "Welcome back" : "Pick a handle"}</h1>
        <input className="kiosk-input" aria-label="handle" value={handle} onChange={(e) => setHandle(e.target.value)} placeholder="handle" maxLength={20} autoFocus autoComplete="off" />
        {!returning && (
          <p className={check ? (check.available ? "kiosk-ok" : "kiosk-error") : "kiosk-note"} data-testid="handle-check">
            {check ? (check.available ? "Available" : check.message) : "3 to 20 letters, digits, _ - ."}
          </p>
        )}
        <input
          className="kiosk-input"
          aria-label="e-mail"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          placeholder={returning ? "the e-mail you gave before" : "e-mail for prize contact (optional)"}
          maxLength={200}
          autoComplete="off"
        />
        {!returning && (
          <label className="kiosk-consent">
            <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
            Contact me at this e-mail if I win a prize. (Without this box ticked, the e-mail is not stored.)
          </label>
        )}
        <button className="kiosk-button" type="submit" disabled={!canSubmit}>
          {returning ? "That's me: play" : "Play"}
        </button>
        {error && <p className="kiosk-error">{error}</p>}
        <p className="kiosk-links">
          <button type="button" className="kiosk-link" onClick={() => (setReturning(!returning), setError(null))}>
            {returning ? "New here? Pick a handle" : "Played before? Find me"}
          </button>
          <button type="button" className="kiosk-link" onClick={onCancel}>
            Back
          </button>
        </p>
      </form>
    </div>
  );
}

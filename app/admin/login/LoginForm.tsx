"use client";

import { useRef, useState, type FormEvent } from "react";
import type { ErrorBody } from "@/lib/contracts/errors";

/**
 * Email and password; the code field appears when the account asks for its TOTP code
 * (`totp_required`). Signed in, it opens the dashboard.
 */
export function LoginForm() {
  const [needsCode, setNeedsCode] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = { email: form.get("email"), password: form.get("password"), ...(needsCode ? { totp: form.get("totp") } : {}) };
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/admin/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (res.ok) return window.location.assign("/admin");
      const { error } = (await res.json()) as ErrorBody;
      if (error.code === "totp_required") {
        setNeedsCode(true);
        requestAnimationFrame(() => codeInput.current?.focus());
      }
      setError(error.message);
    } catch {
      setError("The server did not answer; try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="admin-login" onSubmit={submit}>
      <h1>Admin sign-in</h1>
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {needsCode && (
        <label>
          Authentication code
          <input ref={codeInput} name="totp" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} required />
        </label>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button" disabled={busy}>
        Sign in
      </button>
    </form>
  );
}

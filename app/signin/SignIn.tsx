"use client";

/**
 * The sign-in page: a passkey this device holds (no handle typed: the browser offers the player's
 * passkeys), or a link e-mailed to the player's verified prize-contact address (it opens /email).
 */
import { browserSupportsWebAuthn } from "@simplewebauthn/browser";
import Link from "next/link";
import { useEffect, useState } from "react";
import { afterSignInPath, requestSignInLink, signInWithPasskey } from "@/game/client/accounts-api";
import { ErrorNote } from "@/app/components/ErrorNote";
import styles from "../account/account.module.css";
import { failureMessage } from "../account/messages";

export default function SignIn({ next, signedIn }: { next: string | null; signedIn: boolean }) {
  const [webAuthn, setWebAuthn] = useState(true);
  const [busy, setBusy] = useState(false);
  const [passkeyError, setPasskeyError] = useState<string | null>(null);
  const [email, setEmail] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [emailError, setEmailError] = useState<string | null>(null);
  useEffect(() => setWebAuthn(browserSupportsWebAuthn()), []);

  const withPasskey = async () => {
    setBusy(true);
    setPasskeyError(null);
    try {
      await signInWithPasskey();
      // A full load, so the site header shows the signed-in player too.
      window.location.assign(afterSignInPath(next));
    } catch (err) {
      setPasskeyError(failureMessage(err, "Signing in with a passkey did not work."));
      setBusy(false);
    }
  };

  const withLink = async (e: React.FormEvent) => {
    e.preventDefault();
    setEmailError(null);
    setSentTo(null);
    try {
      await requestSignInLink(email.trim());
      setSentTo(email.trim());
    } catch (err) {
      setEmailError(failureMessage(err, "The link could not be sent."));
    }
  };

  return (
    <div className={styles.page}>
      <h1>Sign in</h1>
      {signedIn && (
        <p>
          This device is already signed in (<Link href="/account">your account</Link>). Signing in here switches it to the account you sign in to.
        </p>
      )}
      <section className={styles.section} aria-labelledby="with-passkey">
        <h2 id="with-passkey">With a passkey</h2>
        <p className="muted">Use a passkey you added on your account page, on this device or synced from another.</p>
        {webAuthn ? (
          <div className={styles.actions}>
            <button className="button" type="button" onClick={() => void withPasskey()} disabled={busy}>
              {busy ? "Waiting for your passkey…" : "Sign in with a passkey"}
            </button>
          </div>
        ) : (
          <p>This browser does not support passkeys: use an e-mailed link instead.</p>
        )}
        <ErrorNote message={passkeyError} />
      </section>
      <section className={styles.section} aria-labelledby="with-link">
        <h2 id="with-link">With an e-mailed link</h2>
        <p className="muted">We e-mail a one-time sign-in link to your verified prize-contact address.</p>
        <form className={styles.form} onSubmit={withLink}>
          <label className={styles.field}>
            <span>E-mail address</span>
            <input type="email" name="email" autoComplete="email" required maxLength={200} value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <button className="button" type="submit">
            E-mail me a link
          </button>
        </form>
        <p role="status">{sentTo && `If ${sentTo} is a verified contact, a link is on its way. It works once and only for a short time.`}</p>
        <ErrorNote message={emailError} />
      </section>
      <p className="muted">
        No account yet? <Link href="/play">Play as a guest</Link>: your runs count from the first, and you can choose a handle on your{" "}
        <Link href="/account">account page</Link>.
      </p>
    </div>
  );
}

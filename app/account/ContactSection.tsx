"use client";

/**
 * The prize-contact address: given with explicit consent (CONTACT_CONSENT_TEXT, word for word), it
 * counts once the e-mailed link is followed (/email); shown verified, and removable.
 */
import { useRef, useState } from "react";
import { removeContact, requestContactVerification } from "@/game/client/accounts-api";
import { CONTACT_CONSENT_TEXT } from "@/lib/contracts/accounts";
import type { Me } from "@/lib/contracts/players";
import { ErrorNote } from "@/app/components/ErrorNote";
import styles from "./account.module.css";
import { useAction, when } from "./use-action";

export default function ContactSection({ me, onChange, onSignedOut }: { me: Me; onChange(me: Me): void; onSignedOut(): void }) {
  const [email, setEmail] = useState("");
  const [consent, setConsent] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const { error, busy, run } = useAction(onSignedOut);

  const send = (e: React.FormEvent) => {
    e.preventDefault();
    const address = email.trim();
    void run(async () => {
      await requestContactVerification(address);
      setNotice(`We sent a link to ${address}. Open it to confirm the address: until then it is not your prize contact.`);
      setEmail("");
      setConsent(false);
    }, "The verification link could not be sent.");
  };

  const remove = () =>
    run(async () => {
      await removeContact();
      onChange({ ...me, contact: null, contactEmail: null });
      setNotice("Your prize contact and your consent were removed.");
      heading.current?.focus();
    }, "The prize contact could not be removed.");

  return (
    <section className={styles.section} aria-labelledby="contact-heading">
      <h2 id="contact-heading" ref={heading} tabIndex={-1}>
        Prize contact
      </h2>
      <p className="muted">Weekly and challenge prizes need an e-mail address to reach you. It also lets you sign in with an e-mailed link.</p>
      {me.contact ? (
        <div className={styles.item}>
          <div>
            <strong>{me.contact.email}</strong> <span className={styles.ok}>verified</span>
            <div className="muted">
              Confirmed {when(me.contact.verifiedAt)} · consent given {when(me.contact.consentAt)}
            </div>
          </div>
          <button className={styles.danger} type="button" disabled={busy} onClick={() => void remove()}>
            Remove address
          </button>
        </div>
      ) : me.contactEmail ? (
        <p>
          On file, not verified: <strong>{me.contactEmail}</strong>. Confirm it (or another address) below.
        </p>
      ) : (
        <p>No prize contact yet.</p>
      )}
      {me.guest ? (
        <p>Choose a handle first: a guest cannot add a prize contact.</p>
      ) : (
        <form className={styles.form} onSubmit={send}>
          <label className={styles.field}>
            <span>{me.contact ? "Use another address" : "E-mail address"}</span>
            <input type="email" name="email" autoComplete="email" required maxLength={200} value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label className={styles.consent}>
            <input type="checkbox" name="consent" required checked={consent} onChange={(e) => setConsent(e.target.checked)} />
            <span>{CONTACT_CONSENT_TEXT}</span>
          </label>
          <button className="button" type="submit" disabled={busy}>
            Send verification link
          </button>
        </form>
      )}
      <p role="status">{notice}</p>
      <ErrorNote message={error} />
    </section>
  );
}

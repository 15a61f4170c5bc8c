"use client";

/** A guest's handle claim: choosing a handle makes them a named player who keeps every run. */
import { useRef, useState } from "react";
import { updateProfile } from "@/game/client/accounts-api";
import type { Me } from "@/lib/contracts/players";
import { ErrorNote } from "@/app/components/ErrorNote";
import styles from "./account.module.css";
import { useAction } from "./use-action";

export default function HandleSection({ me, onChange, onSignedOut }: { me: Me; onChange(me: Me): void; onSignedOut(): void }) {
  const [handle, setHandle] = useState("");
  const [claimed, setClaimed] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const { error, busy, run } = useAction(onSignedOut);

  const claim = (e: React.FormEvent) => {
    e.preventDefault();
    void run(async () => {
      onChange({ ...me, ...(await updateProfile({ handle: handle.trim() })) });
      setClaimed(true);
      heading.current?.focus();
    }, "That handle could not be claimed.");
  };

  return (
    <section className={styles.section} aria-labelledby="handle-heading">
      <h2 id="handle-heading" ref={heading} tabIndex={-1}>
        Handle
      </h2>
      {me.guest ? (
        <>
          <p>
            You play as the guest <strong>{me.handle}</strong>. Choose a handle to keep every run under your own name and to add passkeys and a prize
            contact.
          </p>
          <form className={styles.form} onSubmit={claim}>
            <label className={styles.field}>
              <span>Your handle</span>
              <input name="handle" required maxLength={20} autoComplete="nickname" value={handle} onChange={(e) => setHandle(e.target.value)} />
            </label>
            <button className="button" type="submit" disabled={busy}>
              Claim handle
            </button>
          </form>
        </>
      ) : (
        <p>
          You play as <strong>{me.handle}</strong>.
        </p>
      )}
      <p role="status">{claimed && !me.guest && `${me.handle} is yours: your runs so far are on the boards under it.`}</p>
      <ErrorNote message={error} />
    </section>
  );
}

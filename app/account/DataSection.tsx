"use client";

/**
 * The player's data: download everything the site keeps (JSON) or the runs (CSV), and delete the
 * account, confirmed by typing the handle. What a deletion does is said before it is done.
 */
import { useState } from "react";
import { deleteAccount } from "@/game/client/accounts-api";
import type { Me } from "@/lib/contracts/players";
import { ErrorNote } from "@/app/components/ErrorNote";
import styles from "./account.module.css";
import { useAction } from "./use-action";

export default function DataSection({ me, onDeleted, onSignedOut }: { me: Me; onDeleted(): void; onSignedOut(): void }) {
  const [confirm, setConfirm] = useState("");
  const { error, busy, run } = useAction(onSignedOut);

  const remove = (e: React.FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await deleteAccount(confirm);
      onDeleted();
    }, "Your account could not be deleted.");
  };

  return (
    <section className={styles.section} aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <p className={styles.actions}>
        <a className="button secondary" href="/api/players/me/export" download>
          Download everything (JSON)
        </a>
        <a className="button secondary" href="/api/players/me/export?format=csv" download>
          Download your runs (CSV)
        </a>
      </p>
      <h3 className={styles.subheading}>Delete your account</h3>
      <p>
        Your runs leave every open board, prizes not yet paid are offered to the next player, and you are signed out everywhere. Closed
        weeks keep your place and score under a placeholder name. Your handle becomes free for anyone. This cannot be undone.
      </p>
      <form className={styles.form} onSubmit={remove}>
        <label className={styles.field}>
          To confirm, type the handle {me.handle}
          <input value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" maxLength={100} />
        </label>
        <button className={styles.danger} type="submit" disabled={busy || confirm.trim().toLowerCase() !== me.handle.toLowerCase()}>
          Delete my account
        </button>
      </form>
      <ErrorNote message={error} />
    </section>
  );
}

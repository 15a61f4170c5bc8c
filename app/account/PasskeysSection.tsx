"use client";

/** The player's passkeys: add one on this device (named players only), see them and remove them. */
import { browserSupportsWebAuthn } from "@simplewebauthn/browser";
import { useEffect, useRef, useState } from "react";
import { addPasskey, listPasskeys, removePasskey } from "@/game/client/accounts-api";
import type { PasskeyInfo } from "@/lib/contracts/accounts";
import type { Me } from "@/lib/contracts/players";
import { ErrorNote } from "@/app/components/ErrorNote";
import styles from "./account.module.css";
import { useAction, when } from "./use-action";

export default function PasskeysSection({ me, onSignedOut }: { me: Me; onSignedOut(): void }) {
  const [passkeys, setPasskeys] = useState<PasskeyInfo[] | null>(null);
  const [webAuthn, setWebAuthn] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const { error, busy, run } = useAction(onSignedOut);

  useEffect(() => {
    setWebAuthn(browserSupportsWebAuthn());
    void run(async () => setPasskeys(await listPasskeys()), "Your passkeys could not be loaded.");
  }, [run]);

  const add = () =>
    run(async () => {
      const added = await addPasskey();
      setPasskeys((list) => [...(list ?? []), added]);
      setNotice(`Passkey added: sign in with it on any device that holds it.`);
    }, "The passkey could not be added.");

  const remove = (passkey: PasskeyInfo) =>
    run(async () => {
      await removePasskey(passkey.id);
      setPasskeys((list) => (list ?? []).filter((p) => p.id !== passkey.id));
      setNotice(`Passkey “${passkey.name}” removed.`);
      heading.current?.focus();
    }, "The passkey could not be removed.");

  return (
    <section className={styles.section} aria-labelledby="passkeys-heading">
      <h2 id="passkeys-heading" ref={heading} tabIndex={-1}>
        Passkeys
      </h2>
      <p className="muted">A passkey signs you in on any device, with no password: your phone, a security key or this computer.</p>
      {passkeys && passkeys.length === 0 && <p>No passkeys yet.</p>}
      {passkeys && passkeys.length > 0 && (
        <ul className={styles.list} aria-label="Your passkeys">
          {passkeys.map((p) => (
            <li key={p.id} className={styles.item}>
              <div>
                <strong>{p.name}</strong>
                {p.synced && <span className={styles.tag}>synced</span>}
                <div className="muted">
                  Added {when(p.createdAt)} · {p.lastUsedAt ? `last used ${when(p.lastUsedAt)}` : "not used yet"}
                </div>
              </div>
              <button className={styles.danger} type="button" disabled={busy} onClick={() => void remove(p)} aria-label={`Remove passkey ${p.name}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {me.guest ? (
        <p>Choose a handle first: a guest cannot add a passkey.</p>
      ) : webAuthn ? (
        <div className={styles.actions}>
          <button className="button" type="button" disabled={busy} onClick={() => void add()}>
            Add a passkey
          </button>
        </div>
      ) : (
        <p>This browser does not support passkeys.</p>
      )}
      <p role="status">{notice}</p>
      <ErrorNote message={error} />
    </section>
  );
}

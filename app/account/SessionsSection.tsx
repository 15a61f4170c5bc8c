"use client";

/** Where the player is signed in: each live session (this one marked), ending any of them. */
import { useEffect, useRef, useState } from "react";
import { listSessions, revokeSession } from "@/game/client/accounts-api";
import type { SessionInfo } from "@/lib/contracts/accounts";
import { ErrorNote } from "@/app/components/ErrorNote";
import styles from "./account.module.css";
import { useAction, when } from "./use-action";

export default function SessionsSection({ onSignedOut }: { onSignedOut(): void }) {
  const [sessions, setSessions] = useState<SessionInfo[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const { error, busy, run } = useAction(onSignedOut);

  useEffect(() => {
    void run(async () => setSessions(await listSessions()), "Your sessions could not be loaded.");
  }, [run]);

  const end = (session: SessionInfo) =>
    run(async () => {
      await revokeSession(session.id);
      if (session.current) return onSignedOut();
      setSessions((list) => (list ?? []).filter((s) => s.id !== session.id));
      setNotice(`Signed out on ${session.device}.`);
      heading.current?.focus();
    }, "That session could not be ended.");

  return (
    <section className={styles.section} aria-labelledby="sessions-heading">
      <h2 id="sessions-heading" ref={heading} tabIndex={-1}>
        Where you are signed in
      </h2>
      {sessions && (
        <ul className={styles.list} aria-label="Your sessions">
          {sessions.map((s) => (
            <li key={s.id} className={styles.item}>
              <div>
                <strong>{s.device}</strong>
                {s.current && <span className={styles.tag}>this device</span>}
                <div className="muted">
                  Signed in {when(s.createdAt)} · last seen {when(s.lastSeenAt)}
                </div>
              </div>
              <button className={styles.danger} type="button" disabled={busy} onClick={() => void end(s)} aria-label={s.current ? "Sign out on this device" : `Sign out on ${s.device}, signed in ${when(s.createdAt)}`}>
                Sign out
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status">{notice}</p>
      <ErrorNote message={error} />
    </section>
  );
}

"use client";

/**
 * The account page: loads the signed-in player (GET /api/players/me) and shows their sections; a
 * visitor without a session (or whose session was ended elsewhere) is offered sign-in or a guest run.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { fetchMe, signOut, type Me } from "@/game/client/api";
import { ErrorNote } from "@/app/components/ErrorNote";
import styles from "./account.module.css";
import ContactSection from "./ContactSection";
import DataSection from "./DataSection";
import HandleSection from "./HandleSection";
import PasskeysSection from "./PasskeysSection";
import RunsSection from "./RunsSection";
import SessionsSection from "./SessionsSection";
import SettingsSection from "./SettingsSection";
import { useAction, when } from "./use-action";

export default function AccountClient() {
  /** undefined while loading; null when signed out. */
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [deleted, setDeleted] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const router = useRouter();

  const signedOut = useCallback(() => {
    setMe(null);
    router.refresh(); // the site header's "Account" becomes "Sign in"
  }, [router]);
  const { error, busy, run } = useAction(signedOut);

  useEffect(() => {
    fetchMe().then(setMe, () => setLoadError("Your account could not be loaded. Reload the page to try again."));
  }, []);
  useEffect(() => {
    if (me === null) heading.current?.focus();
  }, [me]);

  if (me === undefined) {
    return (
      <div className={styles.page}>
        <h1>Your account</h1>
        {loadError ? <ErrorNote message={loadError} /> : <p role="status">Loading…</p>}
      </div>
    );
  }
  if (me === null) {
    return (
      <div className={styles.page}>
        <h1 ref={heading} tabIndex={-1}>
          Your account
        </h1>
        <section className={styles.section} aria-label="Not signed in">
          <p role="status">{deleted ? "Your account was deleted, and you are signed out everywhere." : "You are not signed in."}</p>
          <p className={styles.actions}>
            <Link className="button" href="/signin?next=/account">
              Sign in
            </Link>
            <Link className="button secondary" href="/play">
              Play as a guest
            </Link>
          </p>
          <p className="muted">A guest&apos;s runs count from the first; choose a handle here later to keep them.</p>
        </section>
      </div>
    );
  }

  const membership =
    me.membership.tier === "ultimate"
      ? `Ultimate member${me.membership.expiresAt ? ` until ${when(me.membership.expiresAt)}` : ""}`
      : "Free tier";
  return (
    <div className={styles.page}>
      <h1>Your account</h1>
      <section className={styles.section} aria-label="Summary">
        <p>
          Signed in as <strong>{me.handle}</strong>
          {me.guest && " (guest)"} · {membership}.{" "}
          {me.membership.tier !== "ultimate" && <Link href="/play/gridshot">Redeem an Ultimate code on the play page.</Link>}
        </p>
        <div className={styles.actions}>
          <button className="button secondary" type="button" disabled={busy} onClick={() => void run(() => signOut().then(signedOut), "Signing out did not work.")}>
            Sign out
          </button>
        </div>
        <ErrorNote message={error} />
      </section>
      <HandleSection me={me} onChange={setMe} onSignedOut={signedOut} />
      <PasskeysSection me={me} onSignedOut={signedOut} />
      <ContactSection me={me} onChange={setMe} onSignedOut={signedOut} />
      <SessionsSection onSignedOut={signedOut} />
      <RunsSection onSignedOut={signedOut} />
      <SettingsSection settings={me.settings} />
      <DataSection
        me={me}
        onSignedOut={signedOut}
        onDeleted={() => {
          setDeleted(true);
          signedOut();
        }}
      />
    </div>
  );
}

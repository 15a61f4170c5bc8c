"use client";

/** The play page's account box: sign up with a handle, the signed-in player, sign out, redeem an Ultimate code. */
import { useState } from "react";
import { redeemCode, signOut, signUp, type ApiFailure, type Me } from "@/game/client/api";

export default function Account({ player, onSignedIn }: { player: Me | null | undefined; onSignedIn(p: Me | null): void }) {
  const [handle, setHandle] = useState("");
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  if (player === undefined) return null;
  if (player) {
    const redeem = async (e: React.FormEvent) => {
      e.preventDefault();
      try {
        onSignedIn({ ...player, membership: await redeemCode(code) });
        setCode("");
        setError(null);
      } catch (err) {
        setError((err as ApiFailure).message ?? "That code did not work.");
      }
    };
    return (
      <div className="muted">
        <p>
          Playing as <strong>{player.handle}</strong>
          {player.membership.tier === "ultimate" ? " · Ultimate member" : ""}: runs are ranked.{" "}
          <button className="link-button" type="button" onClick={() => void signOut().then(() => onSignedIn(null))}>
            Sign out
          </button>
        </p>
        {player.membership.tier !== "ultimate" && (
          <form className="account" onSubmit={redeem}>
            <span>Have an Ultimate code?</span>
            <input value={code} onChange={(e) => setCode(e.target.value)} placeholder="FB-XXXX-XXXX-XXXX" aria-label="membership code" maxLength={40} />
            <button className="button secondary" type="submit">
              Redeem
            </button>
          </form>
        )}
        {error && <p className="error">{error}</p>}
      </div>
    );
  }
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      onSignedIn(await signUp(handle));
    } catch (err) {
      setError((err as ApiFailure).message ?? "Sign-up failed.");
    }
  };
  return (
    <form className="account" onSubmit={submit}>
      <span>Practice run (not ranked). Pick a handle to rank your runs:</span>
      <input value={handle} onChange={(e) => setHandle(e.target.value)} placeholder="handle" aria-label="handle" maxLength={20} />
      <button className="button" type="submit">
        Sign up
      </button>
      {error && <span className="error">{error}</span>}
    </form>
  );
}


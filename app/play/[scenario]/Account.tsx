"use client";

/**
 * The play page's account box. Every run is ranked from the first: a visitor without a player becomes
 * a guest on their first start, so choosing a handle is optional - before a run (sign-up) or as a
 * guest (the claim keeps every run). A signed-in player sees their handle, may sign out, and may
 * redeem an Ultimate code.
 */
import { useState } from "react";
import { claimHandle, redeemCode, signOut, signUp, type ApiFailure, type Me } from "@/game/client/api";
import HandleForm from "./HandleForm";

export default function Account({ player, onSignedIn }: { player: Me | null | undefined; onSignedIn(p: Me | null): void }) {
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  if (player === undefined) return null;
  if (!player) {
    return (
      <HandleForm
        intro="Every run is ranked, the first too: you play as a guest until you choose a handle. Choose one now (optional):"
        action="Sign up"
        submit={signUp}
        onDone={onSignedIn}
      />
    );
  }
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
        {player.guest ? " (guest)" : ""}
        {player.membership.tier === "ultimate" ? " · Ultimate member" : ""}: runs are ranked.{" "}
        {/* A guest who signs out loses the player and its runs: they choose a handle instead. */}
        {!player.guest && (
          <button className="link-button" type="button" onClick={() => void signOut().then(() => onSignedIn(null))}>
            Sign out
          </button>
        )}
      </p>
      {player.guest && <HandleForm intro="Choose a handle to keep your runs under your name:" action="Save handle" submit={claimHandle} onDone={onSignedIn} />}
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

"use client";

/**
 * Asked when a ranked run loses pointer lock (Esc): abandon it, or keep playing. The run's clock
 * keeps running meanwhile (the server's clock does too); "Keep playing" takes pointer lock again,
 * which the browser allows from that click.
 */
import { useEffect, useRef, useState } from "react";
import type { PlaySession } from "@/game/client/session";

export default function AbandonDialog({ session, onResumed, onAbandon }: { session: PlaySession; onResumed(): void; onAbandon(): void }) {
  const keep = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const [refused, setRefused] = useState(false);
  useEffect(() => keep.current?.focus(), []);

  const keepPlaying = () => {
    session.resume().then(onResumed, () => setRefused(true));
  };

  // Tab stays within the dialog's two buttons.
  const trapFocus = (e: React.KeyboardEvent) => {
    if (e.key !== "Tab") return;
    const buttons = dialog.current!.querySelectorAll("button");
    const first = buttons[0]!;
    const last = buttons[buttons.length - 1]!;
    if (e.shiftKey ? document.activeElement === first : document.activeElement === last) {
      e.preventDefault();
      (e.shiftKey ? last : first).focus();
    }
  };

  return (
    <div
      ref={dialog}
      className="overlay panel abandon-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="abandon-title"
      aria-describedby="abandon-text"
      onKeyDown={trapFocus}
    >
      <h2 id="abandon-title">Abandon this ranked run?</h2>
      <p id="abandon-text">
        The clock is still running. An abandoned run does not count.
        {refused && " The browser did not give the mouse back: click Keep playing again."}
      </p>
      <p className="actions">
        <button ref={keep} className="button" onClick={keepPlaying}>
          Keep playing
        </button>
        <button className="button secondary" onClick={onAbandon}>
          Abandon
        </button>
      </p>
    </div>
  );
}

"use client";

/** Staff leave kiosk mode with the kiosk's PIN (checked by the server): back to the site, or back to the booth. */
import { useState } from "react";
import type { KioskConfig } from "@/lib/contracts/kiosks";
import { isApiFailure, kioskApi } from "./kiosk-api";

export default function Staff({ config, pending, onClose }: { config: KioskConfig; pending: number; onClose(): void }) {
  const [pin, setPin] = useState("");
  const [unlocked, setUnlocked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      await kioskApi.staff(pin);
      setUnlocked(true);
    } catch (err) {
      setError(isApiFailure(err) ? err.message : "Could not check the PIN.");
      setPin("");
    }
  };
  const leave = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    window.location.assign("/");
  };
  return (
    <div className="kiosk-modal" data-testid="staff" onPointerDown={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
      {unlocked ? (
        <div className="kiosk-panel kiosk-form">
          <h1>{config.name}</h1>
          <p>
            Plays {config.scenario.name}; {pending} run{pending === 1 ? "" : "s"} waiting to upload.
          </p>
          <button className="kiosk-button" onClick={leave}>
            Leave kiosk mode
          </button>
          <button className="kiosk-link" onClick={onClose}>
            Back to the booth
          </button>
        </div>
      ) : (
        <form className="kiosk-panel kiosk-form" onSubmit={submit}>
          <h1>Staff</h1>
          <input className="kiosk-input" aria-label="staff PIN" type="password" inputMode="numeric" value={pin} onChange={(e) => setPin(e.target.value)} autoFocus maxLength={32} />
          <button className="kiosk-button" type="submit">
            Unlock
          </button>
          {error && <p className="kiosk-error">{error}</p>}
          <button type="button" className="kiosk-link" onClick={onClose}>
            Cancel
          </button>
        </form>
      )}
    </div>
  );
}

"use client";

/**
 * Sensitivity, FOV, look, crosshair, sound and run-loop settings; every change is validated here and
 * saved by the parent (this browser, and the player's account when signed in: `sync` says which).
 */
import { useState } from "react";
import type { GameSensitivityProfile } from "@/game/core";
import { GAME_PRESETS, cm360FromPreset, keyLabel } from "@/game/client/settings";
import { CROSSHAIR_COLOURS, CROSSHAIR_STYLES, TARGET_COLOURS, settingIssue, type Settings } from "@/lib/contracts/settings";
import type { SettingsSync } from "./use-player-settings";

const SYNC_TEXT: Record<SettingsSync, string> = {
  browser: "Saved in this browser. Sign in to keep them on every device.",
  saving: "Saving to your account…",
  account: "Saved to your account.",
  failed: "Could not save to your account: saved in this browser only.",
};

/** A button that listens for the next key press and binds it (Esc: `none`, where allowed). */
function KeyBinding({ label, value, none, onBind }: { label: string; value: string | null; none: boolean; onBind(code: string | null): void }) {
  const [listening, setListening] = useState(false);
  return (
    <label>
      {label}
      <button
        type="button"
        className="button secondary"
        aria-pressed={listening}
        aria-label={`${label}: ${listening ? "press a key" : value === null ? "none" : keyLabel(value)}`}
        onClick={() => setListening(true)}
        onBlur={() => setListening(false)}
        onKeyDown={(e) => {
          if (!listening) return;
          e.preventDefault();
          setListening(false);
          if (e.code === "Escape") {
            if (none) onBind(null);
            return;
          }
          onBind(e.code);
        }}
      >
        {listening ? `press a key (Esc: ${none ? "none" : "cancel"})` : value === null ? "none" : keyLabel(value)}
      </button>
    </label>
  );
}

export default function SettingsPanel({ settings, sync, onChange }: { settings: Settings; sync: SettingsSync; onChange(next: Settings): void }) {
  const [game, setGame] = useState<GameSensitivityProfile>("source");
  const [gameSens, setGameSens] = useState("2");
  const [error, setError] = useState<string | null>(null);

  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    const issue = settingIssue(key, value);
    if (issue) {
      setError(`${key} ${issue}`);
      return;
    }
    setError(null);
    onChange({ ...settings, [key]: value });
  };

  const applyPreset = () => {
    const sens = Number(gameSens);
    if (!(sens > 0)) return setError("in-game sensitivity must be a positive number");
    set("cm360", cm360FromPreset(game, sens, settings.dpi));
  };

  const bindKeyboardFire = (code: string | null) => {
    if (code !== null && code === settings.restartKey) return setError(`${keyLabel(code)} already restarts a run`);
    set("keyboardFire", code);
  };
  const bindRestart = (code: string | null) => {
    if (code === null) return;
    if (code === settings.keyboardFire) return setError(`${keyLabel(code)} already fires`);
    set("restartKey", code);
  };

  return (
    <fieldset className="settings">
      <legend>Settings</legend>
      <p className="muted" data-testid="settings-sync" data-sync={sync}>
        {SYNC_TEXT[sync]}
      </p>
      <label>
        cm/360
        <input type="number" step="0.1" min="1" value={settings.cm360} onChange={(e) => set("cm360", Number(e.target.value))} />
      </label>
      <label>
        DPI
        <input type="number" step="50" min="50" value={settings.dpi} onChange={(e) => set("dpi", Number(e.target.value))} />
      </label>
      <span className="preset">
        From
        <select value={game} onChange={(e) => setGame(e.target.value as GameSensitivityProfile)} aria-label="game">
          {GAME_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
        <input type="number" step="0.01" value={gameSens} onChange={(e) => setGameSens(e.target.value)} aria-label="in-game sensitivity" />
        <button type="button" className="button secondary" onClick={applyPreset}>
          Convert
        </button>
      </span>
      <label>
        Horizontal FOV
        <input type="number" min="60" max="130" value={settings.hfovDeg} onChange={(e) => set("hfovDeg", Number(e.target.value))} />
      </label>
      <label>
        Target colour
        <select value={settings.targetColour} onChange={(e) => set("targetColour", e.target.value as Settings["targetColour"])}>
          {Object.keys(TARGET_COLOURS).map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={settings.targetOutline} onChange={(e) => set("targetOutline", e.target.checked)} />
        Target outline
      </label>
      <label>
        Crosshair
        <select value={settings.crosshairStyle} onChange={(e) => set("crosshairStyle", e.target.value as Settings["crosshairStyle"])}>
          {CROSSHAIR_STYLES.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
        <select
          value={settings.crosshairColour}
          onChange={(e) => set("crosshairColour", e.target.value as Settings["crosshairColour"])}
          aria-label="crosshair colour"
        >
          {Object.keys(CROSSHAIR_COLOURS).map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <label>
        Crosshair size
        <input type="number" min="2" max="40" value={settings.crosshairSize} onChange={(e) => set("crosshairSize", Number(e.target.value))} />
      </label>
      <label>
        Crosshair gap
        <input type="number" min="0" max="20" value={settings.crosshairGap} onChange={(e) => set("crosshairGap", Number(e.target.value))} />
      </label>
      <label>
        Crosshair thickness
        <input
          type="number"
          min="1"
          max="8"
          value={settings.crosshairThickness}
          onChange={(e) => set("crosshairThickness", Number(e.target.value))}
        />
      </label>
      <label>
        <input type="checkbox" checked={settings.crosshairOutline} onChange={(e) => set("crosshairOutline", e.target.checked)} />
        Crosshair outline
      </label>
      <label>
        Volume
        <input type="range" min="0" max="100" step="5" value={settings.volume} onChange={(e) => set("volume", Number(e.target.value))} />
        <output>{settings.volume === 0 ? "off" : settings.volume}</output>
      </label>
      <KeyBinding label="Keyboard fire" value={settings.keyboardFire} none onBind={bindKeyboardFire} />
      <KeyBinding label="Restart key" value={settings.restartKey} none={false} onBind={bindRestart} />
      <label>
        <input type="checkbox" checked={settings.countdownOnRetry} onChange={(e) => set("countdownOnRetry", e.target.checked)} />
        Countdown on retry
      </label>
      <label>
        <input type="checkbox" checked={settings.fullscreen} onChange={(e) => set("fullscreen", e.target.checked)} />
        Full screen
      </label>
      {error && <p className="error">{error}</p>}
    </fieldset>
  );
}

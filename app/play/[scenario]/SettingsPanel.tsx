"use client";

import { useState } from "react";
import type { GameSensitivityProfile } from "@/game/core";
import { GAME_PRESETS, cm360FromPreset } from "@/game/client/settings";
import { CROSSHAIR_COLOURS, CROSSHAIR_STYLES, TARGET_COLOURS, settingsSchema, type Settings } from "@/lib/contracts/settings";

/** Sensitivity, FOV and look settings; every change is validated and saved by the parent. */
export default function SettingsPanel({ settings, onChange }: { settings: Settings; onChange(next: Settings): void }) {
  const [game, setGame] = useState<GameSensitivityProfile>("source");
  const [gameSens, setGameSens] = useState("2");
  const [error, setError] = useState<string | null>(null);
  const [bindingKey, setBindingKey] = useState(false);

  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    const parsed = settingsSchema.shape[key].safeParse(value);
    if (!parsed.success) {
      setError(`${key}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
      return;
    }
    setError(null);
    onChange({ ...settings, [key]: parsed.data });
  };

  const applyPreset = () => {
    const sens = Number(gameSens);
    if (!(sens > 0)) return setError("in-game sensitivity must be a positive number");
    set("cm360", cm360FromPreset(game, sens, settings.dpi));
  };

  return (
    <fieldset className="settings">
      <legend>Settings</legend>
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
        Keyboard fire
        <button
          type="button"
          className="button secondary"
          onClick={() => setBindingKey(true)}
          onKeyDown={(e) => {
            if (!bindingKey) return;
            e.preventDefault();
            setBindingKey(false);
            set("keyboardFire", e.code === "Escape" ? null : e.code);
          }}
        >
          {bindingKey ? "press a key (Esc: none)" : (settings.keyboardFire ?? "none")}
        </button>
      </label>
      {error && <p className="error">{error}</p>}
    </fieldset>
  );
}

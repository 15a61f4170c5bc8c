"use client";

/**
 * The play page's settings, following the player: a visitor's live in this browser (localStorage);
 * a signed-in player's are loaded from their account (GET /api/players/me, merged over the defaults)
 * and every change is saved back (PATCH /api/players/me, debounced). A player whose account holds no
 * settings yet (a new or guest player) takes this browser's, which are then saved to the account.
 */
import { useEffect, useRef, useState } from "react";
import { saveServerSettings, type Me } from "@/game/client/api";
import { loadSettings, mergeSettings, saveSettings } from "@/game/client/settings";
import { DEFAULT_SETTINGS, type Settings } from "@/lib/contracts/settings";

/** Where the settings are kept, as the settings panel tells the player. */
export type SettingsSync = "browser" | "saving" | "account" | "failed";

/** Changes within this long are saved to the account in one request. */
const SAVE_DELAY_MS = 600;

export function usePlayerSettings(player: Me | null | undefined): {
  settings: Settings;
  sync: SettingsSync;
  update(next: Settings): void;
} {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [sync, setSync] = useState<SettingsSync>("browser");
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; settings: Settings } | null>(null);
  /** Saves go one after another (an older one must not land after a newer one); `changes` numbers them. */
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const changes = useRef(0);
  const signedIn = Boolean(player);

  const push = (next: Settings) => {
    const change = ++changes.current;
    setSync("saving");
    saving.current = saving.current
      .then(() => saveServerSettings(next))
      .then(
        () => change === changes.current && setSync("account"),
        () => change === changes.current && setSync("failed"),
      );
  };

  useEffect(() => setSettings(loadSettings()), []);

  // Signing in (or the page learning who is signed in) brings the account's settings.
  useEffect(() => {
    if (!player) {
      setSync("browser");
      return;
    }
    if (Object.keys(player.settings).length === 0) {
      push(loadSettings());
      return;
    }
    const fromAccount = mergeSettings(player.settings);
    saveSettings(fromAccount);
    // The same values must not rebuild the idle play session.
    setSettings((current) => (JSON.stringify(current) === JSON.stringify(fromAccount) ? current : fromAccount));
    setSync("account");
  }, [player?.id]);

  // A change not yet sent goes when the page goes.
  useEffect(
    () => () => {
      if (!pending.current) return;
      clearTimeout(pending.current.timer);
      void saveServerSettings(pending.current.settings).catch(() => undefined);
    },
    [],
  );

  const update = (next: Settings) => {
    saveSettings(next);
    setSettings(next);
    if (!signedIn) return;
    if (pending.current) clearTimeout(pending.current.timer);
    changes.current++;
    setSync("saving");
    pending.current = {
      settings: next,
      timer: setTimeout(() => {
        pending.current = null;
        push(next);
      }, SAVE_DELAY_MS),
    };
  };

  return { settings, sync, update };
}

/**
 * One account action's state for a section of the account page: whether it is running and the error it
 * ended with (shown in an alert). A 401 means the session ended (revoked from another device): the
 * page then shows its signed-out view.
 */
import { useCallback, useState } from "react";
import type { ApiFailure } from "@/game/client/api";
import { failureMessage } from "./messages";

export function useAction(onSignedOut: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (action: () => Promise<void>, fallback: string): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        await action();
        return true;
      } catch (err) {
        if ((err as Partial<ApiFailure>).status === 401) onSignedOut();
        else setError(failureMessage(err, fallback));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [onSignedOut],
  );
  return { error, busy, run };
}

/** A date and time as the player's browser shows them. */
export const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

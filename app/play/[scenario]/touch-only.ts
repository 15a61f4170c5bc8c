/**
 * Whether this device has no fine pointer at all (a phone or a tablet without a mouse): aiming needs a
 * mouse, so the play page shows a notice instead of a start button there. A touchscreen laptop with a
 * mouse or a trackpad has a fine pointer and plays. Follows a mouse being plugged in or removed.
 */
import { useSyncExternalStore } from "react";

const FINE_POINTER = "(any-pointer: fine)";

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(FINE_POINTER);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

export function useTouchOnly(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => !window.matchMedia(FINE_POINTER).matches,
    // The server cannot know: it renders the start path, the browser corrects it on hydration.
    () => false,
  );
}

"use client";

/**
 * Full-screen play: with the `fullscreen` setting on, the arena asks for the Fullscreen API as a run
 * begins (from the click or key that starts it, once pointer lock is taken). Where the browser
 * refuses, the arena fills the window instead, until the player presses Esc between runs or goes
 * back to the settings; real full screen ends the same way, or with Esc as the browser provides.
 */
import { useRef, useState } from "react";

export function useFullScreenArena(wanted: boolean) {
  const ref = useRef<HTMLDivElement>(null);
  const [filled, setFilled] = useState(false);
  const filledNow = useRef(false);
  const fill = (on: boolean) => {
    filledNow.current = on;
    setFilled(on);
  };

  const enter = async () => {
    const arena = ref.current;
    if (!wanted || !arena || filledNow.current || document.fullscreenElement === arena) return;
    try {
      if (!document.fullscreenEnabled) throw new Error("full screen is not available");
      await arena.requestFullscreen({ navigationUI: "hide" });
    } catch {
      fill(true);
    }
  };

  /** Back to the page: out of full screen, or of the window-filling arena. */
  const leave = () => {
    fill(false);
    if (ref.current && document.fullscreenElement === ref.current) void document.exitFullscreen().catch(() => undefined);
  };

  return { ref, filled, enter, leave };
}

"use client";

/**
 * The HUD over a run's canvas (the play page and the kiosk): the clock, score and accuracy that the
 * play session (game/client/session.ts) writes into as the run goes, and the tier line. The
 * countdown element is the caller's to place; its ref comes from the same hook.
 */
import { useRef } from "react";
import type { HudElements } from "@/game/client/session";

export function useHudRefs() {
  return {
    time: useRef<HTMLSpanElement>(null),
    score: useRef<HTMLSpanElement>(null),
    accuracy: useRef<HTMLSpanElement>(null),
    countdown: useRef<HTMLDivElement>(null),
  };
}
export type HudRefs = ReturnType<typeof useHudRefs>;

/** The mounted elements, for a PlaySession. */
export function hudElements(refs: HudRefs): HudElements {
  return { time: refs.time.current!, score: refs.score.current!, accuracy: refs.accuracy.current!, countdown: refs.countdown.current! };
}

export default function RunHud({ refs, durationMs, tierText, className, tierClassName }: { refs: HudRefs; durationMs: number; tierText: string; className: string; tierClassName?: string }) {
  return (
    <div className={className} aria-live="off">
      <span>
        Time <span ref={refs.time} data-hud="time">{(durationMs / 1000).toFixed(1)}</span>
      </span>
      <span>
        Score <span ref={refs.score} data-hud="score">0</span>
      </span>
      <span>
        Accuracy <span ref={refs.accuracy} data-hud="accuracy">0%</span>
      </span>
      <span className={tierClassName}>{tierText}</span>
    </div>
  );
}

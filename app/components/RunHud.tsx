"use client";

/**
 * The HUD over a run's canvas (the play page and the kiosk): the clock, score and accuracy that the
 * play session (game/client/session.ts) writes into as the run goes, and the tier line. The
 * countdown element and the shot marker (inside <Crosshair markerRef>) are the caller's to place;
 * their refs come from the same hook.
 */
import { useRef } from "react";
import { accuracyLabel, accuracyText, clockText, tenthsLeft } from "@/game/client/hud";
import type { HudElements } from "@/game/client/session";
import type { ScenarioKind } from "@/game/core";

export function useHudRefs() {
  return {
    time: useRef<HTMLSpanElement>(null),
    score: useRef<HTMLSpanElement>(null),
    accuracy: useRef<HTMLSpanElement>(null),
    countdown: useRef<HTMLDivElement>(null),
    marker: useRef<HTMLDivElement>(null),
  };
}
export type HudRefs = ReturnType<typeof useHudRefs>;

/** The mounted elements, for a PlaySession. */
export function hudElements(refs: HudRefs): HudElements {
  return {
    time: refs.time.current!,
    score: refs.score.current!,
    accuracy: refs.accuracy.current!,
    countdown: refs.countdown.current!,
    marker: refs.marker.current,
  };
}

export default function RunHud({
  refs,
  durationMs,
  kind,
  tierText,
  className,
  tierClassName,
}: {
  refs: HudRefs;
  durationMs: number;
  kind: ScenarioKind;
  tierText: string;
  className: string;
  tierClassName?: string;
}) {
  return (
    <div className={className} aria-live="off">
      <span>
        Time <span ref={refs.time} data-hud="time">{clockText(tenthsLeft(durationMs, 0))}</span>
      </span>
      <span>
        Score <span ref={refs.score} data-hud="score">0</span>
      </span>
      <span>
        {accuracyLabel(kind)} <span ref={refs.accuracy} data-hud="accuracy">{accuracyText(null)}</span>
      </span>
      <span className={tierClassName}>{tierText}</span>
    </div>
  );
}

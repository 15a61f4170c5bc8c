"use client";

import { useEffect, useRef } from "react";
import { CROSSHAIR_COLOURS, type Settings } from "@/lib/contracts/settings";

/** The crosshair at the centre of the game view (the camera looks where the aim is). */
export default function Crosshair({ settings }: { settings: Pick<Settings, "crosshairStyle" | "crosshairColour"> }) {
  // The colour goes in through the CSSOM, not a style attribute: the Content-Security-Policy
  // refuses style attributes in server-rendered markup.
  const ref = useRef<HTMLDivElement>(null);
  const colour = CROSSHAIR_COLOURS[settings.crosshairColour];
  useEffect(() => ref.current!.style.setProperty("--crosshair", colour), [colour]);
  return <div ref={ref} className={`crosshair crosshair-${settings.crosshairStyle}`} aria-hidden />;
}

import type { CSSProperties } from "react";
import { CROSSHAIR_COLOURS, type Settings } from "@/lib/contracts/settings";

/** The crosshair at the centre of the game view (the camera looks where the aim is). */
export default function Crosshair({ settings }: { settings: Pick<Settings, "crosshairStyle" | "crosshairColour"> }) {
  return (
    <div
      className={`crosshair crosshair-${settings.crosshairStyle}`}
      style={{ "--crosshair": CROSSHAIR_COLOURS[settings.crosshairColour] } as CSSProperties}
      aria-hidden
    />
  );
}

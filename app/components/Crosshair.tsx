"use client";

/**
 * The crosshair at the centre of the game view (the camera looks where the aim is), drawn from the
 * player's settings: style, colour, size, gap, thickness and outline. A cross is `size` pixels wide
 * (each arm half of it) plus the gap on each side; a circle is `size` across with a `thickness`
 * ring; a dot is twice `thickness` across. With a `markerRef`, the shot marker the play session
 * drives (game/client/session.ts) sits over it.
 */
import { useEffect, useRef, type Ref } from "react";
import { CROSSHAIR_COLOURS, type Settings } from "@/lib/contracts/settings";
import styles from "./Crosshair.module.css";

type CrosshairSettings = Pick<
  Settings,
  "crosshairStyle" | "crosshairColour" | "crosshairSize" | "crosshairGap" | "crosshairThickness" | "crosshairOutline"
>;

export default function Crosshair({ settings, markerRef }: { settings: CrosshairSettings; markerRef?: Ref<HTMLDivElement> }) {
  // Geometry and colour go in through the CSSOM, not a style attribute: the Content-Security-Policy
  // refuses style attributes in server-rendered markup.
  const ref = useRef<HTMLDivElement>(null);
  const { crosshairColour, crosshairSize, crosshairGap, crosshairThickness, crosshairOutline } = settings;
  useEffect(() => {
    const style = ref.current!.style;
    style.setProperty("--ch-colour", CROSSHAIR_COLOURS[crosshairColour]);
    style.setProperty("--ch-size", `${crosshairSize}px`);
    style.setProperty("--ch-gap", `${crosshairGap}px`);
    style.setProperty("--ch-thick", `${crosshairThickness}px`);
    style.setProperty("--ch-outline", crosshairOutline ? "0 0 0 1px #000" : "none");
  }, [crosshairColour, crosshairSize, crosshairGap, crosshairThickness, crosshairOutline]);
  const shape = settings.crosshairStyle;
  return (
    <div ref={ref} className={styles.crosshair} data-crosshair={shape} aria-hidden>
      {shape === "cross" &&
        [styles.left, styles.right, styles.up, styles.down].map((side) => <span key={side} className={`${styles.arm} ${side}`} />)}
      {shape === "dot" && <span className={styles.dot} />}
      {shape === "circle" && <span className={styles.circle} />}
      {markerRef && <div ref={markerRef} className={styles.marker} data-testid="shot-marker" />}
    </div>
  );
}

"use client";

import { useEffect, useRef, useState } from "react";
import { scenarioFromDraft, type ScenarioDraft } from "@/game/core";
import { loadSettings } from "@/game/client/settings";
import styles from "./editor.module.css";

/**
 * The live preview beside the editor's form: the draft played by the game core and drawn by the
 * trainer's renderer (game/client/scenario-preview.ts). three.js is loaded when this mounts, not
 * with the page. A new preview starts whenever the (valid) draft changes.
 */
type PreviewModule = typeof import("@/game/client/scenario-preview");

/** `stale`: the form holds an invalid draft, so the preview still shows the last valid one. */
export default function Preview({ draft, stale }: { draft: ScenarioDraft; stale: boolean }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [preview, setPreview] = useState<PreviewModule | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    import("@/game/client/scenario-preview").then(setPreview, () => setFailed(true));
  }, []);

  useEffect(() => {
    if (!preview || !canvasRef.current) return;
    const running = new preview.ScenarioPreview(canvasRef.current, scenarioFromDraft(draft, "preview"), loadSettings());
    return () => running.dispose();
  }, [preview, draft]);

  return (
    <figure className={styles.preview}>
      {/* A canvas per draft: a WebGL context is not reused across renderers. */}
      <canvas key={JSON.stringify(draft)} ref={canvasRef} className={styles.previewCanvas} data-testid="preview" aria-label="Live preview of the scenario" />
      <figcaption className="muted">
        {failed
          ? "The preview could not be loaded."
          : stale
            ? "Live preview of the last valid draft: fix the marked fields to see your changes."
            : "Live preview: a demo player runs the draft as the game will."}
      </figcaption>
    </figure>
  );
}

"use client";

/**
 * Draws a uPlot chart into a box and keeps it as wide as the box. uPlot is loaded only with the page
 * that draws one; it styles its elements through the CSSOM and its stylesheet is a file (imported
 * here), so it runs under the site's Content-Security-Policy without 'unsafe-inline' or eval. The
 * box gets `data-drawn="true"` once the chart is on it.
 */
import { useEffect, type DependencyList, type RefObject } from "react";
import type uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

/** The site's axis style on its dark panels (muted labels, faint grid). */
export const CHART_AXIS = { stroke: "#9aa4b2", grid: { stroke: "#262c36" }, ticks: { stroke: "#262c36" } };

export interface UPlotSpec {
  options: Omit<uPlot.Options, "width" | "height">;
  data: uPlot.AlignedData;
}

/** `deps`: what `build` depends on (the chart is drawn again when one changes). `build` answers null when there is nothing to draw. */
export function useUPlot(box: RefObject<HTMLDivElement | null>, height: number, build: (UPlot: typeof uPlot) => UPlotSpec | null, deps: DependencyList): void {
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let chart: uPlot | null = null;
    let observer: ResizeObserver | null = null;
    let cancelled = false;
    void import("uplot").then(({ default: UPlot }) => {
      if (cancelled) return;
      const spec = build(UPlot);
      if (!spec) return;
      const { options, data } = spec;
      chart = new UPlot({ width: el.clientWidth, height, ...options }, data, el);
      el.dataset.drawn = "true";
      observer = new ResizeObserver(() => chart?.setSize({ width: el.clientWidth, height }));
      observer.observe(el);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart?.destroy();
      delete el.dataset.drawn;
    };
  }, deps);
}

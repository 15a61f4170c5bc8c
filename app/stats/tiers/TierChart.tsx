"use client";

import { useEffect, useRef } from "react";
import type uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { TierHistogram } from "@/lib/contracts/stats";
import styles from "./page.module.css";

/**
 * Players per band of best score, free and Ultimate overlaid as filled steps, drawn by uPlot on a
 * canvas (loaded only with this page; it styles through the CSSOM, so it runs under the site's CSP
 * as the admin's RunsChart does). The page shows the same numbers as a table beside it.
 */
export function TierChart({ histogram, label }: { histogram: TierHistogram; label: string }) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el || histogram.edges.length === 0) return;
    let chart: uPlot | null = null;
    let observer: ResizeObserver | null = null;
    let cancelled = false;
    void import("uplot").then(({ default: UPlot }) => {
      if (cancelled) return;
      const axis = { stroke: "#9aa4b2", grid: { stroke: "#262c36" }, ticks: { stroke: "#262c36" } };
      const steps = UPlot.paths.stepped!({ align: 1 });
      // A step per band from its lower edge; the last edge closes the last band.
      const closed = (counts: number[]) => [...counts, 0];
      chart = new UPlot(
        {
          width: el.clientWidth,
          height: 240,
          scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(2, max)] } },
          axes: [{ ...axis, label: "best score" }, { ...axis, label: "players" }],
          series: [
            { label: "best score" },
            { label: "free", stroke: "#56b4e9", fill: "rgba(86, 180, 233, 0.25)", width: 2, paths: steps, points: { show: false } },
            { label: "ultimate", stroke: "#e69f00", fill: "rgba(230, 159, 0, 0.25)", width: 2, paths: steps, points: { show: false } },
          ],
        },
        [histogram.edges, closed(histogram.free), closed(histogram.ultimate)],
        el,
      );
      el.dataset.drawn = "true";
      observer = new ResizeObserver(() => chart?.setSize({ width: el.clientWidth, height: 240 }));
      observer.observe(el);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart?.destroy();
      delete el.dataset.drawn;
    };
  }, [histogram]);

  return <div ref={box} className={styles.chart} data-testid="tier-chart" role="img" aria-label={label} />;
}

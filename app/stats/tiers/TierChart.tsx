"use client";

import { useRef } from "react";
import { CHART_AXIS, useUPlot } from "@/app/components/useUPlot";
import type { TierHistogram } from "@/lib/contracts/stats";
import styles from "./page.module.css";

/**
 * Players per band of best score, free and Ultimate overlaid as filled steps, drawn by uPlot on a
 * canvas (app/components/useUPlot.ts). The page shows the same numbers as a table beside it.
 */
export function TierChart({ histogram, label }: { histogram: TierHistogram; label: string }) {
  const box = useRef<HTMLDivElement>(null);

  useUPlot(
    box,
    240,
    (UPlot) => {
      if (histogram.edges.length === 0) return null;
      const steps = UPlot.paths.stepped!({ align: 1 });
      // A step per band from its lower edge; the last edge closes the last band.
      const closed = (counts: number[]) => [...counts, 0];
      return {
        options: {
          scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(2, max)] } },
          axes: [{ ...CHART_AXIS, label: "best score" }, { ...CHART_AXIS, label: "players" }],
          series: [
            { label: "best score" },
            { label: "free", stroke: "#56b4e9", fill: "rgba(86, 180, 233, 0.25)", width: 2, paths: steps, points: { show: false } },
            { label: "ultimate", stroke: "#e69f00", fill: "rgba(230, 159, 0, 0.25)", width: 2, paths: steps, points: { show: false } },
          ],
        },
        data: [histogram.edges, closed(histogram.free), closed(histogram.ultimate)],
      };
    },
    [histogram],
  );

  return <div ref={box} className={styles.chart} data-testid="tier-chart" role="img" aria-label={label} />;
}

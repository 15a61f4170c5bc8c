"use client";

import { useEffect, useRef } from "react";
import type uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { AdminOverview } from "@/lib/contracts/admin-overview";

/**
 * Runs started per hour and tier, drawn by uPlot on a canvas (loaded only with this page). uPlot
 * styles its elements through the CSSOM and its stylesheet is a file, so it runs under the site's
 * Content-Security-Policy without 'unsafe-inline' or eval. Hours are shown in the challenge's zone.
 */
export function RunsChart({ hourly, timeZone }: { hourly: AdminOverview["hourly"]; timeZone: string }) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let chart: uPlot | null = null;
    let observer: ResizeObserver | null = null;
    let cancelled = false;
    void import("uplot").then(({ default: UPlot }) => {
      if (cancelled) return;
      const axis = { stroke: "#9aa4b2", grid: { stroke: "#262c36" }, ticks: { stroke: "#262c36" } };
      chart = new UPlot(
        {
          width: el.clientWidth,
          height: 260,
          tzDate: (ts) => UPlot.tzDate(new Date(ts * 1000), timeZone),
          scales: { y: { range: (_u, _min, max) => [0, Math.max(4, max)] } },
          axes: [axis, { ...axis, label: "runs / hour" }],
          series: [
            { label: "hour" },
            { label: "free", stroke: "#56b4e9", width: 2, points: { show: false } },
            { label: "ultimate", stroke: "#e69f00", width: 2, points: { show: false } },
          ],
        },
        [hourly.hours, hourly.free, hourly.ultimate],
        el,
      );
      el.dataset.drawn = "true";
      observer = new ResizeObserver(() => chart?.setSize({ width: el.clientWidth, height: 260 }));
      observer.observe(el);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart?.destroy();
      delete el.dataset.drawn;
    };
  }, [hourly, timeZone]);

  return <div ref={box} className="admin-chart" data-testid="runs-chart" role="img" aria-label={`Runs started per hour and tier, last ${hourly.hours.length} hours`} />;
}

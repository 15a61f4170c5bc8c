"use client";

import { useRef } from "react";
import type { AdminOverview } from "@/lib/contracts/admin-overview";
import { CHART_AXIS, useUPlot } from "@/app/components/useUPlot";

/** Runs started per hour and tier, drawn by uPlot on a canvas (useUPlot). Hours are shown in the challenge's zone. */
export function RunsChart({ hourly, timeZone }: { hourly: AdminOverview["hourly"]; timeZone: string }) {
  const box = useRef<HTMLDivElement>(null);

  useUPlot(
    box,
    260,
    (UPlot) => {
      return {
        options: {
          tzDate: (ts) => UPlot.tzDate(new Date(ts * 1000), timeZone),
          scales: { y: { range: (_u, _min, max) => [0, Math.max(4, max)] } },
          axes: [CHART_AXIS, { ...CHART_AXIS, label: "runs / hour" }],
          series: [
            { label: "hour" },
            { label: "free", stroke: "#56b4e9", width: 2, points: { show: false } },
            { label: "ultimate", stroke: "#e69f00", width: 2, points: { show: false } },
          ],
        },
        data: [hourly.hours, hourly.free, hourly.ultimate],
      };
    },
    [hourly, timeZone],
  );

  return <div ref={box} className="admin-chart" data-testid="runs-chart" role="img" aria-label={`Runs started per hour and tier, last ${hourly.hours.length} hours`} />;
}

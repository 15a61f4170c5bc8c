"use client";

import { useRef } from "react";
import type uPlot from "uplot";
import type { ProgressPoint } from "@/lib/contracts/profiles";
import { CHART_AXIS, useUPlot, type UPlotSpec } from "@/app/components/useUPlot";
import styles from "./profile.module.css";

/**
 * One scenario's verified runs over time, drawn by uPlot on a canvas (useUPlot): `score` plots each
 * run's score by tier with the personal-best line; `trends` plots accuracy, reaction time and kills
 * per second, each on its own scale. The page puts the same numbers in a table for screen readers.
 */
export function ProgressChart({ points, kind, label }: { points: ProgressPoint[]; kind: "score" | "trends"; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useUPlot(box, HEIGHT, (UPlot) => (kind === "score" ? scoreChart(UPlot, points) : trendsChart(points)), [points, kind]);
  return <div ref={box} className={styles.chart} data-testid={`${kind}-chart`} role="img" aria-label={label} />;
}

const HEIGHT = 240;
// Okabe–Ito colours, as the rest of the site.
const FREE = "#56b4e9";
const ULTIMATE = "#e69f00";
const BEST = "#e8ecf1";

const seconds = (points: ProgressPoint[]) => points.map((p) => Date.parse(p.at) / 1000);
const shown = (digits: number, unit = "") => (_u: uPlot, v: number | null) => (v === null || v === undefined ? "–" : `${v.toFixed(digits)}${unit}`);
/** A series drawn as dots only (a run is an event, not a continuous value). */
const dots = (label: string, colour: string): uPlot.Series => ({ label, stroke: colour, fill: colour, paths: () => null, points: { show: true, size: 7, fill: colour }, value: shown(0) });

function scoreChart(UPlot: typeof uPlot, points: ProgressPoint[]): UPlotSpec {
  return {
    options: {
      axes: [CHART_AXIS, { ...CHART_AXIS, label: "score", size: 60 }],
      series: [
        { label: "run" },
        { label: "personal best", stroke: BEST, width: 2, paths: UPlot.paths.stepped!({ align: 1 }), points: { show: false }, value: shown(0) },
        dots("free", FREE),
        dots("ultimate", ULTIMATE),
      ],
    },
    data: [
      seconds(points),
      points.map((p) => p.personalBest),
      points.map((p) => (p.tier === "free" ? p.score : null)),
      points.map((p) => (p.tier === "ultimate" ? p.score : null)),
    ],
  };
}

function trendsChart(points: ProgressPoint[]): UPlotSpec {
  const line = (label: string, colour: string, scale: string, value: uPlot.Series["value"]): uPlot.Series => ({ label, stroke: colour, width: 2, scale, value, points: { show: true, size: 5 }, spanGaps: true });
  return {
    options: {
      scales: { "%": { range: [0, 100] }, ms: { range: (_u, _min, max) => [0, Math.max(100, max ?? 0)] }, "/s": { range: (_u, _min, max) => [0, Math.max(1, max ?? 0)] } },
      axes: [CHART_AXIS, { ...CHART_AXIS, scale: "%", label: "accuracy %", size: 50 }, { ...CHART_AXIS, scale: "ms", side: 1, label: "reaction ms", size: 55, grid: { show: false } },
        { ...CHART_AXIS, scale: "/s", side: 1, label: "kills / s", size: 45, grid: { show: false } },
      ],
      series: [
        { label: "run" },
        line("accuracy", FREE, "%", shown(1, " %")),
        line("reaction time", ULTIMATE, "ms", shown(0, " ms")),
        line("kills / s", BEST, "/s", shown(2)),
      ],
    },
    data: [
      seconds(points),
      points.map((p) => (p.accuracy === null ? null : p.accuracy * 100)),
      points.map((p) => p.reactionTimeMedianMs),
      points.map((p) => p.killsPerSecond),
    ],
  };
}

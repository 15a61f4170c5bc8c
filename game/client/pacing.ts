/**
 * The display's refresh rate bounds the frame rate a page can achieve, whatever its tier: it is
 * measured from requestAnimationFrame timestamps and recorded on the run. (Which frames are
 * presented under the tier's cap is the simulation's call: Simulation.canPresent.)
 */
import type { Tier } from "../core";

/** Shown when a run on a tier could not reach its cap, so a comparison stays honest. */
export function tierLabel(tier: Tier, achievedFps: number, refreshHz: number): string {
  const name = tier.name === "ultimate" ? "Ultimate" : "Free";
  if (achievedFps >= tier.fpsCap * 0.95) return `${name} (${tier.fpsCap} fps)`;
  return `${name} on a ${refreshHz} Hz display (${Math.round(achievedFps)} of ${tier.fpsCap} fps)`;
}

/** The median requestAnimationFrame interval over `frames` frames, as a rate in Hz. */
export function measureRefreshRate(frames = 60): Promise<number> {
  return new Promise((resolve) => {
    const stamps: number[] = [];
    const tick = (t: number) => {
      stamps.push(t);
      if (stamps.length <= frames) requestAnimationFrame(tick);
      else {
        const intervals = stamps.slice(1).map((s, i) => s - stamps[i]!).sort((a, b) => a - b);
        const median = intervals[intervals.length >> 1]!;
        resolve(median > 0 ? Math.round(1000 / median) : 0);
      }
    };
    requestAnimationFrame(tick);
  });
}

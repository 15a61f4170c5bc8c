/**
 * Server-side (and test) replay: feeds a decoded log into a fresh Simulation
 * through the same methods the browser calls live, in raw-timestamp order
 * (at equal timestamps: mouse, then button, then frame — the order in which
 * a live client sees them, so no timestamp ever needs adjusting).
 */
import type { InputLog } from "./log";
import type { Scenario } from "./scenario";
import { Simulation, type RunResult } from "./simulation";
import type { Tier } from "./tier";
import type { RunSettings } from "./world";

/** Feeds every event of `log` to `sim` (does not call finish()). */
export function feedLog(sim: Simulation, log: InputLog): void {
  const m = log.mouse;
  const b = log.buttons;
  const f = log.frames.t;
  const nm = m.t.length;
  const nb = b.t.length;
  const nf = f.length;
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < nm || j < nb || k < nf) {
    const tm = i < nm ? m.t[i]! : Infinity;
    const tb = j < nb ? b.t[j]! : Infinity;
    const tf = k < nf ? f[k]! : Infinity;
    if (tm <= tb && tm <= tf) {
      sim.mouseMove(tm, m.dx[i]!, m.dy[i]!);
      i++;
    } else if (tb <= tf) {
      sim.button(tb, b.id[j]!, b.down[j]! === 1);
      j++;
    } else {
      sim.frame(tf);
      k++;
    }
  }
}

/** Re-runs a whole log and returns the authoritative result. */
export function replay(scenario: Scenario, seed: number, tier: Tier, log: InputLog, settings: RunSettings): RunResult {
  const sim = new Simulation(scenario, seed, tier, settings, { capacity: log.mouse.t.length + 16 });
  feedLog(sim, log);
  return sim.finish();
}

/**
 * Server-side (and test) replay: feeds a decoded log into a fresh Simulation
 * through the same methods the browser calls live, in raw-timestamp order
 * (at equal timestamps: mouse, then button, then frame — the order in which
 * a live client sees them, so no timestamp ever needs adjusting).
 *
 * LogFeeder feeds that same sequence a prefix at a time: the replay viewer
 * plays a log up to any moment with it.
 */
import type { InputLog } from "./log";
import type { Scenario } from "./scenario";
import { Simulation, type RunResult } from "./simulation";
import type { Tier } from "./tier";
import type { RunSettings } from "./world";

/** Feeds the events of a log to a simulation in replay order, resumably. */
export class LogFeeder {
  private i = 0;
  private j = 0;
  private k = 0;

  constructor(
    readonly sim: Simulation,
    readonly log: InputLog,
  ) {}

  /** Number of frame events fed so far. */
  get framesFed(): number {
    return this.k;
  }

  /** Every event has been fed. */
  get done(): boolean {
    return this.i === this.log.mouse.t.length && this.j === this.log.buttons.t.length && this.k === this.log.frames.t.length;
  }

  /** Feeds every event not yet fed whose time is at or before tMs (Infinity: the rest of the log). */
  feedUntil(tMs: number): void {
    const { sim, log } = this;
    const m = log.mouse;
    const b = log.buttons;
    const f = log.frames.t;
    const nm = m.t.length;
    const nb = b.t.length;
    const nf = f.length;
    let i = this.i;
    let j = this.j;
    let k = this.k;
    for (;;) {
      const tm = i < nm ? m.t[i]! : Infinity;
      const tb = j < nb ? b.t[j]! : Infinity;
      const tf = k < nf ? f[k]! : Infinity;
      if (tm <= tb && tm <= tf) {
        if (tm > tMs || tm === Infinity) break;
        sim.mouseMove(tm, m.dx[i]!, m.dy[i]!);
        i++;
      } else if (tb <= tf) {
        if (tb > tMs) break;
        sim.button(tb, b.id[j]!, b.down[j]! === 1);
        j++;
      } else {
        if (tf > tMs) break;
        sim.frame(tf);
        k++;
      }
    }
    this.i = i;
    this.j = j;
    this.k = k;
  }
}

/** Feeds every event of `log` to `sim` (does not call finish()). */
export function feedLog(sim: Simulation, log: InputLog): void {
  new LogFeeder(sim, log).feedUntil(Infinity);
}

/** Re-runs a whole log and returns the authoritative result. */
export function replay(scenario: Scenario, seed: number, tier: Tier, log: InputLog, settings: RunSettings): RunResult {
  const sim = new Simulation(scenario, seed, tier, settings, { capacity: log.mouse.t.length + 16 });
  feedLog(sim, log);
  return sim.finish();
}

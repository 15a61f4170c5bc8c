import { describe, expect, it } from "vitest";
import {
  Simulation,
  TIERS,
  anglesToward,
  decodeLog,
  encodeLog,
  feedLog,
  parseScenario,
  radiansPerCount,
  replay,
  targetPosition,
  vec3,
  type Tier,
} from "../../../game/core/index";
import { SETTINGS, frameSchedule, lastAtOrBefore, runClickBot, runTrackBot, scenario, shortened } from "../../support/bots";

const tiers: Tier[] = [TIERS.free, TIERS.ultimate];

describe("aimbot logs hit everything", () => {
  for (const id of ["gridshot", "strafe-shot"]) {
    for (const tier of tiers) {
      it(`${id} on ${tier.name}: every shot hits`, () => {
        const sc = shortened(id, 20_000);
        const { sim, result } = runClickBot(sc, 0xc0ffee, tier);
        expect(result.shots).toBeGreaterThan(50);
        expect(result.hits).toBe(result.shots);
        expect(result.misses).toBe(0);
        expect(result.accuracy).toBe(1);
        expect(result.kills).toBe(result.hits);
        expect(result.score).toBe(result.kills * sc.scoring.pointsPerKill);
        // A reaction needs a movement toward the target; one that spawns under the aim has none.
        expect(result.reactionTimesMs.length).toBeGreaterThan(0.9 * result.kills);
        expect(result.reactionTimesMs.every((t) => t >= 0)).toBe(true);
        expect(result.timeToKillMs).toHaveLength(result.kills);
        expect(result.frames.capViolations).toBe(0);
        expect(result.adjustedEvents).toBe(0);
        const frames = frameSchedule(tier.fpsCap, sc.durationMs);
        for (const s of result.shotRecords) expect(s.frameAt).toBe(lastAtOrBefore(frames, s.effectiveAt));
        // The server gets the same answer from the recorded log.
        const log = decodeLog(encodeLog(sim.log()));
        expect(replay(sc, 0xc0ffee, tier, log, SETTINGS)).toEqual(result);
      });
    }
  }

  for (const id of ["smooth-track", "switch-track"]) {
    for (const tier of tiers) {
      it(`${id} on ${tier.name}: on target for (nearly) the whole run`, () => {
        const sc = shortened(id, 20_000);
        const { sim, result } = runTrackBot(sc, 0xbeef, tier);
        // Lost time: the first frames (before the first delayed input lands) and,
        // for switching, ~(latency + one frame) after each kill.
        const minFraction = id === "smooth-track" ? 0.99 : 0.9;
        expect(result.timeOnTargetMs).toBeGreaterThan(minFraction * sc.durationMs);
        expect(result.timeOnTargetMs).toBeLessThanOrEqual(sc.durationMs);
        expect(result.accuracy).toBeGreaterThan(minFraction);
        if (id === "switch-track") {
          expect(result.kills).toBeGreaterThan(15);
          expect(result.timeToKillMs.every((t) => t > 0)).toBe(true);
        }
        expect(result.score).toBeGreaterThan(0);
        expect(replay(sc, 0xbeef, tier, decodeLog(encodeLog(sim.log())), SETTINGS)).toEqual(result);
      });
    }
  }
});

describe("a log that never aims at a target hits nothing", () => {
  for (const sc of ["gridshot", "strafe-shot", "smooth-track", "switch-track"].map((id) => shortened(id, 10_000))) {
    for (const tier of tiers) {
      it(`${sc.id} on ${tier.name}`, () => {
        const sim = new Simulation(sc, 7, tier, SETTINGS);
        const clicking = sc.kind.startsWith("clicking");
        sim.mouseMove(0, 0, -1_000_000); // straight up (clamped at +89°), effective at L
        if (!clicking) sim.button(0, 0, true); // hold (switch-track requires it)
        let n = 0;
        for (const f of frameSchedule(tier.fpsCap, sc.durationMs)) {
          if (f <= tier.addedLatencyMs) continue; // nothing presented before the aim is up
          sim.frame(f);
          if (n++ % 10 === 0) {
            sim.mouseMove(f + 0.0625, 300, 0); // spin around while looking up
            if (clicking) {
              sim.button(f + 0.0625, 0, true);
              sim.button(f + 5, 0, false);
            }
          }
        }
        const r = sim.finish();
        expect(r.hits).toBe(0);
        expect(r.kills).toBe(0);
        expect(r.timeOnTargetMs).toBe(0);
        expect(r.score).toBe(0);
        if (clicking) expect(r.shots).toBeGreaterThan(50);
        else expect(r.sampledTimeMs).toBeGreaterThan(0);
      });
    }
  }
});

describe("timing rules", () => {
  it("the tier delay shifts a press by exactly its value", () => {
    const sc = shortened("gridshot", 5_000);
    for (const tier of tiers) {
      const sim = new Simulation(sc, 1, tier, SETTINGS);
      const frames = frameSchedule(tier.fpsCap, sc.durationMs);
      const presses = [100, 333.3125, 1000.5, 2500.0625, 4000];
      let p = 0;
      for (const f of frames) {
        while (p < presses.length && presses[p]! <= f) {
          sim.button(presses[p]!, 0, true);
          sim.button(presses[p]! + 1, 0, false);
          p++;
        }
        sim.frame(f);
      }
      const r = sim.finish();
      expect(r.shotRecords.map((s) => s.pressedAt)).toEqual(presses);
      for (const s of r.shotRecords) {
        expect(s.effectiveAt - s.pressedAt).toBe(tier.addedLatencyMs);
        expect(s.frameAt).toBe(lastAtOrBefore(frames, s.effectiveAt));
      }
    }
  });

  it("hit-tests against the last presented frame, not the true position", () => {
    // A fast strafer: 720°/s moves 12° between 60 fps frames (target radius ~1.4°).
    const sc = parseScenario({
      ...scenario("strafe-shot"),
      durationMs: 2000,
      motion: { type: "strafe", pattern: "bounce", speedDegPerSec: 720, amplitudeDeg: 60 },
    });
    const tier = TIERS.free;
    const rpc = radiansPerCount(SETTINGS);
    const run = (aimAt: "frame" | "true") => {
      const sim = new Simulation(sc, 11, tier, SETTINGS);
      const frames = frameSchedule(tier.fpsCap, sc.durationMs);
      const press = 500.0625;
      const te = press + tier.addedLatencyMs;
      const F = lastAtOrBefore(frames, te);
      const pos = targetPosition(sc, 11, 0, 0, aimAt === "frame" ? F : te, vec3());
      const a = anglesToward(pos, { yaw: 0, pitch: 0 });
      let sent = false;
      for (const f of frames) {
        if (!sent && f > press) {
          sim.mouseMove(press, Math.round(a.yaw / rpc), -Math.round(a.pitch / rpc));
          sim.button(press, 0, true);
          sent = true;
        }
        sim.frame(f);
      }
      return sim.finish().shotRecords[0]!;
    };
    expect(run("frame").hit).toBe(true);
    expect(run("true").hit).toBe(false);
  });

  it("a press exactly at a frame's time sees that frame; a mouse move at that time is applied before it", () => {
    const sc = shortened("gridshot", 2000);
    const tier = TIERS.ultimate; // L = 10 ms
    const rpc = radiansPerCount(SETTINGS);
    const pos = targetPosition(sc, 3, 0, 0, 0, vec3());
    const a = anglesToward(pos, { yaw: 0, pitch: 0 });
    const sim = new Simulation(sc, 3, tier, SETTINGS);
    sim.frame(100); // shows spawns 0..2
    sim.mouseMove(100, Math.round(a.yaw / rpc), -Math.round(a.pitch / rpc)); // effective 110
    sim.button(100, 0, true); // effective 110
    sim.frame(110);
    expect(sim.shots).toBe(0); // a press at exactly a frame's time is evaluated after that frame
    sim.frame(120);
    const r = sim.finish();
    expect(r.shotRecords).toEqual([{ pressedAt: 100, effectiveAt: 110, frameAt: 110, hit: true, targetIndex: 0 }]);
    expect(r.targets[0]).toMatchObject({ spawnIndex: 0, spawnedAt: 0, firstShownAt: 100, firstHitAt: 110, killedAt: 110 });
    expect(r.reactionTimesMs).toEqual([10]);
    // the replacement spawned at 110 and was first shown by the frame at 120
    expect(r.targets[3]).toMatchObject({ spawnIndex: 3, spawnedAt: 110, firstShownAt: 120 });
  });

  it("reaction time: from engagement to the aim moving toward the target; time to kill: from engagement to the kill", () => {
    const sc = shortened("gridshot", 2000);
    const tier = TIERS.ultimate; // L = 10 ms
    const rpc = radiansPerCount(SETTINGS);
    const counts = (k: number) => {
      const a = anglesToward(targetPosition(sc, 3, k, 0, 0, vec3()), { yaw: 0, pitch: 0 });
      return [Math.round(a.yaw / rpc), -Math.round(a.pitch / rpc)] as const;
    };
    const [x0, y0] = counts(0);
    const [x1, y1] = counts(1);
    const sim = new Simulation(sc, 3, tier, SETTINGS);
    sim.frame(100); // shows (and engages) targets 0..2
    sim.mouseMove(140, x0, y0); // effective 150: the onset toward target 0
    sim.frame(160);
    sim.button(170, 0, true); // effective 180: kills target 0 and engages 1 and 2
    sim.button(172, 0, false);
    sim.frame(190);
    sim.mouseMove(250, x1 - x0, y1 - y0); // effective 260: the onset toward target 1
    sim.frame(270);
    sim.button(290, 0, true); // effective 300: kills target 1
    sim.frame(310);
    const r = sim.finish();
    expect(r.kills).toBe(2);
    expect(r.reactionTimesMs).toEqual([150 - 100, 260 - 180]);
    expect(r.timeToKillMs).toEqual([180 - 100, 300 - 180]);
  });

  it("a target spawned after the last frame cannot be hit until a frame shows it", () => {
    const sc = shortened("gridshot", 2000);
    const tier = TIERS.ultimate;
    const sim = new Simulation(sc, 3, tier, SETTINGS);
    sim.button(0, 0, true); // effective 10 ms, before any frame: nothing shown yet
    sim.frame(20);
    const r = sim.finish();
    expect(r.shotRecords[0]).toMatchObject({ frameAt: -1, hit: false });
  });

  it("ignores everything after durationMs", () => {
    const sc = shortened("gridshot", 1000);
    const sim = new Simulation(sc, 3, TIERS.free, SETTINGS);
    for (const f of frameSchedule(60, 1100)) sim.frame(f);
    sim.button(980, 0, true); // recorded, but takes effect at 1020 > 1000
    sim.button(1001, 0, false); // after the end: not even recorded
    const r = sim.finish();
    expect(r.shots).toBe(0);
    expect(r.frames.count).toBe(60);
    expect(sim.log().buttons.t.length).toBe(1);
    expect(sim.isOver(1000.0625)).toBe(true);
  });

  it("reports frame-cap violations in the result", () => {
    const sc = shortened("smooth-track", 2000);
    const sim = new Simulation(sc, 3, TIERS.free, SETTINGS);
    for (const f of frameSchedule(240, sc.durationMs)) sim.frame(f);
    const r = sim.finish();
    expect(r.frames.capViolations).toBeGreaterThan(0);
    expect(r.frames.achievedFps).toBeGreaterThan(200);
    const ok = new Simulation(sc, 3, TIERS.free, SETTINGS);
    for (const f of frameSchedule(240, sc.durationMs)) if (ok.canPresent(f)) ok.frame(f);
    expect(ok.finish().frames.capViolations).toBe(0);
  });

  it("live feeding in any arrival order equals replay of what the simulation recorded", () => {
    const sc = shortened("strafe-shot", 3000);
    const tier = TIERS.free;
    const { sim } = runClickBot(sc, 99, tier);
    const log = sim.log();
    // Re-feed with inputs arriving 60 ms late, i.e. after frames newer than their
    // effective time: the simulation must raise their timestamps (and record that).
    const live = new Simulation(sc, 99, tier, SETTINGS);
    const frames = Array.from(log.frames.t);
    let mi = 0;
    let bi = 0;
    for (const f of frames) {
      live.frame(f);
      while (mi < log.mouse.t.length && log.mouse.t[mi]! <= f - 60) {
        live.mouseMove(log.mouse.t[mi]!, log.mouse.dx[mi]!, log.mouse.dy[mi]!);
        mi++;
      }
      while (bi < log.buttons.t.length && log.buttons.t[bi]! <= f - 60) {
        live.button(log.buttons.t[bi]!, log.buttons.id[bi]!, log.buttons.down[bi] === 1);
        bi++;
      }
    }
    const liveResult = live.finish();
    expect(liveResult.adjustedEvents).toBeGreaterThan(0);
    const replayed = replay(sc, 99, tier, decodeLog(encodeLog(live.log())), SETTINGS);
    expect({ ...replayed, adjustedEvents: 0 }).toEqual({ ...liveResult, adjustedEvents: 0 });
    expect(replayed.adjustedEvents).toBe(0);
  });

  it("exposes renderer/HUD state without allocating per frame", () => {
    const sc = shortened("switch-track", 3000);
    const sim = new Simulation(sc, 5, TIERS.ultimate, SETTINGS);
    const aim = sim.aim;
    const views = sim.targets.slice();
    sim.frame(5);
    let visible = 0;
    sim.forEachVisibleTarget((v) => {
      visible++;
      expect(v.radius).toBe(sc.targets.radius);
      expect(v.health).toBe(1);
    });
    expect(visible).toBe(3);
    sim.mouseMove(6, 10, 0);
    sim.frame(20);
    expect(sim.aim).toBe(aim);
    expect(sim.aim.yaw).toBeCloseTo(10 * radiansPerCount(SETTINGS), 15);
    expect(sim.targets).toEqual(views);
    for (let i = 0; i < 3; i++) expect(sim.targets[i]).toBe(views[i]);
    expect(sim.score).toBe(0);
    expect(sim.elapsedMs).toBe(20);
    // feedLog is how replay drives the same class
    const other = new Simulation(sc, 5, TIERS.ultimate, SETTINGS);
    feedLog(other, sim.log());
    expect(other.finish()).toEqual(sim.finish());
  });
});

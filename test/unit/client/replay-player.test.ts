/**
 * The replay viewer's player, on logs from the test bots: played to the end it reports exactly what
 * replay() computes; at every moment it shows the last frame the run presented; seeking backwards
 * and forwards again lands in the same state as playing straight there.
 */
import { describe, expect, it } from "vitest";
import { decodeLog, encodeLog, replay, Rng, TIERS, type InputLog, type Scenario, type Tier } from "../../../game/core";
import { ReplayPlayer, type ReplayInput, type ReplayStatus } from "../../../game/client/replay-player";
import { runClickBot, runHumanClicker, runTrackBot, SETTINGS, shortened } from "../../support/bots";

const tiers: Tier[] = [TIERS.free, TIERS.ultimate];

/** A player on a clock the test moves. */
function playerFor(scenario: Scenario, seed: number, tier: Tier, log: InputLog) {
  const clock = { now: 0 };
  const input: ReplayInput = { scenario, seed, tier, settings: SETTINGS, log: decodeLog(encodeLog(log)) };
  return { player: new ReplayPlayer(input, () => clock.now), clock, input };
}

/** Frames of the log at or before t: what the screen shows at t is the last of them. */
function framesAtOrBefore(log: InputLog, t: number): number {
  let n = 0;
  while (n < log.frames.t.length && log.frames.t[n]! <= t) n++;
  return n;
}

/** Everything on screen and on the scoreboard. */
function snapshot(player: ReplayPlayer) {
  const sim = player.simulation;
  return {
    time: player.time,
    frameTime: player.frameTime,
    framesShown: player.framesShown,
    shotsFired: player.shotsFired,
    score: player.score,
    hits: player.hits,
    misses: player.misses,
    timeOnTargetMs: player.timeOnTargetMs,
    aim: { ...sim.aim },
    targets: sim.targets.map((v) => ({ visible: v.visible, spawnIndex: v.spawnIndex, position: { ...v.position }, health: v.health })),
  };
}

const cases = [
  { id: "gridshot", bot: runClickBot, seed: 0xc0ffee },
  { id: "strafe-shot", bot: runClickBot, seed: 0xfeed },
  { id: "smooth-track", bot: runTrackBot, seed: 0xbeef },
  { id: "switch-track", bot: runTrackBot, seed: 0xface },
];

describe("played to the end, the replay reports replay()'s score, hits and misses", () => {
  for (const { id, bot, seed } of cases) {
    for (const tier of tiers) {
      it(`${id} on ${tier.name}, at 4x`, () => {
        const sc = shortened(id, 8_000);
        const log = bot(sc, seed, tier).sim.log();
        const expected = replay(sc, seed, tier, log, SETTINGS);
        const { player, clock, input } = playerFor(sc, seed, tier, log);
        const updates: { time: number; score: number; ended: boolean }[] = [];
        player.onUpdate = (s: ReplayStatus) => updates.push({ time: s.time, score: s.score, ended: s.ended });

        expect(player.result).toEqual(expected);
        player.setSpeed(4);
        player.play();
        let ticks = 0;
        while (!player.ended) {
          clock.now += 1000 / 60;
          player.tick();
          ticks++;
          // The screen at replay time t is the last frame presented at or before t.
          if (!player.ended) expect(player.framesShown).toBe(framesAtOrBefore(input.log, player.time));
        }
        expect(ticks).toBe(Math.ceil(sc.durationMs / 4 / (1000 / 60)));
        expect(player.playing).toBe(false);
        expect(player.time).toBe(sc.durationMs);
        expect([player.score, player.hits, player.misses, player.timeOnTargetMs]).toEqual([expected.score, expected.hits, expected.misses, expected.timeOnTargetMs]);
        expect(player.simulation.finish()).toEqual(expected);
        expect(expected.score).toBeGreaterThan(0);
        // The UI heard of the end, with the final score, once.
        expect(updates.filter((u) => u.ended)).toEqual([{ time: sc.durationMs, score: expected.score, ended: true }]);
      });
    }
  }
});

it("keeps every shot with the aim it was tested at, in order", () => {
  const sc = shortened("gridshot", 10_000);
  const log = runHumanClicker(sc, 99, TIERS.free, new Rng(5)).sim.log();
  const { player } = playerFor(sc, 99, TIERS.free, log);
  const shots = player.result.shotRecords;
  expect(shots.length).toBeGreaterThan(5);
  expect(Array.from(player.timeline.shotAt)).toEqual(shots.map((s) => s.effectiveAt));
  expect(Array.from(player.timeline.shotHit)).toEqual(shots.map((s) => (s.hit ? 1 : 0)));
  // The aim of a shot is the aim of the first frame drawn at or after it (no mouse event between).
  player.seek(sc.durationMs);
  const tl = player.timeline;
  for (let s = 0; s < shots.length; s++) {
    const k = tl.frameAt.findIndex((f) => f >= shots[s]!.effectiveAt);
    if (k < 0) continue;
    const moved = log.mouse.t.some((t) => t + TIERS.free.addedLatencyMs > shots[s]!.effectiveAt && t + TIERS.free.addedLatencyMs <= tl.frameAt[k]!);
    if (!moved) expect([tl.shotYaw[s], tl.shotPitch[s]]).toEqual([tl.yaw[k], tl.pitch[k]]);
  }
});

describe("seeking", () => {
  for (const { id, bot, seed } of [cases[0]!, cases[3]!]) {
    for (const tier of tiers) {
      it(`${id} on ${tier.name}: backwards then forwards again gives the state of playing straight there`, () => {
        const sc = shortened(id, 8_000);
        const log = bot(sc, seed, tier).sim.log();
        const straight = playerFor(sc, seed, tier, log);
        straight.player.play();
        straight.clock.now = 6_000;
        straight.player.tick();
        straight.player.pause();
        const there = snapshot(straight.player);
        expect(there.time).toBe(6_000);
        expect(there.framesShown).toBe(framesAtOrBefore(log, 6_000));

        const { player } = playerFor(sc, seed, tier, log);
        player.seek(7_500);
        player.seek(2_000);
        expect(snapshot(player)).toEqual((() => {
          const fresh = playerFor(sc, seed, tier, log).player;
          fresh.seek(2_000);
          return snapshot(fresh);
        })());
        player.seek(6_000);
        expect(snapshot(player)).toEqual(there);

        // From the end back into the run, and to the end again.
        player.seek(sc.durationMs);
        expect(player.ended).toBe(true);
        player.seek(6_000);
        expect(player.ended).toBe(false);
        expect(snapshot(player)).toEqual(there);
        player.seek(sc.durationMs);
        expect(player.score).toBe(player.result.score);
      });
    }
  }

  it("clamps to the run, and play after the end starts over", () => {
    const sc = shortened("gridshot", 5_000);
    const { player, clock } = playerFor(sc, 1, TIERS.free, runClickBot(sc, 1, TIERS.free).sim.log());
    player.seek(-50);
    expect([player.time, player.framesShown, player.score]).toEqual([0, 0, 0]);
    player.seek(60_000);
    expect([player.time, player.ended, player.score]).toEqual([5_000, true, player.result.score]);
    player.play();
    expect([player.playing, player.ended, player.time]).toEqual([true, false, 0]);
    clock.now += 250;
    player.tick();
    expect(player.time).toBe(250);
  });
});

describe("the clock", () => {
  const sc = shortened("smooth-track", 5_000);
  const log = runTrackBot(sc, 3, TIERS.ultimate).sim.log();

  it("pause stops time; speed scales it from the moment it changes", () => {
    const { player, clock } = playerFor(sc, 3, TIERS.ultimate, log);
    player.play();
    clock.now = 1_000;
    expect(player.tick()).toBe(true);
    expect(player.time).toBe(1_000);
    player.pause();
    clock.now = 3_000;
    expect(player.tick()).toBe(false);
    expect(player.time).toBe(1_000);
    player.play();
    player.setSpeed(0.25);
    clock.now = 4_000;
    player.tick();
    expect(player.time).toBe(1_250);
    player.setSpeed(2);
    clock.now = 4_500;
    player.tick();
    expect(player.time).toBe(2_250);
  });

  it("tick() says when nothing new is on screen", () => {
    const { player, clock } = playerFor(sc, 3, TIERS.ultimate, log);
    player.play();
    clock.now = 100;
    expect(player.tick()).toBe(true);
    clock.now += 0.5; // well within one 240 fps frame interval
    expect(player.tick()).toBe(false);
  });

  it("reports to the UI when a shown value changes, not on every tick", () => {
    const clicking = shortened("gridshot", 5_000);
    const { player, clock } = playerFor(clicking, 4, TIERS.free, runClickBot(clicking, 4, TIERS.free).sim.log());
    const times: number[] = [];
    player.onUpdate = (s) => times.push(s.time);
    player.play();
    for (let i = 0; i < 1000; i++) {
      clock.now += 1;
      player.tick();
    }
    // Ten new tenths of a second, the play state, and a few hits.
    expect(player.hits).toBeGreaterThan(0);
    expect(times.length).toBeGreaterThanOrEqual(11);
    expect(times.length).toBeLessThanOrEqual(11 + player.hits);
  });

  it("refuses speeds outside 0.25x-4x", () => {
    const { player } = playerFor(sc, 3, TIERS.ultimate, log);
    expect(() => player.setSpeed(8)).toThrow(RangeError);
    expect(() => player.setSpeed(0.1)).toThrow(RangeError);
    expect(() => player.setSpeed(Number.NaN)).toThrow(RangeError);
    expect(player.speed).toBe(1);
  });
});

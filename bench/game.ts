/**
 * bench:game — the browser render loop's JavaScript time per frame and its allocations, in
 * headless Debian Chromium, plus the cost of the server-side replay of a full run.
 *
 * Render loop: a 15 s Gridshot Sprint on the Ultimate tier with synthetic mouse input at ~250 Hz.
 * JS time per frame is what PlaySession measures around each presented frame (simulation step +
 * three.js render calls), read from the results screen. Allocations come from Chrome's sampling
 * heap profiler (including objects already collected) over 10 s of a 60 s run after a warm-up
 * (BENCH_WARMUP_MS, default 20 s), counting only samples whose stack passes through the frame callback.
 */
import type { Browser, CDPSession, Page } from "playwright-core";
import { getScenario, replay, Simulation, TIERS } from "../game/core";
import { launchBrowser } from "../test/support/browser";
import { startAppServer } from "../test/support/server";

export interface ProfileNode {
  callFrame: { functionName: string; url: string };
  selfSize: number;
  children: ProfileNode[];
}

/** Bytes allocated in stacks that pass through a function named `fn`. */
export function bytesUnder(node: ProfileNode, fn: string, inside = false): number {
  const here = inside || node.callFrame.functionName === fn;
  let total = here ? node.selfSize : 0;
  for (const child of node.children) total += bytesUnder(child, fn, here);
  return total;
}

/** Starts a run of `scenarioId` on the Ultimate tier; returns a function that stops the mouse. */
async function startRun(page: Page, url: string, scenarioId: string) {
  await page.goto(`${url}/play/${scenarioId}`);
  await page.getByLabel(/Ultimate/).check();
  const button = page.getByRole("button", { name: /Click to start.*Ultimate tier/ });
  await button.scrollIntoViewIfNeeded(); // ticking the tier below the arena scrolled the page
  const start = (await button.boundingBox())!;
  let x = start.x + start.width / 2;
  const y = start.y + start.height / 2;
  await page.mouse.click(x, y);
  await page.waitForFunction(() => document.querySelector('[data-hud="time"]')?.textContent?.endsWith(".0") === false);
  // Synthetic input: a sweep back and forth at ~250 Hz with a click every 50 moves.
  let moving = true;
  const mover = (async () => {
    for (let i = 0; moving; i++) {
      x += i % 200 < 100 ? 2 : -2;
      await page.mouse.move(x, y);
      if (i % 50 === 25) await page.mouse.down().then(() => page.mouse.up());
      await new Promise((r) => setTimeout(r, 4));
    }
  })().catch(() => {}); // the page went away: the caller's own error is the one to report
  return async () => {
    moving = false;
    await mover;
  };
}

/** JS time per presented frame over a whole 15 s run, as PlaySession measured it. */
async function frameTimes(browser: Browser, url: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const stop = await startRun(page, url, "gridshot-sprint");
  const results = page.getByTestId("results");
  await results.waitFor({ timeout: 30_000 });
  await stop();
  const frames = await results.locator("tr", { hasText: "Frames" }).locator("td").textContent();
  const js = await results.locator("tr", { hasText: "Frame JS time" }).locator("td").textContent();
  const [median, p99] = (js ?? "").match(/[\d.]+/g)!.map(Number);
  await page.close();
  return { fps: Number(/at ([\d.]+) fps/.exec(frames ?? "")?.[1]), median: median!, p99: p99! };
}

/** Allocations in the frame callback over 10 s of steady state (after the warm-up, of a 60 s run). */
async function frameAllocations(browser: Browser, url: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const stop = await startRun(page, url, "gridshot");
  await page.waitForTimeout(Number(process.env.BENCH_WARMUP_MS ?? 20_000));
  const sampled = await sampleFrameAllocations(page, "tick");
  await stop();
  await page.close();
  return sampled;
}

/**
 * Bytes allocated over 10 s in stacks under the animation-frame callback named `callback` (Chrome's
 * sampling heap profiler, collected objects included), and the animation frames in that time.
 */
export async function sampleFrameAllocations(page: Page, callback: string, windowMs = 10_000) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.enable");
  // (A string, not a function: tsx's name helpers do not exist in the page.)
  await page.evaluate("window.benchFrames = 0; (function count() { window.benchFrames++; requestAnimationFrame(count); })()");
  const framesSoFar = () => page.evaluate(() => (window as unknown as { benchFrames: number }).benchFrames);
  const framesBefore = await framesSoFar();
  await cdp.send("HeapProfiler.startSampling", {
    samplingInterval: 256,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  const started = performance.now();
  await page.waitForTimeout(windowMs);
  const { profile } = (await cdp.send("HeapProfiler.stopSampling")) as unknown as { profile: { head: ProfileNode } };
  const elapsed = performance.now() - started;
  const frames = (await framesSoFar()) - framesBefore;
  await cdp.detach();
  return { bytes: bytesUnder(profile.head, callback), windowMs: elapsed, frames, top: topAllocators(profile.head, callback, 5) };
}

/** The functions that allocate most (self) under the frame callback, by bytes. */
export function topAllocators(head: ProfileNode, fn: string, count: number): string[] {
  const bytes = new Map<string, number>();
  const walk = (node: ProfileNode, inside: boolean) => {
    const here = inside || node.callFrame.functionName === fn;
    if (here && node.selfSize > 0) {
      const name = `${node.callFrame.functionName || "(anonymous)"} (${node.callFrame.url.split("/").pop() || "?"})`;
      bytes.set(name, (bytes.get(name) ?? 0) + node.selfSize);
    }
    for (const child of node.children) walk(child, here);
  };
  walk(head, false);
  return [...bytes].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, b]) => `${name} ${b} B`);
}

async function renderLoop() {
  const server = await startAppServer();
  const browser = await launchBrowser();
  try {
    const timing = await frameTimes(browser, server.url);
    // Every animation frame is a presented one on Ultimate (cap 240 fps > the display's rate).
    const alloc = await frameAllocations(browser, server.url);
    return { ...timing, loopBytes: alloc.bytes, bytesPerFrame: alloc.bytes / alloc.frames, windowMs: alloc.windowMs, frames: alloc.frames, top: alloc.top };
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** A 60 s Gridshot run on the Ultimate tier with 1000 Hz mouse input, a click every 300 ms and 240 fps frames. */
export function sixtySecondRun() {
  const scenario = getScenario("gridshot")!;
  const settings = { cm360: 30, dpi: 800 };
  const seed = 12345;
  const sim = new Simulation(scenario, seed, TIERS.ultimate, settings, { capacity: 1 << 16 });
  let frame = 0;
  for (let t = 0; t < 60_000; t += 1) {
    sim.mouseMove(t + 0.5, (t % 7) - 3, (t % 5) - 2);
    if (t % 300 === 0) sim.button(t + 0.6, 0, true);
    if (t % 300 === 40) sim.button(t + 0.6, 0, false);
    if (t >= frame * (1000 / 240)) sim.frame(frame++ * (1000 / 240));
  }
  const log = sim.log();
  return { scenario, seed, tier: TIERS.ultimate, settings, log, events: log.mouse.t.length + log.buttons.t.length + log.frames.t.length };
}

/** Server-side cost: replaying sixtySecondRun(). */
function replayCost() {
  const { scenario, seed, tier, settings, log, events } = sixtySecondRun();
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    replay(scenario, seed, tier, log, settings);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { events, medianMs: times[10]!, p99Ms: times[19]! };
}

export async function benchGame(): Promise<string[]> {
  const loop = await renderLoop();
  const cost = replayCost();
  return [
    `render loop (headless Chromium, SwiftShader, Ultimate tier at ${loop.fps.toFixed(1)} fps achieved):`,
    `  JS time per presented frame: median ${loop.median.toFixed(3)} ms, p99 ${loop.p99.toFixed(3)} ms (budget 0.5 ms median)`,
    `  allocations in the frame callback, 10 s of steady state (${loop.frames} frames): ${loop.loopBytes} bytes sampled, ~${loop.bytesPerFrame.toFixed(0)} bytes/frame`,
    `  largest allocators: ${loop.top.join("; ")}`,
    `server replay of a 60 s run (${cost.events} events): median ${cost.medianMs.toFixed(1)} ms, p99 ${cost.p99Ms.toFixed(1)} ms`,
  ];
}

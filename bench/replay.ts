/**
 * bench:replay — verification's cost on the worst legal player-made scenario beside the most
 * expensive built-in (bench/verify-cost.ts), then the replay viewer's costs on a 60 s run (bench/game.ts's sixtySecondRun, 73 k
 * events): loading (one full replay for the result, the per-frame aim and the shots), seeking
 * backwards (a re-simulation from the start, so the worst case is a seek to just before the end)
 * and seeking forwards (feeding more of the log). And in headless Chromium, the allocations of the
 * viewer's frame loop while it plays a verified Ultimate run at 1x (after playing it once at 4x).
 */
import { ReplayPlayer } from "../game/client/replay-player";
import { getScenario, parseSeed, replay, Rng, TIERS } from "../game/core";
import { apiClient, finishBody } from "../test/support/api";
import { runHumanClicker } from "../test/support/bots";
import { launchBrowser } from "../test/support/browser";
import { grantUltimate } from "../test/support/memberships";
import { startAppServer } from "../test/support/server";
import { sampleFrameAllocations, sixtySecondRun } from "./game";
import { benchVerifyCost } from "./verify-cost";

function quantiles(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[sorted.length >> 1]!, p99: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)]! };
}

function timed(times: number[], work: () => void): void {
  const started = performance.now();
  work();
  times.push(performance.now() - started);
}

function seekCosts() {
  const run = sixtySecondRun();
  const input = { scenario: run.scenario, seed: run.seed, tier: run.tier, settings: run.settings, log: run.log };
  // The reference, timed alongside: the server's replay of the same log.
  const reference: number[] = [];
  for (let i = 0; i < 20; i++) timed(reference, () => replay(run.scenario, run.seed, run.tier, run.log, run.settings));
  const load: number[] = [];
  let player!: ReplayPlayer;
  for (let i = 0; i < 20; i++) timed(load, () => (player = new ReplayPlayer(input)));
  const rng = new Rng(7);
  const back: number[] = [];
  const worst: number[] = [];
  const forward: number[] = [];
  for (let i = 0; i < 100; i++) {
    player.seek(60_000);
    timed(back, () => player.seek(rng.range(0, 60_000)));
    timed(forward, () => player.seek(player.time + 5_000));
    player.seek(60_000);
    timed(worst, () => player.seek(59_990));
  }
  return { events: run.events, reference: quantiles(reference), load: quantiles(load), back: quantiles(back), worst: quantiles(worst), forward: quantiles(forward) };
}

/** A verified 15 s Ultimate run through the API, replayed at 1x: allocations under the frame loop. */
async function viewerAllocations() {
  const server = await startAppServer();
  const browser = await launchBrowser();
  try {
    const sprint = getScenario("gridshot-sprint")!;
    const api = apiClient(server.url);
    const player = await api.player("bench");
    await grantUltimate(server.env.DATABASE_URL!, player.id); // ranked Ultimate runs need a membership
    const started = await api.post("/api/runs", { scenario: sprint.id, tier: "ultimate" }, player.token);
    const log = runHumanClicker(sprint, parseSeed(started.body.seed), TIERS.ultimate, new Rng(3)).sim.log();
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(started.body.startedAt) + sprint.durationMs + 300 - Date.now())));
    const finished = await api.post(`/api/runs/${started.body.runId}/finish`, finishBody(log, TIERS.ultimate), player.token);
    if (finished.body.run?.verdict !== "verified") throw new Error(`bench run not verified: ${JSON.stringify(finished.body)}`);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/runs/${started.body.runId}/replay`);
    await page.locator("[data-check]").waitFor();
    // Warm-up: the whole run at 4x, then again at 1x, sampled after 2 s.
    await page.getByLabel("Speed").selectOption("4");
    await page.getByRole("button", { name: "Play", exact: true }).click();
    await page.getByRole("button", { name: "Play again" }).waitFor({ timeout: 30_000 });
    await page.getByLabel("Speed").selectOption("1");
    await page.getByRole("button", { name: "Play again" }).click();
    await page.waitForTimeout(2000);
    const sampled = await sampleFrameAllocations(page, "replayFrame");
    await page.close();
    return sampled;
  } finally {
    await browser.close();
    await server.stop();
  }
}

export async function benchReplay(): Promise<string[]> {
  const verification = benchVerifyCost();
  const seek = seekCosts();
  const alloc = await viewerAllocations();
  const f = (q: { median: number; p99: number }) => `median ${q.median.toFixed(1)} ms, p99 ${q.p99.toFixed(1)} ms`;
  return [
    ...verification,
    `replay viewer, 60 s run (${seek.events} events), Node:`,
    `  reference, replay() of the same log: ${f(seek.reference)}`,
    `  load (full replay: result, per-frame aim, shots): ${f(seek.load)}`,
    `  seek backwards to a random time (re-simulation from 0): ${f(seek.back)}`,
    `  seek backwards to 59.99 s (worst case): ${f(seek.worst)}`,
    `  seek forwards by 5 s: ${f(seek.forward)}`,
    `replay viewer frame loop (headless Chromium, Ultimate run at 1x, ${(alloc.windowMs / 1000).toFixed(1)} s, ${alloc.frames} frames drawn): ${alloc.bytes} bytes sampled, ~${Math.round(alloc.bytes / (alloc.windowMs / 1000))} bytes/s, ~${(alloc.bytes / alloc.frames).toFixed(0)} bytes/frame`,
    `  largest allocators: ${alloc.top.join("; ")}`,
  ];
}

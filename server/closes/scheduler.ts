/**
 * The in-process close scheduler of the app server (server.ts starts it after the HTTP server).
 *
 * - At start: a catch-up run closes every period that ended while the server was down, oldest first.
 * - croner jobs on the challenge's schedules, in its time zone: the weekly close (weeklyCloseCron),
 *   the daily close (dailyCloseCron) and the challenge end (endsAt). Each fires `runDueCloses`
 *   CLOSE_GRACE_MS (+ a small margin) after its instant: never before the period's end + grace.
 * - A sweep every few minutes runs `runDueCloses` too: it picks up schedule edits in the database
 *   (the jobs are rebuilt when the challenge's schedules change) and anything a sleeping machine missed.
 * Runs are serialized within the process; across processes `closePeriod` makes each close once.
 */
import { Cron } from "croner";
import type { PeriodKind, TierFilter } from "../../lib/contracts/boards";
import type { BoardId } from "../boards/board";
import { currentChallenge, type Challenge } from "../challenge/challenge";
import type { Provider } from "../db/provider";
import { dbProvider, type Db } from "../db/client";
import type { CloseBroadcaster } from "./close";
import { CLOSE_GRACE_MS } from "./due";
import { runDueCloses, type CloseReport } from "./run";

/** Added to the grace before a scheduled run, so a timer firing a hair early never runs too soon. */
export const FIRE_MARGIN_MS = 250;
export const DEFAULT_SWEEP_MS = 5 * 60_000;

export interface CloseSchedulerOptions {
  db: Db;
  provider?: Provider;
  /** The socket.io server, or a getter for it. */
  io?: CloseBroadcaster | null | (() => CloseBroadcaster | null | undefined);
  clock?: () => Date;
  graceMs?: number;
  /** Interval of the safety sweep; 0 turns it off. */
  sweepMs?: number;
  /** Told of each board closed (the app drops it from the rank store: a closed period's board is rarely read). */
  onClosed?: (board: BoardId) => unknown;
  log?: (message: string) => void;
  logError?: (message: string, err?: unknown) => void;
}

export interface CloseScheduler {
  /** The start-up catch-up run (null if it failed; the failure is logged). */
  ready: Promise<CloseReport | null>;
  /** Runs the due closes now, after any run in progress. */
  runNow(): Promise<CloseReport | null>;
  /** When each job fires next (for logs and tests). */
  nextFires(): { job: string; at: Date | null }[];
  /** Stops the jobs and waits for a run in progress. */
  stop(): Promise<void>;
}

function scheduleSignature(c: Challenge): string {
  return [c.id, c.timeZone, c.weeklyCloseCron, c.dailyCloseCron, c.endsAt.toISOString()].join("|");
}

export function describeReport(report: CloseReport): string[] {
  const lines: string[] = [];
  const verb = report.dryRun ? "would close" : "closed";
  for (const c of report.closed) {
    const winners = c.winners.map((w) => `${w.place}. ${w.handle} (${w.score})`).join(", ") || "no winners";
    const skipped = c.skippedPlayers.length ? `; skipped ${c.skippedPlayers.map((s) => `${s.handle} (${s.reason})`).join(", ")}` : "";
    lines.push(`${verb} ${c.scenarioId} ${c.periodKind} ${c.periodKey} [${c.tier}], ${c.entries} players: ${winners}${skipped}`);
  }
  for (const s of report.skipped) lines.push(`skipped ${s.scenarioId} ${s.periodKind} ${s.periodKey} [${s.tier}]: ${s.reason}`);
  for (const f of report.failed) lines.push(`FAILED ${f.scenarioId} ${f.periodKind} ${f.periodKey} [${f.tier}]: ${f.error}`);
  return lines;
}

export function startCloseScheduler(options: CloseSchedulerOptions): CloseScheduler {
  const { db } = options;
  const provider = options.provider ?? dbProvider(db);
  const clock = options.clock ?? (() => new Date());
  const graceMs = options.graceMs ?? CLOSE_GRACE_MS;
  const sweepMs = options.sweepMs ?? DEFAULT_SWEEP_MS;
  const log = options.log ?? ((m: string) => console.log(`closes: ${m}`));
  const logError = options.logError ?? ((m: string, err?: unknown) => console.error(`closes: ${m}`, err ?? ""));
  const io = () => (typeof options.io === "function" ? options.io() : options.io) ?? null;

  let stopped = false;
  let jobs: { name: string; cron: Cron }[] = [];
  let signature = "";
  const timers = new Set<NodeJS.Timeout>();
  let chain: Promise<unknown> = Promise.resolve();

  const fire = () => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      void runNow();
    }, graceMs + FIRE_MARGIN_MS);
    timer.unref();
    timers.add(timer);
  };

  function syncJobs(challenge: Challenge) {
    const next = scheduleSignature(challenge);
    if (next === signature) return;
    for (const j of jobs) j.cron.stop();
    jobs = [];
    signature = next;
    const add = (name: string, make: () => Cron) => {
      try {
        jobs.push({ name, cron: make() });
      } catch (err) {
        logError(`cannot schedule the ${name} (${(err as Error).message}); the sweep still runs the closes`);
      }
    };
    const opts = { timezone: challenge.timeZone, unref: true };
    add("weekly close", () => new Cron(challenge.weeklyCloseCron, opts, fire));
    add("daily close", () => new Cron(challenge.dailyCloseCron, opts, fire));
    if (challenge.endsAt.getTime() > clock().getTime()) add("challenge end", () => new Cron(challenge.endsAt, { unref: true }, fire));
  }

  function runNow(): Promise<CloseReport | null> {
    const run = chain.then(async () => {
      if (stopped) return null;
      try {
        syncJobs(await currentChallenge(db, { fresh: true }));
        const report = await runDueCloses(db, { now: clock(), provider, io: io(), graceMs });
        for (const line of describeReport(report)) (line.startsWith("FAILED") ? logError : log)(line);
        for (const c of report.closed) {
          await options.onClosed?.({ scenarioId: c.scenarioId, periodKind: c.periodKind as PeriodKind, periodKey: c.periodKey, tier: c.tier as TierFilter });
        }
        return report;
      } catch (err) {
        logError("run failed", err);
        return null;
      }
    });
    chain = run;
    return run;
  }

  const sweep = sweepMs > 0 ? setInterval(() => void runNow(), sweepMs) : null;
  sweep?.unref();
  const ready = runNow();

  return {
    ready,
    runNow,
    nextFires: () => jobs.map((j) => ({ job: j.name, at: j.cron.nextRun() })),
    async stop() {
      stopped = true;
      if (sweep) clearInterval(sweep);
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const j of jobs) j.cron.stop();
      jobs = [];
      await chain;
    },
  };
}

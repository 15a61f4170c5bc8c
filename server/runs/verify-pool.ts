/**
 * Verifying runs off the event loop: a pool of worker threads (piscina), one per core, replays and
 * checks submitted logs, so a burst of finishes does not stall every other request while the main
 * thread keeps serving. The work is the same pure verifyRun (verify.ts) either way.
 *
 * Backpressure: at most `threads + maxQueue` finishes are in progress at once (from their first
 * read to their answer, `admit`). Beyond that a finish throws Unavailable("overloaded") - answered
 * 503 with Retry-After - before it has read, written or acknowledged anything, so the client sends
 * the same submission later and nothing is lost. The bound is on finishes, not on replays alone:
 * the main thread's share of a finish (HTTP, session, database, answer) is what a burst queues on,
 * so bounding replays only would let every request wait on the event loop instead (docs/bench.md).
 */
import os from "node:os";
import { Piscina } from "piscina";
import { Unavailable } from "../errors";
import { verifyRun, type Verification, type VerifyInput } from "./verify";

export interface Verifier {
  /** Takes a place for one finish (released by calling the answer), or throws Unavailable("overloaded"). */
  admit(): () => void;
  verify(input: VerifyInput): Promise<Verification>;
  close(): Promise<void>;
}

/** Verification on the calling thread (scripts, tests that call finishRun directly, `next dev`); never full. */
export const inlineVerifier: Verifier = {
  admit: () => () => {},
  verify: async (input) => verifyRun(input),
  close: async () => {},
};

/** Seconds a client is told to wait when the server is full. */
export const OVERLOADED_RETRY_SEC = 2;

/**
 * Each worker's V8 heap, sized to what a replay needs. A worker has a young generation of its own,
 * 32 MiB by default, and an old one that the worst logs grow to ~45 MiB, which it then keeps: up to
 * ~80 MiB a thread, mostly free. An 8 MiB young generation costs ~2 % more CPU per human-like replay
 * (4 MiB: ~18 %) and took ~20 MiB off each worker in the finish bench (bench/api.ts). The worst
 * legal replays (test/support/worst-case.ts) need more than 32 MiB of old generation and pass under
 * 40 (test/integration/verify-pool.test.ts); 64 leaves room while bounding what a flood of them can
 * hold. Past a limit the worker is ended (ERR_WORKER_OUT_OF_MEMORY) and replaced, and that finish
 * fails before anything is stored.
 */
export const VERIFY_WORKER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 };

/** Finishes that may wait for a thread unless VERIFY_QUEUE says otherwise. */
export const DEFAULT_QUEUE = 64;

const overloaded = () =>
  new Unavailable("overloaded", `The server is verifying many runs; send this one again in ${OVERLOADED_RETRY_SEC} s.`, OVERLOADED_RETRY_SEC);

/**
 * `execArgv`: node's options for the workers, by default the process's own (the server's, which runs
 * under tsx: the worker's module is TypeScript).
 */
export function createVerifierPool(options: { threads?: number; maxQueue?: number; execArgv?: string[] } = {}): Verifier {
  const threads = options.threads ?? Math.max(1, os.availableParallelism());
  const capacity = threads + (options.maxQueue ?? DEFAULT_QUEUE);
  // Admitted finishes bound what reaches the pool, so its own queue never fills.
  // stricterFIFO: by default piscina moves a task it took off the queue but could not hand to a busy
  // thread to the queue's tail, so under load the oldest finishes keep going to the back (p99 at 32
  // concurrent finishes was 3-5x p50 within the same half second); first come, first replayed.
  const pool = new Piscina({
    filename: new URL("./verify-worker.ts", import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    stricterFIFO: true,
    resourceLimits: VERIFY_WORKER_LIMITS,
    execArgv: options.execArgv,
  });
  let inProgress = 0;
  return {
    admit() {
      if (inProgress >= capacity) throw overloaded();
      inProgress++;
      let released = false;
      return () => {
        if (!released) inProgress--;
        released = true;
      };
    },
    verify: async (input) => (await pool.run(input)) as Verification,
    close: () => pool.destroy(),
  };
}

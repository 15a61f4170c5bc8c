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

/** Finishes that may wait for a thread unless VERIFY_QUEUE says otherwise. */
export const DEFAULT_QUEUE = 64;

const overloaded = () =>
  new Unavailable("overloaded", `The server is verifying many runs; send this one again in ${OVERLOADED_RETRY_SEC} s.`, OVERLOADED_RETRY_SEC);

export function createVerifierPool(options: { threads?: number; maxQueue?: number } = {}): Verifier {
  const threads = options.threads ?? Math.max(1, os.availableParallelism());
  const capacity = threads + (options.maxQueue ?? DEFAULT_QUEUE);
  // Admitted finishes bound what reaches the pool, so its own queue never fills.
  // stricterFIFO: by default piscina moves a task it took off the queue but could not hand to a busy
  // thread to the queue's tail, so under load the oldest finishes keep going to the back (p99 at 32
  // concurrent finishes was 3-5x p50 within the same half second); first come, first replayed.
  const pool = new Piscina({ filename: new URL("./verify-worker.ts", import.meta.url).href, minThreads: threads, maxThreads: threads, stricterFIFO: true });
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

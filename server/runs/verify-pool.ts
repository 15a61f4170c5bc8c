/**
 * Verifying runs off the event loop: a pool of worker threads (piscina), one per core, replays and
 * checks submitted logs, so a burst of finishes does not stall every other request while the main
 * thread keeps serving. The work is the same pure verifyRun (verify.ts) either way.
 *
 * Backpressure: at most `maxQueue` verifications wait for a thread. Beyond that `verify` throws
 * Unavailable("overloaded") - answered 503 with Retry-After - before the finish has written or
 * acknowledged anything, so the client retries the same submission later and nothing is lost.
 */
import os from "node:os";
import { Piscina } from "piscina";
import { Unavailable } from "../errors";
import { verifyRun, type Verification, type VerifyInput } from "./verify";

export interface Verifier {
  verify(input: VerifyInput): Promise<Verification>;
  close(): Promise<void>;
}

/** Verification on the calling thread (scripts, tests that call finishRun directly, `next dev`). */
export const inlineVerifier: Verifier = {
  verify: async (input) => verifyRun(input),
  close: async () => {},
};

/** Seconds a client is told to wait when the queue is full. */
export const OVERLOADED_RETRY_SEC = 2;

export function createVerifierPool(options: { threads?: number; maxQueue?: number } = {}): Verifier {
  const threads = options.threads ?? Math.max(1, os.availableParallelism());
  const pool = new Piscina({
    filename: new URL("./verify-worker.ts", import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    maxQueue: options.maxQueue ?? threads * 16,
  });
  return {
    async verify(input) {
      try {
        return (await pool.run(input)) as Verification;
      } catch (err) {
        if (/Task queue is at limit/.test(String((err as Error)?.message))) {
          throw new Unavailable("overloaded", `The server is verifying many runs; send this one again in ${OVERLOADED_RETRY_SEC} s.`, OVERLOADED_RETRY_SEC);
        }
        throw err;
      }
    },
    close: () => pool.destroy(),
  };
}

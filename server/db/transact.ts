/**
 * One transaction helper with one retry policy, for every transaction the app runs (finishes,
 * closes, sign-ups, grants): a transaction that lost a race to another writer is run again, from
 * the start, a few times with a short randomized backoff.
 *
 * Retried (transient, nothing was written): a write conflict or deadlock (Prisma P2034; PostgreSQL
 * 40001 / 40P01), SQLite busy past its timeout (Prisma P1008; SQLITE_BUSY from the driver), and a
 * RetryTransaction thrown by the work itself (a race it knows a fresh attempt resolves, e.g. a
 * unique key another writer took first, after which the work finds that writer's row).
 * Anything else is the work's own answer and is thrown at once.
 */
import type { Db } from "./client";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Thrown by a transaction's work to have it run again (the transaction is rolled back). */
export class RetryTransaction extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "RetryTransaction";
  }
}

export const TRANSACTION_ATTEMPTS = 5;

/** Whether an error means "another writer got there first: run it again". */
export function isTransient(err: unknown): boolean {
  if (err instanceof RetryTransaction) return true;
  const code = (err as { code?: unknown })?.code;
  if (code === "P2034" || code === "P1008") return true;
  if (typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code === "40001" || code === "40P01")) return true;
  return false;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `attempt` until it succeeds, fails for good, or has failed transiently TRANSACTION_ATTEMPTS times. */
export async function withRetries<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (!isTransient(err) || i >= TRANSACTION_ATTEMPTS) throw err;
      await sleep(5 * 2 ** i * (0.5 + Math.random()));
    }
  }
}

/** A Prisma interactive transaction under the retry policy. */
export function transact<T>(db: Db, work: (tx: Tx) => Promise<T>, options?: { maxWait?: number; timeout?: number }): Promise<T> {
  return withRetries(() => db.$transaction(work, options));
}

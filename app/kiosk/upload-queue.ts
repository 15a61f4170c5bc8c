/**
 * Finished runs the kiosk could not submit, kept in IndexedDB (so a reload loses nothing) with the
 * finish body and its idempotency key from before the first try, and uploaded by the kiosk when the
 * network returns. An entry
 * is removed only when the server has answered it (accepted or refused for good); one flush runs at
 * a time, and the server answers a repeat with the first outcome, so nothing counts twice.
 */
import type { FinishBody, FinishOutcome } from "@/lib/contracts/runs";
import { kioskApi, retryable } from "./kiosk-api";

export interface KeptRun {
  runId: string;
  body: FinishBody & { idempotencyKey: string };
  tier: string;
  keptAt: string;
}

const DB_NAME = "flickboard-kiosk";
const STORE = "uploads";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: "runId" });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function transact<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

const keepRun = (run: KeptRun) => transact("readwrite", (s) => s.put(run)).then(() => undefined);
export const keptRuns = () => transact<KeptRun[]>("readonly", (s) => s.getAll() as IDBRequest<KeptRun[]>);
const forget = (runId: string) => transact("readwrite", (s) => s.delete(runId)).then(() => undefined);

/** Runs whose finish the page is sending itself right now: a flush leaves them alone. */
const sending = new Set<string>();

/**
 * Sends a run's finish with `send`, keeping the run on the device first, so a reload or a network
 * lost during the request loses nothing. Forgotten once the server has answered for good; kept, for
 * the kiosk to upload, after a failure worth retrying. A failure is rethrown.
 */
export async function sendKeepingRun(run: KeptRun, send: () => Promise<FinishOutcome>): Promise<FinishOutcome> {
  await keepRun(run);
  sending.add(run.runId);
  try {
    const outcome = await send();
    await forget(run.runId);
    return outcome;
  } catch (err) {
    if (!retryable(err)) await forget(run.runId);
    throw err;
  } finally {
    sending.delete(run.runId);
  }
}

let flushing: Promise<number> | null = null;

/**
 * Uploads every kept run once, in the order kept; answers how many are still kept. Concurrent
 * calls share one flush.
 */
export function flushKeptRuns(onUploaded?: (run: KeptRun, outcome: FinishOutcome | null) => void): Promise<number> {
  flushing ??= (async () => {
    try {
      const runs = (await keptRuns()).sort((a, b) => a.keptAt.localeCompare(b.keptAt));
      for (const run of runs.filter((r) => !sending.has(r.runId))) {
        try {
          const outcome = await kioskApi.upload(run.runId, run.body);
          await forget(run.runId);
          onUploaded?.(run, outcome);
        } catch (err) {
          if (retryable(err)) break;
          // Refused for good (e.g. unknown run): there is nothing to retry.
          await forget(run.runId);
          onUploaded?.(run, null);
        }
      }
      return (await keptRuns()).length;
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

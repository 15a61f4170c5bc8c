/**
 * The kiosk page's side of the API. The kiosk credential is an httpOnly cookie the browser sends by
 * itself; the booth player's token is passed in from the page's memory on each call (Bearer) and is
 * never stored. A network failure throws an ApiFailure with status 0.
 */
import type { BoothSession, HandleCheck, KioskConfig } from "@/lib/contracts/kiosks";
import type { FinishBody, FinishOutcome, StartedRun } from "@/lib/contracts/runs";
import type { TierName } from "@/game/core";

const REQUEST_TIMEOUT_MS = 15_000;

export interface ApiFailure {
  status: number;
  code: string;
  message: string;
}

export function isApiFailure(err: unknown): err is ApiFailure {
  return typeof err === "object" && err !== null && "status" in err && "code" in err;
}

async function call<T>(method: string, path: string, options: { body?: unknown; token?: string } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  let res: Response;
  try {
    // A venue network can hang rather than fail: give up after a while, as if it had failed.
    const signal = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    res = await fetch(path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), signal });
  } catch {
    throw { status: 0, code: "network", message: "The network is down." } satisfies ApiFailure;
  }
  const body = res.status === 204 ? null : await res.json().catch(() => null);
  // A rejected run answers 410/422 with the stored run: an answer, not a failure.
  if (!res.ok && !(body && body.run)) {
    const error = body?.error ?? { code: "http_error", message: `HTTP ${res.status}` };
    throw { status: res.status, code: error.code, message: error.message } satisfies ApiFailure;
  }
  return body as T;
}

export const kioskApi = {
  me: () => call<{ kiosk: KioskConfig }>("GET", "/api/kiosks/me").then((b) => b.kiosk),
  pair: (code: string) => call<{ kiosk: KioskConfig }>("POST", "/api/kiosks/pair", { body: { code } }).then((b) => b.kiosk),
  checkHandle: (handle: string) => call<{ check: HandleCheck }>("GET", `/api/kiosks/me/handles?handle=${encodeURIComponent(handle)}`).then((b) => b.check),
  signUp: (body: { handle: string; email?: string; consent: boolean }) => call<BoothSession>("POST", "/api/kiosks/me/players", { body }),
  returning: (body: { handle: string; email: string }) => call<BoothSession>("POST", "/api/kiosks/me/players/returning", { body }),
  leave: () => call<null>("POST", "/api/kiosks/me/leave"),
  staff: (pin: string) => call<{ ok: true }>("POST", "/api/kiosks/me/staff", { body: { pin } }),
  startRun: (token: string, scenario: string, tier: TierName) => call<StartedRun>("POST", "/api/runs", { token, body: { scenario, tier } }),
  abandonRun: (token: string, runId: string) => call<null>("POST", `/api/runs/${runId}/abandon`, { token }),
  /** The booth player's own finish, while they are at the booth. */
  finish: (token: string, runId: string, body: FinishBody) => call<FinishOutcome>("POST", `/api/runs/${runId}/finish`, { token, body }),
  /** A kept run, uploaded by the kiosk itself. */
  upload: (runId: string, body: FinishBody) => call<FinishOutcome>("POST", `/api/kiosks/me/runs/${runId}/finish`, { body }),
};

/** Whether a failure is worth trying again later (no network, a server error, a rate limit). */
export function retryable(err: unknown): boolean {
  return !isApiFailure(err) || err.status === 0 || err.status >= 500 || err.status === 429;
}

/**
 * The browser's side of the runs API: start a ranked run, submit its log. A finish is retried with
 * backoff under one idempotency key (so a retry can never count twice), and kept in localStorage
 * until the server answers, so a dropped connection loses nothing.
 */
import type { Me, MembershipStatus } from "../../lib/contracts/players";
import type { PlaylistRunFields } from "../../lib/contracts/playlists";
import type { FinishedRunReport, RunPlacement, StartedRun } from "../../lib/contracts/runs";
import type { Settings } from "../../lib/contracts/settings";
import type { RunEnvironment, TierName } from "../core";
// From its own module, not the core's index: pages that only read the player (the leaderboards)
// then do not load the game core and its schemas.
import { toBase64 } from "../core/log";

export type ServerRun = StartedRun;
export type FinishedRun = FinishedRunReport;
export type { Me, RunPlacement };

export interface ApiFailure {
  status: number;
  code: string;
  message: string;
}

const PENDING_KEY = "flickboard.pendingFinish.v1";

/** An answer's JSON body; a failure (other than a finish's answer that carries its run) thrown as an ApiFailure. */
export async function json<T>(res: Response): Promise<T> {
  const body = await res.json().catch(() => null);
  if (!res.ok && !(body && body.run)) {
    const error = body?.error ?? { code: "http_error", message: `HTTP ${res.status}` };
    throw { status: res.status, code: error.code, message: error.message } satisfies ApiFailure;
  }
  return body as T;
}

export async function fetchMe(): Promise<Me | null> {
  const res = await fetch("/api/players/me");
  if (res.status === 401) return null;
  return (await json<{ player: Me }>(res)).player;
}

/** Stores the signed-in player's settings on the server (PATCH /api/players/me), so they follow the player. */
export async function saveServerSettings(settings: Settings): Promise<void> {
  const res = await fetch("/api/players/me", { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ settings }) });
  await json(res);
}

/** Signs up (the session cookie is set by the answer) and answers the new player as /me sees them. */
export async function signUp(handle: string): Promise<Me> {
  const res = await fetch("/api/players", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ handle }) });
  await json(res);
  return (await fetchMe())!;
}

/**
 * A guest player for a visitor's first ranked run (the session cookie is set by the answer); a device
 * already signed in keeps its player. Answers the player as /me sees them.
 */
export async function joinAsGuest(): Promise<Me> {
  await json(await fetch("/api/players/guest", { method: "POST" }));
  return (await fetchMe())!;
}

/** Chooses the signed-in player's handle: a guest becomes a named player who keeps every run. */
export async function claimHandle(handle: string): Promise<Me> {
  const res = await fetch("/api/players/me", { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ handle }) });
  await json(res);
  return (await fetchMe())!;
}

/** Where a verified run placed: rank and top % on each board, the personal-best change. */
export async function fetchPlacement(runId: string): Promise<RunPlacement> {
  return (await json<{ placement: RunPlacement }>(await fetch(`/api/runs/${runId}/placement`))).placement;
}

/** Redeems a membership code; answers the player's membership after it. */
export async function redeemCode(code: string): Promise<MembershipStatus> {
  const res = await fetch("/api/players/me/membership", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }) });
  return (await json<{ membership: MembershipStatus }>(res)).membership;
}

/** Gives up a ranked run (Esc, pointer lock lost): it stops counting among the player's open runs. */
export async function abandonServerRun(runId: string): Promise<void> {
  await fetch(`/api/runs/${runId}/abandon`, { method: "POST" }).catch(() => undefined);
}

/** Ends this browser's session (the server revokes it and clears the cookie). */
export async function signOut(): Promise<void> {
  const res = await fetch("/api/players/me/logout", { method: "POST" });
  if (!res.ok && res.status !== 401) await json(res);
}

/** Starts a ranked run; with `playlist`, as that item of the player's playlist play. */
export async function startServerRun(scenario: string, tier: TierName, playlist?: PlaylistRunFields): Promise<ServerRun> {
  const res = await fetch("/api/runs", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenario, tier, playlist }) });
  return json<ServerRun>(res);
}

interface PendingFinish {
  runId: string;
  body: { log: string; environment: RunEnvironment; claimed: { score: number }; idempotencyKey: string };
}

async function postFinish(pending: PendingFinish): Promise<FinishedRun> {
  const res = await fetch(`/api/runs/${pending.runId}/finish`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(pending.body),
  });
  return (await json<{ run: FinishedRun }>(res)).run;
}

/** Submits a finished run, retrying network failures and 5xx answers with backoff. */
export async function finishServerRun(runId: string, log: Uint8Array, environment: RunEnvironment, score: number): Promise<FinishedRun> {
  const pending: PendingFinish = {
    runId,
    body: { log: toBase64(log), environment, claimed: { score }, idempotencyKey: `${runId}-${crypto.randomUUID()}` },
  };
  localStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  let delay = 500;
  for (let attempt = 1; ; attempt++) {
    try {
      const run = await postFinish(pending);
      localStorage.removeItem(PENDING_KEY);
      return run;
    } catch (err) {
      const failure = err as Partial<ApiFailure>;
      const retryable = !failure.status || failure.status >= 500 || failure.status === 429;
      if (!retryable || attempt >= 6) {
        if (!retryable) localStorage.removeItem(PENDING_KEY);
        throw err;
      }
      await new Promise((r) => setTimeout(r, delay));
      delay *= 2;
    }
  }
}

/** A finish that never got its answer (tab closed, network down): sends it again. */
export async function resendPendingFinish(): Promise<FinishedRun | null> {
  const raw = localStorage.getItem(PENDING_KEY);
  if (!raw) return null;
  const pending = JSON.parse(raw) as PendingFinish;
  try {
    const run = await postFinish(pending);
    localStorage.removeItem(PENDING_KEY);
    return run;
  } catch (err) {
    if ((err as ApiFailure).status && (err as ApiFailure).status < 500) localStorage.removeItem(PENDING_KEY);
    return null;
  }
}

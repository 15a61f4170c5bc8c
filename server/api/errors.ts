/**
 * The one place errors become HTTP: a closed list of codes, each with its status. Domain modules
 * throw the named errors of server/errors.ts; the endpoint wrapper (server/api/endpoint.ts) turns
 * them, Prisma's constraint errors and anything unexpected into `{ error: { code, message } }`.
 * Unexpected errors are logged in full and answered with a generic 500: no internals reach a client.
 */
import { isDomainError, type DomainErrorCode } from "../errors";

/** Codes only the HTTP edge produces (a method or media type the route does not take). */
type EdgeCode = "method_not_allowed" | "unsupported_media_type" | "internal_error";
export type ErrorCode = DomainErrorCode | EdgeCode;

export const STATUS_OF = {
  invalid_json: 400,
  invalid_path: 400,
  invalid_cursor: 400,
  invalid_period: 400,
  invalid_settings: 400,
  validation_failed: 422,
  invalid_handle: 422,
  handle_not_allowed: 422,
  token_invalid: 422,
  token_expired: 422,
  consent_required: 422,
  password_too_weak: 422,
  passkey_rejected: 422,
  confirmation_mismatch: 422,
  invalid_scenario: 422,
  text_not_allowed: 422,
  invalid_playlist: 422,
  payload_too_large: 413,
  unauthenticated: 401,
  invalid_credentials: 401,
  totp_required: 401,
  totp_reused: 401,
  run_not_yours: 403,
  run_not_public: 403,
  cross_origin: 403,
  tier_not_entitled: 403,
  kiosk_scenario_only: 403,
  wrong_pin: 403,
  not_an_admin: 403,
  admin_role_required: 403,
  totp_enrolment_required: 403,
  handle_required: 403,
  not_the_author: 403,
  own_scenario: 403,
  not_found: 404,
  run_not_found: 404,
  scenario_not_found: 404,
  code_not_found: 404,
  kiosk_not_found: 404,
  pairing_code_not_found: 404,
  player_not_found: 404,
  admin_not_found: 404,
  award_not_found: 404,
  session_not_found: 404,
  passkey_not_found: 404,
  playlist_not_found: 404,
  playlist_play_not_found: 404,
  report_not_found: 404,
  method_not_allowed: 405,
  handle_taken: 409,
  run_already_finished: 409,
  run_not_finished: 409,
  idempotency_key_reused: 409,
  conflict: 409,
  code_exhausted: 409,
  code_already_redeemed: 409,
  token_already_used: 409,
  kiosk_revoked: 409,
  booth_run_order: 409,
  admin_exists: 409,
  totp_already_enrolled: 409,
  award_not_in_review: 409,
  award_transition_not_allowed: 409,
  player_already_disqualified: 409,
  player_not_disqualified: 409,
  run_not_flagged: 409,
  email_in_use: 409,
  scenario_not_published: 409,
  scenario_unplayable: 409,
  already_reported: 409,
  playlist_item_mismatch: 409,
  playlist_incomplete: 409,
  scenario_already_hidden: 409,
  scenario_not_hidden: 409,
  report_already_resolved: 409,
  code_expired: 410,
  pairing_code_expired: 410,
  unsupported_media_type: 415,
  rate_limited: 429,
  login_locked: 429,
  too_many_subscriptions: 429,
  too_many_open_runs: 429,
  internal_error: 500,
  cron_disabled: 503,
  memberships_unconfigured: 503,
  overloaded: 503,
} as const satisfies Record<ErrorCode, number>;

export interface HttpError {
  status: number;
  code: ErrorCode;
  message: string;
  headers: Record<string, string>;
}

export function httpError(code: ErrorCode, message: string, headers: Record<string, string> = {}): HttpError {
  return { status: STATUS_OF[code], code, message, headers };
}

/** Prisma's known request errors that mean "the data says no", not "the server broke". */
function prismaConflict(err: unknown): HttpError | null {
  const code = (err as { code?: unknown })?.code;
  if (code === "P2002") return httpError("conflict", "That conflicts with something already stored.");
  if (code === "P2025") return httpError("not_found", "That record does not exist.");
  return null;
}

/** Any thrown value as the error a client gets. Logs what a client must not see. */
export function toHttpError(err: unknown): HttpError {
  if (isDomainError(err)) {
    const retryAfter = "retryAfterSec" in err && err.retryAfterSec !== undefined ? { "Retry-After": String(err.retryAfterSec) } : undefined;
    return httpError(err.code, err.message, retryAfter);
  }
  const conflict = prismaConflict(err);
  if (conflict) return conflict;
  console.error("unexpected error:", err instanceof Error ? (err.stack ?? err.message) : err);
  return httpError("internal_error", "Something went wrong on our side.");
}

export function errorBody(error: Pick<HttpError, "code" | "message">) {
  return { error: { code: error.code, message: error.message } };
}

/**
 * Domain errors: what went wrong, said in the domain's words. Each class names a kind of failure and
 * takes one code from its closed list; none carries an HTTP status. The edge (server/api/errors.ts)
 * maps every code to a status in one table, so the same error reads the same over HTTP and socket.io.
 *
 * A module that throws one of these has written nothing (throw before the first write, or inside the
 * transaction that is then rolled back).
 */

/** A brand that survives module duplication: Next bundles route handlers apart from server.ts. */
const BRAND = Symbol.for("flickboard.DomainError");

abstract class DomainError<C extends string> extends Error {
  readonly [BRAND] = true;
  constructor(
    readonly code: C,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input is malformed or breaks a rule (bad JSON, a bad field, a forged cursor, a bad handle). */
export class InvalidInput extends DomainError<
  | "invalid_json"
  | "validation_failed"
  | "invalid_path"
  | "invalid_cursor"
  | "invalid_period"
  | "invalid_handle"
  | "handle_not_allowed"
  | "token_invalid"
  | "token_expired"
  | "consent_required"
  | "password_too_weak"
  | "invalid_settings"
  | "passkey_rejected"
  | "confirmation_mismatch"
  | "invalid_scenario"
  | "text_not_allowed"
  | "invalid_playlist"
> {}

/** The request body is over the size an endpoint accepts. */
export class TooLarge extends DomainError<"payload_too_large"> {
  constructor(readonly limitBytes: number) {
    super("payload_too_large", `The request body is over the ${Math.round(limitBytes / 1024)} KB limit.`);
  }
}

/**
 * Nobody recognisable is calling (no credentials, or ones that expired or were revoked), or a sign-in
 * did not prove who it is (a wrong password or second-factor code, or a missing code).
 */
export class Unauthenticated extends DomainError<"unauthenticated" | "invalid_credentials" | "totp_required" | "totp_reused"> {}

/** The caller is known but may not do this. */
export class Forbidden extends DomainError<
  | "run_not_yours"
  | "run_not_public"
  | "cross_origin"
  | "tier_not_entitled"
  | "kiosk_scenario_only"
  | "wrong_pin"
  | "not_an_admin"
  | "admin_role_required"
  | "totp_enrolment_required"
  | "handle_required"
  | "not_the_author"
  | "own_scenario"
> {}

/** The thing named does not exist, or is not visible to the caller. */
export class NotFound extends DomainError<
  | "not_found"
  | "run_not_found"
  | "scenario_not_found"
  | "code_not_found"
  | "kiosk_not_found"
  | "pairing_code_not_found"
  | "player_not_found"
  | "admin_not_found"
  | "award_not_found"
  | "session_not_found"
  | "passkey_not_found"
  | "playlist_not_found"
  | "playlist_play_not_found"
  | "report_not_found"
> {}

/** The request contradicts what is already stored. */
export class Conflict extends DomainError<
  "handle_taken"
  | "run_already_finished"
  | "run_not_finished"
  | "idempotency_key_reused"
  | "conflict"
  | "code_exhausted"
  | "code_already_redeemed"
  | "token_already_used"
  | "kiosk_revoked"
  | "booth_run_order"
  | "admin_exists"
  | "totp_already_enrolled"
  | "award_not_in_review"
  | "award_transition_not_allowed"
  | "player_already_disqualified"
  | "player_not_disqualified"
  | "run_not_flagged"
  | "email_in_use"
  | "scenario_not_published"
  | "scenario_unplayable"
  | "already_reported"
  | "playlist_item_mismatch"
  | "playlist_incomplete"
  | "scenario_already_hidden"
  | "scenario_not_hidden"
  | "report_already_resolved"
> {}

/** The thing named existed but its time is over (an expired code). */
export class Expired extends DomainError<"code_expired" | "pairing_code_expired"> {}

/**
 * Too many requests of a kind from one caller, or too many failed sign-ins for one admin email
 * (`login_locked`); retry after the given number of seconds.
 */
export class RateLimited extends DomainError<"rate_limited" | "login_locked"> {
  constructor(
    message: string,
    readonly retryAfterSec: number,
    code: "rate_limited" | "login_locked" = "rate_limited",
  ) {
    super(code, message);
  }
}

/** A standing limit on how much one caller may hold at once (not a rate: it frees up when released). */
export class LimitReached extends DomainError<"too_many_subscriptions" | "too_many_open_runs"> {}

/** A feature that is switched off, a dependency that is down, or too much work at once (retry later). */
export class Unavailable extends DomainError<"cron_disabled" | "memberships_unconfigured" | "overloaded"> {
  constructor(
    code: "cron_disabled" | "memberships_unconfigured" | "overloaded",
    message: string,
    /** When set, the client is told to retry after this many seconds. */
    readonly retryAfterSec?: number,
  ) {
    super(code, message);
  }
}

export type AnyDomainError =
  | InvalidInput
  | TooLarge
  | Unauthenticated
  | Forbidden
  | NotFound
  | Conflict
  | Expired
  | RateLimited
  | LimitReached
  | Unavailable;
export type DomainErrorCode = AnyDomainError["code"];

export function isDomainError(err: unknown): err is AnyDomainError {
  return typeof err === "object" && err !== null && (err as { [BRAND]?: boolean })[BRAND] === true;
}

/** What `work` answers, or null where it finds nothing (NotFound): a page shows its 404 for that. */
export async function foundOrNull<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof NotFound) return null;
    throw err;
  }
}

/**
 * TOTP second factor (RFC 6238) through the otpauth library: the secret an admin's authenticator app
 * holds, the otpauth:// URI that enrols it, and which time step a typed code belongs to. Accepting
 * each step once (so a code seen over a shoulder cannot be replayed) is the sign-in's job
 * (login.ts), which stores the last step used.
 */
import { Secret, TOTP } from "otpauth";

export interface TotpParams {
  algorithm: "SHA1" | "SHA256" | "SHA512";
  digits: number;
  /** Seconds per time step. */
  period: number;
}

/** What every authenticator app understands. */
export const ADMIN_TOTP: TotpParams = { algorithm: "SHA1", digits: 6, period: 30 };
const ISSUER = "Flickboard";
/** Steps either side of now a code may come from (clock drift, a code typed as it rolled over). */
const DRIFT_STEPS = 1;

/** A new random secret (160 bits, as RFC 4226 recommends), base32 as apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app scans (as a QR code) or takes typed in. */
export function totpUri(email: string, secretBase32: string): string {
  return new TOTP({ issuer: ISSUER, label: email, secret: Secret.fromBase32(secretBase32), ...ADMIN_TOTP }).toString();
}

/** The time step `code` is the code of, within DRIFT_STEPS of `at`, or null when it is none of them. */
export function totpStep(secretBase32: string, code: string, at: Date, params: TotpParams = ADMIN_TOTP): number | null {
  const secret = Secret.fromBase32(secretBase32);
  const timestamp = at.getTime();
  const delta = TOTP.validate({ token: code, secret, timestamp, window: DRIFT_STEPS, ...params });
  return delta === null ? null : TOTP.counter({ period: params.period, timestamp }) + delta;
}

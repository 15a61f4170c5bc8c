/**
 * Admin password hashing: scrypt (node:crypto) with a random salt per password. The stored string
 * carries its parameters, so they can be raised later and old hashes still verify:
 *
 *   scrypt$ln=15,r=8,p=1$<salt, base64>$<key, base64>     (N = 2^ln)
 *
 * N = 2^15, r = 8 is the OWASP minimum for scrypt (32 MiB and about 0.1 s a hash here).
 */
import crypto from "node:crypto";
import { promisify } from "node:util";

const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;

interface ScryptParams {
  ln: number;
  r: number;
  p: number;
}

const CURRENT: ScryptParams = { ln: 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Bounds on stored parameters: a hash is never trusted to make us spend more than this. */
const MAX_LN = 20;
const FORMAT = /^scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

function derive(password: string, salt: Buffer, params: ScryptParams, keylen: number): Promise<Buffer> {
  const N = 2 ** params.ln;
  return scrypt(password.normalize("NFKC"), salt, keylen, { N, r: params.r, p: params.p, maxmem: 256 * N * params.r });
}

function format(params: ScryptParams, salt: Buffer, key: Buffer): string {
  return `scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(SALT_BYTES);
  return format(CURRENT, salt, await derive(password, salt, CURRENT, KEY_BYTES));
}

/** Whether `password` is the one `stored` was made from; compares in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = FORMAT.exec(stored);
  if (!match) throw new Error("not a password hash this app wrote");
  const params = { ln: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  if (params.ln > MAX_LN || params.r > 32 || params.p > 16) throw new Error("password hash parameters out of bounds");
  const expected = Buffer.from(match[5]!, "base64");
  const actual = await derive(password, Buffer.from(match[4]!, "base64"), params, expected.length);
  return crypto.timingSafeEqual(actual, expected);
}

/**
 * What a sign-in for an email no account has is checked against: a well-formed hash of the current
 * parameters that no password matches, so it costs one hash like a real account.
 */
export const NO_ACCOUNT_HASH = format(CURRENT, Buffer.alloc(SALT_BYTES), Buffer.alloc(KEY_BYTES));

/**
 * TOTP (server/admin/totp.ts) against RFC 6238's own test vectors (Appendix B), for each of its
 * hash functions, and the drift window and URI the sign-in and `npm run admin:totp` rely on.
 */
import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { ADMIN_TOTP, newTotpSecret, totpStep, totpUri, type TotpParams } from "../../../server/admin/totp";

/** RFC 6238 Appendix B: the seed of each hash function (ASCII) and the 8-digit codes at each time. */
const SEEDS: Record<TotpParams["algorithm"], string> = {
  SHA1: "12345678901234567890",
  SHA256: "12345678901234567890123456789012",
  SHA512: "1234567890123456789012345678901234567890123456789012345678901234",
};
const VECTORS: [seconds: number, algorithm: TotpParams["algorithm"], code: string][] = [
  [59, "SHA1", "94287082"],
  [59, "SHA256", "46119246"],
  [59, "SHA512", "90693936"],
  [1111111109, "SHA1", "07081804"],
  [1111111109, "SHA256", "68084774"],
  [1111111109, "SHA512", "25091201"],
  [1111111111, "SHA1", "14050471"],
  [1111111111, "SHA256", "67062674"],
  [1111111111, "SHA512", "99943326"],
  [1234567890, "SHA1", "89005924"],
  [1234567890, "SHA256", "91819424"],
  [1234567890, "SHA512", "93441116"],
  [2000000000, "SHA1", "69279037"],
  [2000000000, "SHA256", "90698825"],
  [2000000000, "SHA512", "38618901"],
  [20000000000, "SHA1", "65353130"],
  [20000000000, "SHA256", "77737706"],
  [20000000000, "SHA512", "47863826"],
];

describe("TOTP (RFC 6238)", () => {
  it.each(VECTORS)("at %i s, %s: %s is the code of that time step", (seconds, algorithm, code) => {
    const secret = Secret.fromLatin1(SEEDS[algorithm]).base32;
    const params = { algorithm, digits: 8, period: 30 };
    const step = Math.floor(seconds / 30);
    expect(totpStep(secret, code, new Date(seconds * 1000), params)).toBe(step);
    // One step of clock drift either way is allowed, and names the same step; two are not.
    expect(totpStep(secret, code, new Date((seconds + 30) * 1000), params)).toBe(step);
    expect(totpStep(secret, code, new Date((seconds - 30) * 1000), params)).toBe(step);
    expect(totpStep(secret, code, new Date((seconds + 60) * 1000), params)).toBeNull();
    expect(totpStep(secret, code.replace(/.$/, (d) => String((Number(d) + 1) % 10)), new Date(seconds * 1000), params)).toBeNull();
  });

  it("makes 160-bit secrets and an otpauth:// URI that authenticator apps read", () => {
    const secret = newTotpSecret();
    expect(Secret.fromBase32(secret).bytes.length).toBe(20);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri("ops@flick.test", secret));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Flickboard:ops@flick.test");
    expect(Object.fromEntries(uri.searchParams)).toEqual({ issuer: "Flickboard", secret, algorithm: "SHA1", digits: "6", period: "30" });
  });

  it("takes an authenticator app's six-digit code for now", () => {
    const secret = newTotpSecret();
    const now = new Date("2026-11-27T10:00:10Z");
    const code = TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: now.getTime(), ...ADMIN_TOTP });
    expect(code).toMatch(/^\d{6}$/);
    expect(totpStep(secret, code, now)).toBe(Math.floor(now.getTime() / 30_000));
    expect(totpStep(newTotpSecret(), code, now)).toBeNull();
  });
});

/** Admin passwords: scrypt hashes that carry their salt and parameters, and the policy for new ones. */
import { describe, expect, it } from "vitest";
import { commonPasswords, checkNewPassword } from "../../../server/admin/password-policy";
import { hashPassword, NO_ACCOUNT_HASH, verifyPassword } from "../../../server/admin/passwords";

describe("password hashing", () => {
  it("stores scrypt with its parameters and a salt of its own, and verifies only the right password", async () => {
    const [a, b] = await Promise.all([hashPassword("tangerine-lamp-42"), hashPassword("tangerine-lamp-42")]);
    expect(a).toMatch(/^scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("tangerine-lamp-42", a)).toBe(true);
    expect(await verifyPassword("tangerine-lamp-42", b)).toBe(true);
    expect(await verifyPassword("tangerine-lamp-43", a)).toBe(false);
    expect(await verifyPassword("", a)).toBe(false);
  });

  it("reads the parameters from the stored hash, within bounds", async () => {
    const stored = await hashPassword("tangerine-lamp-42");
    // The same salt and key under other parameters is another hash: the parameters are used.
    expect(await verifyPassword("tangerine-lamp-42", stored.replace("ln=15", "ln=14"))).toBe(false);
    await expect(verifyPassword("tangerine-lamp-42", stored.replace("ln=15", "ln=30"))).rejects.toThrow(/out of bounds/);
    await expect(verifyPassword("tangerine-lamp-42", "$2b$10$bcryptlooking")).rejects.toThrow(/not a password hash/);
  });

  it("checks an unknown email's sign-in against a hash of the same cost that nothing matches", async () => {
    const real = await hashPassword("anything-at-all");
    expect(NO_ACCOUNT_HASH.split("$")[1]).toBe(real.split("$")[1]);
    expect(await verifyPassword("", NO_ACCOUNT_HASH)).toBe(false);
    expect(await verifyPassword("anything-at-all", NO_ACCOUNT_HASH)).toBe(false);
  });
});

describe("new password policy", () => {
  const email = "tournament.director@flick.test";
  const reason = (password: string) => {
    try {
      checkNewPassword(password, email);
      return null;
    } catch (err) {
      return `${(err as { code: string }).code}: ${(err as Error).message}`;
    }
  };

  it("needs at least 12 characters, counted as characters", () => {
    expect(reason("violet-harp")).toMatch(/^password_too_weak: .*too short.*12.*got 11/);
    expect(reason("violet-harp!")).toBeNull();
    expect(reason("éééééééééé1")).toMatch(/too short/); // 11 characters, 21 bytes
  });

  it("refuses the 10,000 most common passwords, whatever their case", () => {
    const list = commonPasswords();
    expect(list.size).toBe(10_000);
    expect(list.has("123456")).toBe(true);
    expect(list.has("1qaz2wsx3edc")).toBe(true);
    expect(reason("1qaz2wsx3edc")).toMatch(/most common/);
    expect(reason("QWERTY123456")).toMatch(/most common/);
    expect(reason("1Qaz2Wsx3Edc")).toMatch(/most common/);
  });

  it("refuses the account's own email or its name part", () => {
    expect(reason("Tournament.Director")).toMatch(/email/);
    expect(reason("tournament.director@flick.test")).toMatch(/email/);
    expect(reason("tournament.director.2026")).toBeNull();
  });
});

/**
 * `npm run admin:create` and `npm run admin:totp` (scripts/admin-*.ts) as an operator runs them,
 * against a temporary SQLite database: what they create, what they refuse (changing nothing), and
 * that the account then signs in (server/admin/login.ts).
 */
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logIn } from "../../server/admin/login";
import { verifyPassword } from "../../server/admin/passwords";
import { ADMIN_TOTP } from "../../server/admin/totp";
import { createDb, type Db } from "../../server/db/client";
import { migrate } from "../../server/db/migrate";
import { runCli } from "../support/cli";
import { tempSqliteUrl } from "../support/server";

const PASSWORD = "correct-horse-battery";
let url: string;
let db: Db;
beforeAll(async () => {
  url = tempSqliteUrl();
  await migrate(url);
  db = createDb(url);
});
afterAll(() => db?.$disconnect());

/** admin:create with ADMIN_PASSWORD set to `password` (empty: not given; no terminal to type it in either). */
const create = (args: string[], password = PASSWORD) => runCli("admin-create.ts", args, { DATABASE_URL: url, ADMIN_PASSWORD: password });
const totp = (args: string[]) => runCli("admin-totp.ts", args, { DATABASE_URL: url });
const accounts = () => db.adminUser.findMany({ orderBy: { createdAt: "asc" } });
const policy = { sessionHours: 1, requireTotp: false };

// Each run starts a tsx process (a few seconds on a busy machine).
describe("npm run admin:create", { timeout: 180_000 }, () => {
  it("creates an admin (by default) or a staff account from ADMIN_PASSWORD, hashed, and audited", async () => {
    expect(await create(["--email", "Director@Flick.test"])).toMatchObject({ code: 0, stdout: "created admin director@flick.test\n" });
    expect(await create(["--email", "desk@flick.test", "--role", "staff"])).toMatchObject({ code: 0, stdout: "created staff desk@flick.test\n" });
    const [director, desk] = await accounts();
    expect([director!.email, director!.role, desk!.email, desk!.role]).toEqual(["director@flick.test", "admin", "desk@flick.test", "staff"]);
    expect(director!.passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword(PASSWORD, director!.passwordHash)).toBe(true);
    const audited = await db.auditLog.findMany({ where: { action: "admin.created" }, orderBy: { id: "asc" } });
    expect(audited.map((e) => [e.actorId, e.targetId, e.details])).toEqual([
      ["cli", director!.id, { email: "director@flick.test", role: "admin" }],
      ["cli", desk!.id, { email: "desk@flick.test", role: "staff" }],
    ]);
    expect((await logIn(db, { email: "director@flick.test", password: PASSWORD, ip: null, userAgent: null }, policy)).admin.role).toBe("admin");
  });

  it("refuses a short, common or missing password, bad flags and an existing email, changing nothing", async () => {
    const before = await accounts();
    const cases: [args: string[], password: string, code: number, message: RegExp][] = [
      [["--email", "a@flick.test"], "short-pass1", 1, /too short: at least 12 characters \(got 11\)/],
      [["--email", "a@flick.test"], "Qwerty123456", 1, /10,000 most common/],
      [["--email", "a@flick.test"], "", 2, /No password given: set ADMIN_PASSWORD/],
      [[], PASSWORD, 2, /--email is required/],
      [["--email", "not-an-email"], PASSWORD, 2, /--email must be an email address/],
      [["--email", "a@flick.test", "--role", "owner"], PASSWORD, 2, /--role must be admin or staff/],
      [["--email", "director@flick.test"], PASSWORD, 1, /exists: pass --reset/],
      [["--email", "nobody@flick.test", "--reset"], PASSWORD, 1, /No admin has the email nobody@flick.test/],
    ];
    // Refused runs write nothing, so they run side by side.
    const results = await Promise.all(cases.map(([args, password]) => create(args, password)));
    for (const [i, [args, , code, message]] of cases.entries()) {
      expect(results[i]!.code, `${args.join(" ")}: ${results[i]!.stderr}`).toBe(code);
      expect(results[i]!.stderr).toMatch(message);
    }
    expect(await accounts()).toEqual(before);
  });

  it("--reset replaces the password and role, and signs the account out everywhere", async () => {
    const signedIn = await logIn(db, { email: "desk@flick.test", password: PASSWORD, ip: null, userAgent: null }, policy);
    const reset = await create(["--email", "desk@flick.test", "--role", "admin", "--reset"], "a-new-long-passphrase");
    expect(reset).toMatchObject({ code: 0, stdout: "reset the password of admin desk@flick.test; 1 session(s) signed out\n" });
    expect(await db.adminSession.findFirstOrThrow({ where: { adminId: signedIn.admin.id } })).toMatchObject({ revokedAt: expect.any(Date) });
    await expect(logIn(db, { email: "desk@flick.test", password: PASSWORD, ip: null, userAgent: null }, policy)).rejects.toMatchObject({ code: "invalid_credentials" });
    expect((await logIn(db, { email: "desk@flick.test", password: "a-new-long-passphrase", ip: null, userAgent: null }, policy)).admin.role).toBe("admin");
  });
});

describe("npm run admin:totp", { timeout: 180_000 }, () => {
  it("prints a secret once that then signs the account in with its codes, and keeps it unless --replace", async () => {
    const enrolled = await totp(["--email", "director@flick.test"]);
    expect(enrolled.code, enrolled.stderr).toBe(0);
    const uri = new URL(/otpauth:\/\/\S+/.exec(enrolled.stdout)![0]);
    const secret = uri.searchParams.get("secret")!;
    expect(enrolled.stdout).toContain(`type the key by hand: ${secret}`);
    const attempt = { email: "director@flick.test", password: PASSWORD, ip: null, userAgent: null };
    await expect(logIn(db, attempt, policy)).rejects.toMatchObject({ code: "totp_required" });
    const code = TOTP.generate({ secret: Secret.fromBase32(secret), ...ADMIN_TOTP });
    expect((await logIn(db, { ...attempt, totp: code }, policy)).admin.totp).toBe(true);

    const again = await totp(["--email", "director@flick.test"]);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringMatching(/already has a second factor: pass --replace/) });
    expect((await db.adminUser.findUniqueOrThrow({ where: { email: "director@flick.test" } })).totpSecret).toBe(secret);
    const replaced = await totp(["--email", "director@flick.test", "--replace"]);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).not.toContain(secret);
    expect(await db.auditLog.count({ where: { action: "admin.totp_enrolled" } })).toBe(2);
    expect(await totp(["--email", "nobody@flick.test"])).toMatchObject({ code: 1, stderr: expect.stringMatching(/No admin has the email/) });
  });
});

/**
 * `npm run admin:create -- --email <email> [--role admin|staff] [--reset]`: creates an admin account,
 * or with --reset replaces its password (signing it out everywhere). The password comes from
 * ADMIN_PASSWORD, or is typed twice at a hidden prompt when run in a terminal (docs/admin.md).
 */
import { z } from "zod";
import { ADMIN_ROLES, type AdminRole } from "../lib/contracts/admin";
import { createAdmin } from "../server/admin/create-admin";
import { MIN_PASSWORD_LENGTH } from "../server/admin/password-policy";
import { commandConfig, fail, parseFlags, withDb } from "./cli";

const USAGE = `usage: npm run admin:create -- --email <email> [--role admin|staff] [--reset]
  The password is read from ADMIN_PASSWORD, or typed (hidden) when run in a terminal.
  --reset replaces an existing account's password (and its role, with --role) and signs it out.`;
const values = parseFlags(USAGE, { email: { type: "string" }, role: { type: "string" }, reset: { type: "boolean", default: false } });
if (!values.email) fail(`--email is required\n${USAGE}`);
if (!z.email().safeParse(values.email.trim()).success) fail(`--email must be an email address (got ${JSON.stringify(values.email)})\n${USAGE}`);
if (values.role !== undefined && !ADMIN_ROLES.includes(values.role as AdminRole)) fail(`--role must be admin or staff (got ${JSON.stringify(values.role)})\n${USAGE}`);

const config = commandConfig();
const password = await readPassword();

await withDb(config, async (db) => {
  const result = await createAdmin(db, {
    email: values.email!,
    password,
    role: values.role as AdminRole | undefined,
    reset: values.reset,
    actor: { actorType: "admin", actorId: "cli" },
  });
  const { email, role } = result.admin;
  console.log(result.created ? `created ${role} ${email}` : `reset the password of ${role} ${email}; ${result.sessionsRevoked} session(s) signed out`);
});

/** ADMIN_PASSWORD, else the password typed twice at a hidden prompt; no terminal and no variable fails. */
async function readPassword(): Promise<string> {
  const fromEnv = process.env.ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) fail("No password given: set ADMIN_PASSWORD, or run this in a terminal to type it. Nothing was changed.");
  const first = await promptHidden(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  const again = await promptHidden("The same password again: ");
  if (first !== again) fail("The two passwords differ. Nothing was changed.");
  return first;
}

/** Reads a line from the terminal without echoing it (Backspace edits, Ctrl-C cancels). */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stdout.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve) => {
    let typed = "";
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") {
          stop();
          return resolve(typed);
        }
        if (ch === "\u0003") {
          stop();
          fail("Cancelled. Nothing was changed.", 130);
        }
        typed = ch === "\u007f" || ch === "\b" ? [...typed].slice(0, -1).join("") : typed + ch;
      }
    };
    const stop = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write("\n");
    };
    stdin.on("data", onData);
  });
}

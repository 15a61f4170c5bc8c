/**
 * `npm run admin:totp -- --email <email> [--replace]`: enrols a TOTP second factor for an admin and
 * prints its otpauth:// URI once, to scan into an authenticator app (docs/admin.md). From then on the
 * account signs in with a code; with ADMIN_REQUIRE_TOTP=true every account must have one.
 */
import { enrolTotp } from "../server/admin/enrol-totp";
import { commandConfig, fail, parseFlags, withDb } from "./cli";

const USAGE = `usage: npm run admin:totp -- --email <email> [--replace]
  --replace enrols a new second factor for an account that has one (the old codes stop working).`;
const values = parseFlags(USAGE, { email: { type: "string" }, replace: { type: "boolean", default: false } });
if (!values.email) fail(`--email is required\n${USAGE}`);

await withDb(commandConfig(), async (db) => {
  const { uri, secret } = await enrolTotp(db, { email: values.email!, replace: values.replace, actor: { actorType: "admin", actorId: "cli" } });
  console.log(`Scan this into an authenticator app now (it is not shown again):\n\n  ${uri}\n\nor type the key by hand: ${secret}`);
});
